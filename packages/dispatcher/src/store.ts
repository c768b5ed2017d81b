// `@clockhook/dispatcher/store`: for writing or testing a `DeliveryStore` of your own.

export type { DueCandidate, FailureStreak, PermitDecision, PermitState } from './store/rules'
export {
  failingSinceAfter,
  failureStreak,
  grantPermits,
  isDue,
  isLeaseFree,
  isOpen,
} from './store/rules'
export type {
  AttemptOutcome,
  Backlog,
  ClaimedDelivery,
  ClaimOptions,
  DeliveryQuery,
  DeliveryQueue,
  DeliveryRepository,
  DeliveryStore,
  EndpointPatch,
  EndpointQuery,
  MessageQuery,
  NewDelivery,
  PermitGrant,
  PermitRequest,
  Release,
  StoredEndpoint,
  StoredMessage,
} from './store/types'
