// THE FILES STRYKER MUTATES (issue 12): the one place to update when files move. `npm run mutate`
// runs both groups; docs/mutation-testing.md has the scores and the equivalent mutants.

/**
 * The rule core: plain TypeScript with no database, so the unit tests (test/unit) must kill every
 * mutant on their own, in seconds.
 */
export const ruleCore = [
  // Rules and state machines.
  'src/linking/link-state.ts',
  'src/linking/link.rules.ts',
  'src/onboarding/onboarding-step-state.ts',
  'src/orders/order-state.ts',
  'src/orders/order.rules.ts',
  'src/unlinking/unlink.rules.ts',
  // Return windows (O2, O3, U3), and the order tally that counts them.
  'src/orders/return-window.ts',
  'src/orders/order-tally.ts',
  // Prime eligibility (P2, P3, O1), and the catalog counts that count it.
  'src/catalog/prime-eligibility.ts',
  'src/catalog/catalog-counts.ts',
  // Permissions and roles.
  'src/auth/role.ts',
  'src/auth/permissions.ts',
  // Webhook verification (O4).
  'src/orders/webhook-signature.ts',
];

/**
 * Tenant scoping and what needs a database: the merchant filter of every repository and loader,
 * the SQL return window, idempotency keys. Killed by the integration and hardening tests, run
 * in-process over HTTP against in-memory SQLite.
 */
export const scoping = [
  'src/linking/link.repository.ts',
  'src/unlinking/unlink-request.repository.ts',
  'src/catalog/catalog.repository.ts',
  'src/catalog/catalog-counts.repository.ts',
  'src/orders/order.repository.ts',
  'src/orders/order-tally.repository.ts',
  'src/onboarding/onboarding-step.repository.ts',
  'src/merchants/merchant-directory.ts',
  'src/server/loaders.ts',
  'src/idempotency/idempotency.service.ts',
];
