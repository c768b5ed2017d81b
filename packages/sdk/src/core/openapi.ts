import type { paths } from '../generated/openapi'

/** A path of the API that has method `M`. */
export type PathWith<M extends string> = {
  [P in keyof paths]: paths[P] extends Record<M, { responses: unknown }> ? P : never
}[keyof paths]

type Operation<P extends keyof paths, M extends string> =
  paths[P] extends Record<M, infer O> ? O : never

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never

/** The JSON body of the 2xx answer of `M P`. */
export type ResponseBody<P extends keyof paths, M extends string> =
  Operation<P, M> extends { responses: infer R }
    ? { [S in keyof R]: S extends 200 | 201 | 202 ? JsonContent<R[S]> : never }[keyof R]
    : never

/** The JSON request body of `M P`. */
export type RequestBody<P extends keyof paths, M extends string> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never

/** The query parameters of `M P`. */
export type QueryParams<P extends keyof paths, M extends string> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never

/** The items of a list answer. */
export type ItemOf<Body> = Body extends { data: Array<infer I> } ? I : never
