/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Who made a change on a timeline. */
export type ActorKind =
  /** A notification from Seller Central. */
  | 'SELLER_CENTRAL'
  /** Buy with Prime itself. */
  | 'SYSTEM'
  /** A merchant user (see `actor`). */
  | 'USER';

/** Whether shoppers can buy the product with Prime now (the public Buy with Prime API's values). */
export type Buyability =
  /** Offer Prime is on and nothing stands in the way. */
  | 'BUYABLE'
  /** Offer Prime is off, or something stands in the way (see `ineligibilityReasons`). */
  | 'NOT_BUYABLE'
  /** Offer Prime is on but the SKU's inventory has not been identified yet. */
  | 'UNKNOWN';

/** Which products to list. */
export type CatalogProductFilter = {
  /** Only products that could offer Prime now (true) or that could not (false). */
  eligible?: boolean | null | undefined;
  /** Only products that offer Prime (true) or that do not (false). */
  offeringPrime?: boolean | null | undefined;
  /** Text in the SKU or the title, case-insensitive. */
  search?: string | null | undefined;
};

/** What happened to a link. */
export type LinkEventKind =
  /** A newer start replaced this one before it was authorized. */
  | 'ATTEMPT_ABANDONED'
  /** The catalog was re-synced from Seller Central. */
  | 'CATALOG_SYNCED'
  /** The merchant agreed to let Buy with Prime use its Seller Central information and started a link. */
  | 'CONSENT_RECORDED'
  /** The link was completed with a Seller Central account and store. */
  | 'LINKED'
  /** Listings vanished from Seller Central; their products stopped offering Prime. */
  | 'LISTINGS_VANISHED'
  /** The account stopped qualifying. */
  | 'NEEDS_ATTENTION'
  /** An onboarding step failed; the link stays (L6). */
  | 'ONBOARDING_STEP_FAILED'
  /** A merchant user retried a failed onboarding step. */
  | 'ONBOARDING_STEP_RETRIED'
  /** An onboarding step finished (L6). */
  | 'ONBOARDING_STEP_SUCCEEDED'
  /** The merchant re-verified an account that qualifies again. */
  | 'REVERIFIED'
  /** Unlinking completed; the link is history (U6). */
  | 'UNLINKED'
  /** Every order was outside its return window, so unlinking began (U3, U5). */
  | 'UNLINKING_STARTED'
  /** A merchant user asked merchant support to unlink (U2). */
  | 'UNLINK_REQUESTED'
  /** The unlink request was withdrawn while it waited; the link is active again (U4). */
  | 'UNLINK_WITHDRAWN';

/** Where a Seller Central link stands. Only LINKED lets the merchant offer Prime. */
export type LinkState =
  /** History: a start that a newer start replaced before it was completed. */
  | 'ABANDONED'
  /** Consent recorded; waiting for the merchant to authorize at Seller Central and complete the link. */
  | 'AWAITING_AUTHORIZATION'
  /** Linked and qualifying: Buy with Prime can be used. */
  | 'LINKED'
  /** The account stopped qualifying (L8); see `attention`, fix it in Seller Central, then re-verify. */
  | 'NEEDS_ATTENTION'
  /** History: the link has ended. */
  | 'UNLINKED'
  /** Unlinking has begun; Prime can no longer be offered. */
  | 'UNLINKING'
  /** An unlink was requested; it waits until every order is outside its return window. */
  | 'UNLINK_REQUESTED';

/** What linking sets going (L6). */
export type OnboardingStepKind =
  /** Activate Prime shipping for eligible products (needs Amazon Pay). */
  | 'ACTIVATE_PRIME_SHIPPING'
  /** Identify inventory in Amazon fulfillment centers. */
  | 'IDENTIFY_FULFILLMENT_INVENTORY'
  /** Import the Amazon product listings into the Buy with Prime catalog. */
  | 'IMPORT_LISTINGS'
  /** Register for Amazon Pay. */
  | 'REGISTER_AMAZON_PAY';

/** Where an onboarding step stands. */
export type OnboardingStepState =
  /** Failed; see `failureReason`. It can be retried and never undoes the link. */
  | 'FAILED'
  /** Running. */
  | 'IN_PROGRESS'
  /** Not started yet. */
  | 'PENDING'
  /** Done. */
  | 'SUCCEEDED';

/** Which orders to list. */
export type OrderFilter = {
  /** Only orders still inside their return window (true: undelivered, in the window, return or refund pending) or outside it (false). */
  insideReturnWindow?: boolean | null | undefined;
  /** Only orders in these states. */
  states?: Array<OrderState> | null | undefined;
};

/** Why an order is still open, and so keeps an unlink waiting (U3). */
export type OrderOpenReason =
  /** Delivered, and its return window has not ended (O2). */
  | 'INSIDE_RETURN_WINDOW'
  /** Not delivered yet: its return window has not started (O2). */
  | 'NOT_DELIVERED'
  /** A refund is pending (O3). */
  | 'REFUND_PENDING'
  /** A return was started. */
  | 'RETURN_IN_PROGRESS';

/** Where a Buy with Prime order stands (O4). */
export type OrderState =
  /** Cancelled before delivery. */
  | 'CANCELLED'
  /** Delivered; its return window runs. */
  | 'DELIVERED'
  /** Placed by the shopper; not shipped yet. */
  | 'PLACED'
  /** Refunded. */
  | 'REFUNDED'
  /** A refund was requested and is pending (the order counts as open, O3). */
  | 'REFUND_PENDING'
  /** The shopper started a return. */
  | 'RETURN_STARTED'
  /** Shipped by Amazon (Multi-Channel Fulfillment). */
  | 'SHIPPED';

/** Why a product cannot offer Prime now (P2). */
export type PrimeIneligibilityReason =
  /** Amazon Pay registration is not active yet. */
  | 'AMAZON_PAY_NOT_REGISTERED'
  /** Fulfillment-center inventory has not been identified for the SKU yet. */
  | 'INVENTORY_NOT_IDENTIFIED'
  /** The Seller Central account stopped qualifying (L8). */
  | 'LINK_NEEDS_ATTENTION'
  /** The SKU has no units in an Amazon fulfillment center. */
  | 'NO_FULFILLMENT_INVENTORY'
  /** There is no completed Seller Central link (L1). */
  | 'NO_LINK'
  /** The SKU has no Seller Central listing any more. */
  | 'NO_LISTING'
  /** Prime shipping is not activated yet. */
  | 'PRIME_SHIPPING_NOT_ACTIVE'
  /** An unlink was requested or has begun (U4, U5). */
  | 'UNLINK_IN_PROGRESS';

/** A merchant user's role in the Buy with Prime console. */
export type Role =
  /** Everything an owner can do in the console, including linking and unlinking. */
  | 'ADMIN'
  /** Orders; can see the link but not change it. */
  | 'CUSTOMER_SERVICE'
  /** API credentials; can see the link but not change it. */
  | 'DEVELOPER'
  /** Everything, including linking and unlinking Seller Central. */
  | 'OWNER'
  /** No access to the Prime and Settings pages, so not to the Seller Central link. */
  | 'STAFF';

/** Where an unlink request stands. */
export type UnlinkRequestState =
  /** Unlinked (U6). */
  | 'COMPLETED'
  /** Unlinking has begun (U5); it completes after the processing time. */
  | 'UNLINKING'
  /** Waits until every order is outside its return window (U3); can be withdrawn (U4). */
  | 'WAITING'
  /** Withdrawn while it waited; the link became active again. */
  | 'WITHDRAWN';

/** What went wrong, as a code a frontend can switch on. The list only grows; codes are never renamed. */
export type UserErrorCode =
  /** The Seller Central account is not active and in good standing (L4). */
  | 'ACCOUNT_NOT_ACTIVE'
  /** The Seller Central account is on the Individual selling plan; Buy with Prime needs Professional (L3). */
  | 'ACCOUNT_NOT_PROFESSIONAL'
  /** The merchant already has a linked Seller Central account (L7). */
  | 'ALREADY_LINKED'
  /** Amazon Pay registration is not active yet (L6, P2). */
  | 'AMAZON_PAY_NOT_REGISTERED'
  /** The API token was already revoked. */
  | 'API_TOKEN_ALREADY_REVOKED'
  /** The authorization code expired before it was used. */
  | 'AUTHORIZATION_CODE_EXPIRED'
  /** The authorization code is unknown, or was issued for another link attempt. */
  | 'AUTHORIZATION_CODE_INVALID'
  /** Login with Amazon refused the authorization code (invalid_grant: used, expired, or for another redirect URI). */
  | 'AUTHORIZATION_CODE_REJECTED'
  /** The authorization code was already used; each code works once. */
  | 'AUTHORIZATION_CODE_USED'
  /** The link attempt (and its OAuth state) expired before Seller Central sent the merchant back. */
  | 'AUTHORIZATION_STATE_EXPIRED'
  /** The OAuth state that came back from Seller Central is unknown, or belongs to another link attempt or merchant. */
  | 'AUTHORIZATION_STATE_INVALID'
  /** The OAuth state was already used: its link attempt is complete or was replaced. */
  | 'AUTHORIZATION_STATE_USED'
  /** The merchant has not agreed to let Buy with Prime use its Seller Central information (L2). */
  | 'CONSENT_REQUIRED'
  /** The idempotency key was already used with a different request. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** An `after` cursor is not one this API issued for this list. */
  | 'INVALID_CURSOR'
  /** An ID is not one this API issued (malformed, or of another type). */
  | 'INVALID_ID'
  /** The link is in a state from which this step cannot be taken. */
  | 'INVALID_LINK_TRANSITION'
  /** The onboarding step is in a state from which this change cannot be made. */
  | 'INVALID_STEP_TRANSITION'
  /** The merchant's only owner cannot be removed or given another role; make another user an owner first. */
  | 'LAST_OWNER'
  /** The link needs attention: the account stopped qualifying (L8). */
  | 'LINK_NEEDS_ATTENTION'
  /** There is no completed Seller Central link, which this needs (L1). */
  | 'LINK_NOT_ACTIVE'
  /** This link attempt is no longer waiting for a Seller Central authorization (completed or abandoned). */
  | 'LINK_NOT_AWAITING_AUTHORIZATION'
  /** Nothing with this ID exists for the signed-in merchant. */
  | 'NOT_FOUND'
  /** The signed-in user's role may not do this; ask an owner or admin of the merchant. */
  | 'PERMISSION_DENIED'
  /** An earlier link is still being unlinked; a new link waits until it is fully unlinked (L7). */
  | 'PREVIOUS_LINK_NOT_UNLINKED'
  /** Prime shipping is not activated yet (L6, P2). */
  | 'PRIME_SHIPPING_NOT_ACTIVE'
  /** The product has no Seller Central listing with fulfillment-center inventory (P2). */
  | 'PRODUCT_NOT_ELIGIBLE'
  /** A Buy with Prime order needs a product whose Offer Prime is on (O1). */
  | 'PRODUCT_NOT_OFFERING_PRIME'
  /** Sandbox only: no sandbox Seller Central account has this ID. */
  | 'SANDBOX_ACCOUNT_NOT_FOUND'
  /** Sandbox only: no sandbox store has this ID. */
  | 'SANDBOX_STORE_NOT_FOUND'
  /** Seller Central did not do what was asked (a service is down); nothing was changed. */
  | 'SELLER_CENTRAL_UNAVAILABLE'
  /** The chosen store is not one of the Seller Central account's stores (L5). */
  | 'STORE_NOT_IN_ACCOUNT'
  /** An unlink has already been requested and is waiting (U3). */
  | 'UNLINK_ALREADY_REQUESTED'
  /** Products still offer Prime; turn Offer Prime off for all of them before requesting an unlink (U1). */
  | 'UNLINK_BLOCKED_BY_OFFER_PRIME'
  /** An unlink was requested or has begun; Prime cannot be offered again (U4, U5). */
  | 'UNLINK_IN_PROGRESS'
  /** The unlink request can no longer be withdrawn: unlinking has begun or it has ended (U4). */
  | 'UNLINK_NOT_WITHDRAWABLE'
  /** A user with this sign-in subject or email already exists. */
  | 'USER_ALREADY_EXISTS'
  /** The merchant has as many users as it can have (500); remove some first. */
  | 'USER_LIMIT_REACHED';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { user: { displayName: string, role: Role }, merchant: { name: string, sellerCentralLink: { state: LinkState, active: boolean } | null } } };

export type StartSellerCentralLinkMutationVariables = Exact<{ [key: string]: never; }>;


export type StartSellerCentralLinkMutation = { startSellerCentralLink: { authorizationState: string | null, authorizationUrl: string | null, link: { id: string, state: LinkState, consent: { agreedAt: string, agreedBy: { displayName: string } | null } } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string, remedy: string | null }> } };

export type CompleteSellerCentralLinkMutationVariables = Exact<{
  linkId: string | number;
  authorizationCode: string;
}>;


export type CompleteSellerCentralLinkMutation = { completeSellerCentralLink: { link: { id: string, state: LinkState, sellerAccount: { name: string } | null, store: { name: string } | null, onboardingSteps: Array<{ kind: OnboardingStepKind, state: OnboardingStepState }> } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string, remedy: string | null }> } };

export type LinkStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type LinkStatusQuery = { sellerCentralLink: { id: string, state: LinkState, active: boolean, sellerAccount: { id: string, name: string } | null, store: { id: string, name: string } | null, attention: { code: UserErrorCode, message: string, remedy: string, since: string } | null, onboardingSteps: Array<{ kind: OnboardingStepKind, state: OnboardingStepState, attempts: number, startedAt: string | null, finishedAt: string | null, failureReason: string | null, progress: { done: number, total: number } | null }>, timeline: { nodes: Array<{ occurredAt: string, kind: LinkEventKind, fromState: LinkState | null, toState: LinkState | null, actorKind: ActorKind, message: string, actor: { displayName: string } | null }> } } | null };

export type CatalogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CatalogProductFilter | null | undefined;
}>;


export type CatalogQuery = { catalogSummary: { productCount: number, eligibleCount: number, offeringPrimeCount: number }, catalogProducts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, sku: string, amazonSku: string, title: string, fulfillableQuantity: number | null, offerPrime: boolean, eligibleForPrime: boolean, ineligibilityReasons: Array<PrimeIneligibilityReason>, buyability: Buyability, updatedAt: string, price: { amount: string, currencyCode: string } }> } };

export type SetOfferPrimeMutationVariables = Exact<{
  productId: string | number;
  offerPrime: boolean;
}>;


export type SetOfferPrimeMutation = { setOfferPrime: { product: { id: string, sku: string, offerPrime: boolean, buyability: Buyability } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string, remedy: string | null }> } };

export type OrdersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: OrderFilter | null | undefined;
}>;


export type OrdersQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, externalId: string, state: OrderState, placedAt: string, deliveredAt: string | null, returnWindowEndsAt: string | null, insideReturnWindow: boolean, openReason: OrderOpenReason | null, total: { amount: string, currencyCode: string }, lines: Array<{ sku: string, quantity: number, returnable: boolean, unitPrice: { amount: string }, product: { title: string, offerPrime: boolean } | null }> }> } };

export type TurnOffOfferPrimeForAllProductsMutationVariables = Exact<{ [key: string]: never; }>;


export type TurnOffOfferPrimeForAllProductsMutation = { turnOffOfferPrimeForAllProducts: { turnedOffCount: number | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type RequestUnlinkMutationVariables = Exact<{
  reason: string;
}>;


export type RequestUnlinkMutation = { requestUnlink: { unlinkRequest: { id: string, state: UnlinkRequestState, supportCaseId: string, requestedAt: string } | null, link: { state: LinkState } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string, remedy: string | null }> } };

export type UnlinkStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type UnlinkStatusQuery = { unlinkRequest: { id: string, state: UnlinkRequestState, reason: string, supportCaseId: string, requestedAt: string, unlinkingStartedAt: string | null, expectedCompletionAt: string | null, completedAt: string | null, requestedBy: { displayName: string } | null, waitingFor: { orderCount: number, earliestUnlinkAt: string, isEstimate: boolean } | null, waitingOrders: { totalCount: number, nodes: Array<{ externalId: string, state: OrderState, openReason: OrderOpenReason | null, returnWindowEndsAt: string | null }> } } | null };

export type WithdrawUnlinkRequestMutationVariables = Exact<{
  unlinkRequestId: string | number;
}>;


export type WithdrawUnlinkRequestMutation = { withdrawUnlinkRequest: { unlinkRequest: { state: UnlinkRequestState, withdrawnAt: string | null } | null, link: { state: LinkState, active: boolean } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type LinkChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LinkChangedSubscription = { sellerCentralLinkChanged: { id: string, state: LinkState, active: boolean, attention: { code: UserErrorCode, message: string, remedy: string, since: string } | null, onboardingSteps: Array<{ kind: OnboardingStepKind, state: OnboardingStepState, attempts: number, startedAt: string | null, finishedAt: string | null, failureReason: string | null, progress: { done: number, total: number } | null }>, timeline: { nodes: Array<{ occurredAt: string, kind: LinkEventKind, fromState: LinkState | null, toState: LinkState | null, actorKind: ActorKind, message: string, actor: { displayName: string } | null }> } } };

export type OfferPrimeChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OfferPrimeChangedSubscription = { offerPrimeChanged: { productCount: number, products: Array<{ id: string, sku: string, title: string, offerPrime: boolean, eligibleForPrime: boolean, buyability: Buyability, updatedAt: string }> } };

export type OrderChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OrderChangedSubscription = { orderChanged: { id: string, externalId: string, state: OrderState, placedAt: string, deliveredAt: string | null, returnWindowEndsAt: string | null, insideReturnWindow: boolean, openReason: OrderOpenReason | null, total: { amount: string, currencyCode: string }, lines: Array<{ sku: string, quantity: number, returnable: boolean, unitPrice: { amount: string }, product: { title: string, offerPrime: boolean } | null }> } };

export type UnlinkRequestChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type UnlinkRequestChangedSubscription = { unlinkRequestChanged: { id: string, state: UnlinkRequestState, unlinkingStartedAt: string | null, expectedCompletionAt: string | null, completedAt: string | null, waitingFor: { orderCount: number, earliestUnlinkAt: string, isEstimate: boolean } | null, waitingOrders: { totalCount: number, nodes: Array<{ externalId: string, state: OrderState, openReason: OrderOpenReason | null, returnWindowEndsAt: string | null }> } } };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sellerCentralLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const StartSellerCentralLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSellerCentralLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSellerCentralLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"agreedToDataUse"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agreedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorizationState"}},{"kind":"Field","name":{"kind":"Name","value":"authorizationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"remedy"}}]}}]}}]}}]} as unknown as DocumentNode<StartSellerCentralLinkMutation, StartSellerCentralLinkMutationVariables>;
export const CompleteSellerCentralLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteSellerCentralLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"linkId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"authorizationCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeSellerCentralLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"linkId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"linkId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"authorizationCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"authorizationCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"sellerAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onboardingSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"remedy"}}]}}]}}]}}]} as unknown as DocumentNode<CompleteSellerCentralLinkMutation, CompleteSellerCentralLinkMutationVariables>;
export const LinkStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerCentralLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"sellerAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"remedy"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onboardingSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkStatusQuery, LinkStatusQueryVariables>;
export const CatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogProductFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productCount"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"offeringPrimeCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"catalogProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"amazonSku"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fulfillableQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"offerPrime"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleForPrime"}},{"kind":"Field","name":{"kind":"Name","value":"ineligibilityReasons"}},{"kind":"Field","name":{"kind":"Name","value":"buyability"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>;
export const SetOfferPrimeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetOfferPrime"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"productId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offerPrime"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setOfferPrime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"productId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"productId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"offerPrime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offerPrime"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"offerPrime"}},{"kind":"Field","name":{"kind":"Name","value":"buyability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"remedy"}}]}}]}}]}}]} as unknown as DocumentNode<SetOfferPrimeMutation, SetOfferPrimeMutationVariables>;
export const OrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Orders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnWindowEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"insideReturnWindow"}},{"kind":"Field","name":{"kind":"Name","value":"openReason"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnable"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"offerPrime"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrdersQuery, OrdersQueryVariables>;
export const TurnOffOfferPrimeForAllProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TurnOffOfferPrimeForAllProducts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"turnOffOfferPrimeForAllProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"turnedOffCount"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TurnOffOfferPrimeForAllProductsMutation, TurnOffOfferPrimeForAllProductsMutationVariables>;
export const RequestUnlinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestUnlink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestUnlink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlinkRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"supportCaseId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"remedy"}}]}}]}}]}}]} as unknown as DocumentNode<RequestUnlinkMutation, RequestUnlinkMutationVariables>;
export const UnlinkStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnlinkStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlinkRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"supportCaseId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"waitingFor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"earliestUnlinkAt"}},{"kind":"Field","name":{"kind":"Name","value":"isEstimate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"waitingOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"openReason"}},{"kind":"Field","name":{"kind":"Name","value":"returnWindowEndsAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unlinkingStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]} as unknown as DocumentNode<UnlinkStatusQuery, UnlinkStatusQueryVariables>;
export const WithdrawUnlinkRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawUnlinkRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unlinkRequestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawUnlinkRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"unlinkRequestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unlinkRequestId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlinkRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawUnlinkRequestMutation, WithdrawUnlinkRequestMutationVariables>;
export const LinkChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LinkChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerCentralLinkChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"attention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"remedy"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onboardingSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkChangedSubscription, LinkChangedSubscriptionVariables>;
export const OfferPrimeChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OfferPrimeChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offerPrimeChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productCount"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"offerPrime"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleForPrime"}},{"kind":"Field","name":{"kind":"Name","value":"buyability"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<OfferPrimeChangedSubscription, OfferPrimeChangedSubscriptionVariables>;
export const OrderChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrderChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnWindowEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"insideReturnWindow"}},{"kind":"Field","name":{"kind":"Name","value":"openReason"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnable"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"offerPrime"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderChangedSubscription, OrderChangedSubscriptionVariables>;
export const UnlinkRequestChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"UnlinkRequestChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlinkRequestChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"waitingFor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"earliestUnlinkAt"}},{"kind":"Field","name":{"kind":"Name","value":"isEstimate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"waitingOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"openReason"}},{"kind":"Field","name":{"kind":"Name","value":"returnWindowEndsAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unlinkingStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]} as unknown as DocumentNode<UnlinkRequestChangedSubscription, UnlinkRequestChangedSubscriptionVariables>;