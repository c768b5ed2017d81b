export type {
  WebhookErrorCode,
  WebhookErrorOptions,
  WebhookVerificationErrorCode,
} from './errors'
export { WebhookError, WebhookVerificationError } from './errors'
export type { WebhookPayload } from './internal/bytes'
export type { WebhookHeaders, WebhookHeaderValue } from './internal/headers'
export type { WebhookSecret } from './internal/keys'
export type { MessageId } from './internal/sign-flow'
export type { Ed25519KeyPair, GenerateSecretOptions } from './secret'
export { generateKeyPair, generateSecret, publicKeyOf } from './secret'
export type { Verifier, VerifierOptions } from './verify'
export { createVerifier, verifyWebhook } from './verify'
export type { VerifyOptions, WebhookOptions, WebhookRequestHeaders } from './webhook'
export { Webhook } from './webhook'
