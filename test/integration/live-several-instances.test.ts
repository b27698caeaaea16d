import { ChangeEvent } from '../../src/events/change-event';
import { recordChange } from '../../src/database/transaction-runner';
import { LISTENER_NAME, PostgresChangeBus } from '../../src/events/postgres-change-bus';
import { connectLive, listening, LiveClient } from '../support/live-client';
import { startLink } from '../support/linking-flow';
import { freshDatabase, onPostgres, TestDatabase } from '../support/test-database';
import { startTestServer, TestServer } from '../support/test-server';

// Several instances share one database on PostgreSQL only (the embedded SQLite file serves one process).
const onSeveralInstances = onPostgres ? describe : describe.skip;

const ACME = '0190c0de-0000-7000-8000-00000000a001';

onSeveralInstances('live updates across two instances on one PostgreSQL (LISTEN/NOTIFY)', () => {
  let database: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    a = await startTestServer({ database: database.config });
    b = await startTestServer({ database: database.config });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  it('one instance mutates, the other\'s subscriber receives the committed state, once', async () => {
    const subscriber = await connectLive(b);
    clients.push(subscriber);
    const changes = subscriber.subscribe(`subscription { sellerCentralLinkChanged { id state } }`);
    await listening(b, 1);
    const started = await startLink(a);
    await changes.until(1);
    expect(changes.data).toEqual([{ sellerCentralLinkChanged: { id: started.linkId, state: 'AWAITING_AUTHORIZATION' } }]);
  });

  it('an instance whose LISTEN connection is cut opens it again, and receives the next changes', async () => {
    const listener = b.app.changes as PostgresChangeBus;
    const until = async (condition: () => boolean) => {
      for (let wait = 0; wait < 1000 && !condition(); wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await a.app.dataSource.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [LISTENER_NAME]);
    await until(() => !listener.listening);
    expect(listener.listening).toBe(false);
    await until(() => listener.listening);
    expect(listener.listening).toBe(true);
    const subscriber = await connectLive(b);
    clients.push(subscriber);
    const before = b.app.http.subscriptions.subscriptionCount;
    const changes = subscriber.subscribe(`subscription { sellerCentralLinkChanged { id state } }`);
    await listening(b, before + 1);
    const started = await startLink(a);
    // The start abandons the first test's link (one event) and opens a new one (another).
    const opened = await changes.first((data) => data.sellerCentralLinkChanged.id === started.linkId);
    expect(opened).toEqual({ sellerCentralLinkChanged: { id: started.linkId, state: 'AWAITING_AUTHORIZATION' } });
  });

  it('a rolled-back transaction notifies no instance; a change set too large for one NOTIFY arrives whole', async () => {
    const received: ChangeEvent[] = [];
    const unsubscribe = b.app.changes.subscribe((event) => received.push(event));
    try {
      await expect(
        a.app.transactions.run(async (manager) => {
          recordChange(manager, { type: 'LINK', merchantId: ACME, linkId: '0190c0de-0000-7000-8000-0000000000ff' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const productIds = Array.from({ length: 400 }, (_, index) => `0190c0de-0000-7000-8000-${String(index).padStart(12, '0')}`);
      await a.app.transactions.run(async (manager) => recordChange(manager, { type: 'OFFER_PRIME', merchantId: ACME, productIds }));
      for (let wait = 0; wait < 500 && received.length === 0; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      // NOTIFYs arrive in commit order: the rolled-back one, had it been sent, would have come first.
      expect(received).toEqual([{ type: 'OFFER_PRIME', merchantId: ACME, productIds }]);
    } finally {
      unsubscribe();
    }
  });
});

if (!onPostgres) {
  it.skip('live updates across two instances need PostgreSQL: run `npm run test:postgres`', () => undefined);
}
