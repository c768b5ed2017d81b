interface NodeLikeResponse {
  statusCode: number
  once(event: 'finish' | 'close', listener: () => void): unknown
}

/** Marks the delivery handled once a 2xx answer is sent; releases it for any other end. */
export function settleOnFinish(
  res: NodeLikeResponse,
  delivery: { settle(handled: boolean): Promise<void> },
): void {
  res.once('finish', () => {
    void delivery.settle(res.statusCode >= 200 && res.statusCode < 300)
  })
  res.once('close', () => {
    void delivery.settle(false)
  })
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}
