// `@clockhook/dispatcher/store`: for writing or testing a `DeliveryStore` of your own.

export type { DueCandidate, FailureStreak } from './store/rules'
export { failingSinceAfter, failureStreak, isDue, isLeaseFree, isOpen } from './store/rules'
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
  Release,
  StoredEndpoint,
  StoredMessage,
} from './store/types'
