import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FastifyInstance } from 'fastify';
import { DataSource, Logger, MigrationExecutor } from 'typeorm';
import { createDataSource } from '../ormconfig';
import { AccessResolver } from './access/access.resolver';
import { AccessService } from './access/access.service';
import { Authenticator } from './auth/authenticator';
import { ViewerCache } from './auth/viewer-cache';
import { DEVELOPMENT_AUDIENCE, DEVELOPMENT_ISSUER, DEVELOPMENT_JWKS_PATH, DevelopmentIssuer } from './auth/development-issuer';
import { JwtVerifier } from './auth/jwt-verifier';
import { AppConfig } from './config';
import { RowReader } from './database/row-reader';
import { lockDatabaseFile } from './database/single-process-lock';
import { SqliteCheckpointer } from './database/sqlite-checkpointer';
import { TransactionRunner } from './database/transaction-runner';
import { demoDataProblems, demoUsers, seedDemoData } from './demo/demo-data';
import { registerGraphiQL } from './explorer/graphiql.route';
import { loadExampleOperations } from './explorer/operations';
import { LinkRepository } from './linking/link.repository';
import {
  LinkConsentResolver,
  LinkEventResolver,
  LinkingResolver,
  MerchantLinksResolver,
} from './linking/linking.resolver';
import { LinkingService } from './linking/linking.service';
import { MerchantDirectory } from './merchants/merchant-directory';
import { ViewerResolver } from './merchants/viewer.resolver';
import { seedSandboxAccounts } from './seller-central/sandbox/sandbox-accounts.seed';
import { SandboxSellerCentral } from './seller-central/sandbox/sandbox-seller-central';
import { SandboxResolver } from './seller-central/sandbox/sandbox.resolver';
import { SellerCentralGateway } from './seller-central/seller-central.gateway';
import { realSleeper, Sleeper } from './seller-central/sp-api/sp-api-client';
import { SpApiSellerCentral } from './seller-central/sp-api/sp-api-seller-central';
import { unavailableEnrollment } from './seller-central/unavailable-enrollment';
import { registerSellerCentralCallback } from './linking/seller-central-callback.route';
import { registerSellerCentralNotifications } from './notifications/seller-central-notification.route';
import { LinkState } from './linking/link-state';
import { catalogImportSteps } from './catalog/catalog-import-steps';
import { CatalogSyncService } from './catalog/catalog-sync.service';
import { CatalogCountStore } from './catalog/catalog-counts.repository';
import { CatalogRepository } from './catalog/catalog.repository';
import { CatalogResolver, ProductRefusalResolver } from './catalog/catalog.resolver';
import { LinkRefusalResolver } from './linking/link-refusal.resolver';
import { CatalogService } from './catalog/catalog.service';
import { OfferPrimeService } from './catalog/offer-prime.service';
import { OnboardingStepRepository } from './onboarding/onboarding-step.repository';
import { OnboardingResolver } from './onboarding/onboarding.resolver';
import { OnboardingService } from './onboarding/onboarding.service';
import { OnboardingWorker } from './onboarding/onboarding.worker';
import { IdempotencyService } from './idempotency/idempotency.service';
import { OrderEventsService } from './orders/order-events.service';
import { OrderPages } from './orders/order-pages';
import { OrderPlacementService } from './orders/order-placement.service';
import { OrderRepository } from './orders/order.repository';
import { OrderTallies } from './orders/order-tally.repository';
import { OrderLineResolver, OrderResolver } from './orders/order.resolver';
import { registerOrderWebhook } from './orders/order-webhook.route';
import { WebhookSecrets } from './orders/webhook-secrets';
import { SandboxStorefrontResolver } from './orders/sandbox-storefront.resolver';
import { UnlinkRequestRepository } from './unlinking/unlink-request.repository';
import { BlockingProductsResolver, LinkUnlinkRequestResolver, UnlinkRefusalResolver, UnlinkResolver } from './unlinking/unlink.resolver';
import { UnlinkService } from './unlinking/unlink.service';
import { DueTask, IntervalScheduler } from './shared/scheduler';
import { createHttpServer } from './server/http-server';
import { createLogger } from './server/logger';
import { createLoaders } from './server/loaders';
import { NodeResolver } from './server/node.resolver';
import { buildAppSchema, ResolverContainer } from './server/schema';
import { Clock, systemClock } from './shared/clock';
import { ChangeBus, InProcessChangeBus } from './events/change-bus';
import { PostgresChangeBus } from './events/postgres-change-bus';
import { LiveResolver } from './live/live.resolver';

export interface App {
  config: AppConfig;
  dataSource: DataSource;
  http: FastifyInstance;
  transactions: TransactionRunner;
  /** Committed changes, to the live subscribers of every instance. */
  changes: ChangeBus;
  sandbox: SandboxSellerCentral;
  /** The gateway in use: the sandbox, or the SP-API gateway (also in `spApi`) with SELLER_CENTRAL=sp-api. */
  sellerCentral: SellerCentralGateway;
  spApi: SpApiSellerCentral | null;
  /** L8: reads every linked account again when its interval has passed (SP-API mode; the scheduler asks every tick). */
  accountCheck: DueTask | null;
  linking: LinkingService;
  onboarding: OnboardingWorker;
  catalog: CatalogService;
  unlinking: UnlinkService;
  idempotency: IdempotencyService;
  access: AccessService;
  /** Outside production with no AUTH_JWKS_URL: signs the demo users' tokens (tests sign in through it too). */
  developmentIssuer: DevelopmentIssuer | null;
  /** The embedded file's WAL checkpointing thread (null on PostgreSQL and in-memory SQLite). */
  sqliteCheckpointer: SqliteCheckpointer | null;
  /** Starts listening and the background worker; resolves to the base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

export interface AppOverrides {
  clock?: Clock;
  /** Sees every SQL statement (tests count them). */
  sqlLogger?: Logger;
  /** Receives the JSON log lines instead of standard output (tests read them). */
  logStream?: NodeJS.WritableStream;
  /** Waits out SP-API throttling (tests record the waits instead of waiting). */
  sleeper?: Sleeper;
}

/**
 * SELLER_CENTRAL picks the gateway. With the SP-API, Amazon Pay and Prime shipping (which it has no
 * operation for) are served by the sandbox outside production, and refused with a reason in production
 * until an onboarding service is plugged in there.
 */
function sellerCentralGateway(config: AppConfig, sandbox: SandboxSellerCentral, deps: { dataSource: DataSource; transactions: TransactionRunner; clock: Clock; sleeper: Sleeper }) {
  if (config.sellerCentral.mode === 'sandbox') return { gateway: sandbox as SellerCentralGateway, spApi: null };
  const enrollment = config.environment === 'production' ? unavailableEnrollment : sandbox;
  const spApi = new SpApiSellerCentral(config.sellerCentral, { ...deps, enrollment });
  return { gateway: spApi as SellerCentralGateway, spApi };
}

/**
 * Opens the database and brings its schema up to date; never `synchronize`. The embedded SQLite
 * file is locked to this process (it serves one); the lock is released when the app stops.
 */
async function openDatabase(
  config: AppConfig,
  sqlLogger: Logger | undefined,
): Promise<{ dataSource: DataSource; checkpointer: SqliteCheckpointer | null; close(): Promise<void> }> {
  let lock = { release: () => undefined as void };
  const file = config.database.type === 'better-sqlite3' && config.database.path !== ':memory:' ? config.database.path : null;
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    lock = lockDatabaseFile(file);
  }
  try {
    const dataSource = createDataSource(config.database, { logger: sqlLogger });
    await dataSource.initialize();
    await migrate(dataSource);
    // The embedded file's WAL checkpoints run on a thread of their own, not in a request (sqlite-checkpointer.ts).
    const checkpointer = file ? await SqliteCheckpointer.start(dataSource, file, 1000) : null;
    const close = async () => {
      await checkpointer?.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
      lock.release();
    };
    return { dataSource, checkpointer, close };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Runs the pending migrations, each in its own transaction, without the requests' statement timeout (a migration may take long). */
async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  const postgres = dataSource.options.type === 'postgres';
  try {
    if (postgres) await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
  } finally {
    if (postgres) await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/** Production found unsafe at start (config.ts names the configuration's problems; this, the database's). */
export class UnsafeProduction extends Error {
  constructor(readonly problems: string[]) {
    super(`Refusing to start in production:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'UnsafeProduction';
  }
}

/** Who signs users in: the OpenID Connect provider, or this server's development issuer (never in production). */
async function signIn(config: AppConfig, clock: Clock, ownUrl: () => string) {
  if (config.auth.mode === 'oidc') {
    const { jwksUrl, issuer, audience } = config.auth;
    return { verifier: new JwtVerifier({ jwksUrl: () => jwksUrl, issuer, audience, clock }), developmentIssuer: null };
  }
  if (config.environment === 'production') throw new UnsafeProduction(['AUTH_JWKS_URL must be set in production']);
  if (config.auth.keyPath) mkdirSync(dirname(config.auth.keyPath), { recursive: true });
  const developmentIssuer = await DevelopmentIssuer.open(config.auth.keyPath, clock);
  const verifier = new JwtVerifier({ jwksUrl: () => `${ownUrl()}${DEVELOPMENT_JWKS_PATH}`, issuer: DEVELOPMENT_ISSUER, audience: DEVELOPMENT_AUDIENCE, clock });
  return { verifier, developmentIssuer };
}

/** The composition root: the one place that builds the object graph. */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const logger = createLogger(config, overrides.logStream);
  const { dataSource, checkpointer, close: closeDatabase } = await openDatabase(config, overrides.sqlLogger);
  const changes: ChangeBus =
    config.database.type === 'postgres'
      ? await PostgresChangeBus.listen(config.database.url, (error) => logger.error({ err: error }, 'The live updates\' LISTEN connection failed'))
      : new InProcessChangeBus();
  const transactions = new TransactionRunner(dataSource, changes);
  if (config.environment === 'production') {
    const problems = await demoDataProblems(dataSource.manager);
    if (config.seedDemoData) problems.unshift('demo data cannot be seeded in production (SEED_DEMO_DATA)');
    if (problems.length > 0) {
      await changes.close();
      await closeDatabase();
      throw new UnsafeProduction(problems);
    }
  }

  const sandbox = new SandboxSellerCentral(dataSource, transactions, clock, config.authorizationCodeTtlSeconds);
  await transactions.run((manager) => seedSandboxAccounts(manager));
  if (config.seedDemoData) await transactions.run((manager) => seedDemoData(manager, clock.now()));

  const { gateway: sellerCentral, spApi } = sellerCentralGateway(config, sandbox, { dataSource, transactions, clock, sleeper: overrides.sleeper ?? realSleeper });
  const spApiConfig = config.sellerCentral.mode === 'sp-api' ? config.sellerCentral : null;

  const directory = new MerchantDirectory(dataSource);
  const links = new LinkRepository(dataSource);
  const linking = new LinkingService(
    links,
    transactions,
    sellerCentral,
    clock,
    spApiConfig ? { requireState: true, attemptTtlMs: spApiConfig.stateTtlSeconds * 1000 } : { requireState: false, attemptTtlMs: null },
    logger.child({ task: 'linking' }),
  );
  sellerCentral.onAccountChanged((sellerAccountId) => linking.accountChanged(sellerAccountId));
  // Secrets held for a link go with it, in the transaction that unlinks it.
  links.onMove(async (manager, moved) => {
    if (moved.to === LinkState.UNLINKED) await sellerCentral.forgetGrant(manager, moved.link.id);
  });
  const accountCheck = spApiConfig ? new DueTask(clock, spApiConfig.accountCheckIntervalMinutes * 60_000, () => linking.recheckAccounts()) : null;
  let ownUrl = '';
  const { verifier, developmentIssuer } = await signIn(config, clock, () => ownUrl);
  const viewers = new ViewerCache(clock, config.viewerCacheTtlMs);
  const authenticator = new Authenticator(dataSource, verifier, clock, viewers);
  const webhookSecrets = new WebhookSecrets(dataSource);
  const access = new AccessService(dataSource, transactions, webhookSecrets, clock, {
    defaultIssuer: config.auth.mode === 'oidc' ? config.auth.issuer : DEVELOPMENT_ISSUER,
    webhookSecretOverlapMs: config.webhookSecretOverlapHours * 3_600_000,
    onAccessChanged: () => viewers.clear(),
  });

  const steps = new OnboardingStepRepository(dataSource, transactions);
  const rowReader = new RowReader(dataSource);
  const catalogCounts = new CatalogCountStore(dataSource);
  const catalog = new CatalogRepository(dataSource, links, steps, rowReader, catalogCounts);
  const catalogSync = new CatalogSyncService(links, sellerCentral, catalogCounts);
  const onboarding = new OnboardingWorker(steps, links, transactions, sellerCentral, catalogImportSteps(catalogSync, clock), clock, config.onboardingLeaseSeconds * 1000, logger.child({ task: 'onboarding' }));
  links.onMove((manager, moved) => onboarding.onLinkMoved(manager, moved));
  const onboardingService = new OnboardingService(links, steps, transactions, clock);
  const offerPrime = new OfferPrimeService(catalog, catalogCounts, transactions, clock);
  const catalogService = new CatalogService(links, catalogSync, transactions, clock);

  const idempotency = new IdempotencyService(dataSource, transactions, clock);
  const orders = new OrderRepository(dataSource, rowReader);
  const orderTallies = new OrderTallies(dataSource);
  const orderPages = new OrderPages(orders, orderTallies, clock);
  const orderEvents = new OrderEventsService(transactions, clock, config.returnWindowDays, config.webhookToleranceSeconds, orderTallies);
  const orderPlacement = new OrderPlacementService(catalog, links, transactions, clock, orderTallies);
  const unlinkRequests = new UnlinkRequestRepository(dataSource);
  const unlinking = new UnlinkService(links, catalog, orderTallies, unlinkRequests, transactions, clock, {
    returnWindowDays: config.returnWindowDays,
    processingMs: config.unlinkProcessingHours * 3_600_000,
  }, logger.child({ task: 'unlinking' }));

  const container = new ResolverContainer(
    new Map<Function, object>([
      [ViewerResolver, new ViewerResolver(directory)],
      [NodeResolver, new NodeResolver(directory, links, catalog, orders, unlinkRequests, access)],
      [AccessResolver, new AccessResolver(access)],
      [LinkingResolver, new LinkingResolver(linking, links, idempotency)],
      [OnboardingResolver, new OnboardingResolver(onboardingService)],
      [CatalogResolver, new CatalogResolver(catalog, offerPrime, catalogService, idempotency)],
      [MerchantLinksResolver, new MerchantLinksResolver(links)],
      [LinkConsentResolver, new LinkConsentResolver()],
      [LinkEventResolver, new LinkEventResolver()],
      [OrderResolver, new OrderResolver(orderPages, clock)],
      [OrderLineResolver, new OrderLineResolver()],
      [UnlinkResolver, new UnlinkResolver(unlinking, unlinkRequests, orderPages, idempotency)],
      [LinkUnlinkRequestResolver, new LinkUnlinkRequestResolver()],
      [LinkRefusalResolver, new LinkRefusalResolver()],
      [ProductRefusalResolver, new ProductRefusalResolver()],
      [UnlinkRefusalResolver, new UnlinkRefusalResolver()],
      [BlockingProductsResolver, new BlockingProductsResolver()],
      [LiveResolver, new LiveResolver(changes, config.subscriptions.maxQueuedEvents, links, unlinkRequests, orders, catalog)],
      [SandboxResolver, new SandboxResolver(sandbox)],
      [SandboxStorefrontResolver, new SandboxStorefrontResolver(orderPlacement, orderEvents, orders, clock)],
    ]),
  );
  const http = await createHttpServer({
    config,
    clock,
    logger,
    schema: await buildAppSchema({ sandboxControls: config.sandboxControls }),
    container,
    authenticate: (header) => authenticator.authenticate(header),
    createLoaders: (viewer) => createLoaders({ directory, links, steps, catalog, orders, unlinkRequests }, viewer.merchantId, config.dataLoaderBatching),
    registerRoutes: async (fastify) => {
      await registerOrderWebhook(fastify, { events: orderEvents, orders, secrets: webhookSecrets, clock, toleranceSeconds: config.webhookToleranceSeconds });
      if (developmentIssuer) fastify.get(DEVELOPMENT_JWKS_PATH, async () => developmentIssuer.jwks());
      if (spApi && spApiConfig) {
        await registerSellerCentralCallback(fastify, { linking, consoleUrl: spApiConfig.consoleUrl });
        await registerSellerCentralNotifications(fastify, { sink: spApi, subscriptions: spApi, clock, secret: spApiConfig.notificationSecret, toleranceSeconds: config.webhookToleranceSeconds });
      }
      if (config.graphiql) {
        const demoToken = developmentIssuer && config.seedDemoData ? () => developmentIssuer.sign(demoUsers[0].subject) : null;
        await registerGraphiQL(fastify, { demoToken, operations: loadExampleOperations() });
      }
    },
    readinessProblem: async () => {
      try {
        await dataSource.query('SELECT 1');
        return (await dataSource.showMigrations()) ? 'database migrations are pending' : null;
      } catch (error) {
        http.log.error({ err: error }, 'Readiness check: the database did not answer');
        return 'database unavailable';
      }
    },
  });

  const tasks: Record<string, () => Promise<void>> = { onboarding: () => onboarding.runDue(), unlinking: () => unlinking.advance(), idempotencyKeys: async () => { await idempotency.purgeExpired(); } };
  if (accountCheck) tasks.sellerCentralAccounts = async () => void (await accountCheck.runIfDue());
  const scheduler = new IntervalScheduler(tasks, config.workerIntervalMs, (task, error) =>
    http.log.error({ task, err: error }, 'Background task failed; it runs again on the next tick'),
  );

  return {
    config,
    dataSource,
    http,
    transactions,
    changes,
    sandbox,
    sellerCentral,
    spApi,
    accountCheck,
    linking,
    onboarding,
    catalog: catalogService,
    unlinking,
    idempotency,
    access,
    developmentIssuer,
    sqliteCheckpointer: checkpointer,
    start: async () => {
      const url = await http.listen({ host: config.host, port: config.port });
      ownUrl = url.replace('://0.0.0.0', '://127.0.0.1').replace('://[::]', '://127.0.0.1');
      scheduler.start();
      return url;
    },
    stop: async () => {
      await http.close();
      await scheduler.stop();
      await changes.close();
      await closeDatabase();
    },
  };
}
