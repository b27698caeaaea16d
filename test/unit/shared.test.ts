import { AuthenticationFailure, authenticationMessages } from '../../src/auth/authenticator';
import { ConfigError, loadConfig } from '../../src/config';
import { codeRefusal } from '../../src/seller-central/sandbox/sandbox-seller-central';
import { decodeGlobalId, parseGlobalId, toGlobalId } from '../../src/shared/graphql/global-id';
import { decodeCursor, encodeCursor, pageOf } from '../../src/shared/graphql/pagination';
import { ErrorCode } from '../../src/shared/errors';
import { newId } from '../../src/shared/ids';

const uuid = '01a21a2e-b2f9-7000-9319-c4c52abb5188';

describe('global IDs', () => {
  it('round-trip and stay opaque', () => {
    const id = toGlobalId('SellerCentralLink', uuid);
    expect(id).not.toContain(uuid);
    expect(parseGlobalId(id)).toEqual({ type: 'SellerCentralLink', id: uuid });
  });

  it.each(['', 'not base64 !', toGlobalId('SellerCentralLink', 'not-a-uuid'), Buffer.from(`Invoice:${uuid}`).toString('base64url'), 'x'.repeat(500)])(
    'refuse malformed IDs (%#)',
    (bad) => {
      expect(parseGlobalId(bad)).toBeUndefined();
    },
  );

  it('refuse an ID of another type with INVALID_ID on the field', () => {
    expect(() => decodeGlobalId(toGlobalId('Merchant', uuid), 'SellerCentralLink', ['input', 'linkId'])).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_ID, options: expect.objectContaining({ field: ['input', 'linkId'] }) }),
    );
  });
});

describe('cursors and pages', () => {
  const orders = { list: 'orders', sort: 'newest', merchantId: 'merchant-a' };
  const invalid = expect.objectContaining({ code: ErrorCode.INVALID_CURSOR });

  it('round-trip; a forged cursor is INVALID_CURSOR', () => {
    expect(decodeCursor(orders, encodeCursor(orders, uuid))).toBe(uuid);
    expect(decodeCursor(orders, null)).toBeUndefined();
    expect(() => decodeCursor(orders, 'bm9wZQ')).toThrow(invalid);
    expect(() => decodeCursor(orders, Buffer.from(`cursor:${uuid}`).toString('base64url'))).toThrow(invalid);
  });

  it('are bound to their list, its order and the merchant: any other cursor is INVALID_CURSOR', () => {
    const cursor = encodeCursor(orders, uuid);
    expect(() => decodeCursor({ ...orders, list: 'unlinkRequest.waitingOrders' }, cursor)).toThrow(invalid);
    expect(() => decodeCursor({ ...orders, sort: 'oldest' }, cursor)).toThrow(invalid);
    expect(() => decodeCursor({ ...orders, merchantId: 'merchant-b' }, cursor)).toThrow(invalid);
    expect(Buffer.from(cursor, 'base64url').toString()).not.toContain('merchant-a');
  });

  it('use the extra row only to say that more follow', () => {
    expect(pageOf(['a', 'b', 'c'], 2, orders, (item) => item)).toEqual({ nodes: ['a', 'b'], pageInfo: { hasNextPage: true, endCursor: encodeCursor(orders, 'b') } });
    expect(pageOf(['a'], 2, orders, (item) => item).pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(orders, 'a') });
    expect(pageOf([], 2, orders, (item: string) => item).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('IDs', () => {
  it('are UUIDv7 that sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 50 }, () => newId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

/** Production signs users in through a provider (issue 14). */
const signIn = { AUTH_JWKS_URL: 'https://login.bwp.example/.well-known/jwks.json', AUTH_ISSUER: 'https://login.bwp.example/', AUTH_AUDIENCE: 'bwp-merchant-console' };

describe('configuration', () => {
  it('has working defaults for a development start', () => {
    expect(loadConfig({})).toMatchObject({ environment: 'development', port: 4000, seedDemoData: true, sandboxControls: true });
  });

  it('turns the sandbox controls and demo data off in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...signIn, SELLER_CENTRAL: 'sandbox' })).toMatchObject({ sandboxControls: false, seedDemoData: false });
  });

  it('reports every bad value at once, by name', () => {
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', SEED_DEMO_DATA: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'NODE_ENV must be one of development, test, production (got "staging")',
        'PORT must be a whole number from 0 to 65535 (got "eighty")',
        'SEED_DEMO_DATA must be true or false (got "maybe")',
      ]);
    }
  });

  it('gives each merchant a cost budget of 3 tokens\' by default, configurable, never below a token\'s', () => {
    expect(loadConfig({}).rateLimit).toEqual({ capacity: 4000, restorePerSecond: 200, merchantCapacity: 12000, merchantRestorePerSecond: 600 });
    expect(loadConfig({ RATE_LIMIT_POINTS: '3000', RATE_LIMIT_MERCHANT_RESTORE_PER_SECOND: '1000' }).rateLimit).toEqual({ capacity: 3000, restorePerSecond: 200, merchantCapacity: 9000, merchantRestorePerSecond: 1000 });
    expect(() => loadConfig({ RATE_LIMIT_MERCHANT_POINTS: '2500' })).toThrow(/RATE_LIMIT_MERCHANT_POINTS \(2500\) must be at least RATE_LIMIT_POINTS \(4000\)/);
    expect(() => loadConfig({ RATE_LIMIT_MERCHANT_RESTORE_PER_SECOND: 'fast' })).toThrow(/RATE_LIMIT_MERCHANT_RESTORE_PER_SECOND must be a whole number/);
  });

  it('never allows the sandbox controls in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SANDBOX_CONTROLS: 'true', ...signIn })).toThrow(/SANDBOX_CONTROLS cannot be true/);
  });

  it('needs a sign-in provider in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SELLER_CENTRAL: 'sandbox' })).toThrow(/AUTH_JWKS_URL must be set in production/);
  });
});

describe('sandbox authorization codes', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const fresh = { state: 's1', usedAt: null, expiresAt: new Date(now.getTime() + 1000) };

  it('are checked as Seller Central does: unknown, other attempt, used, expired', () => {
    expect(codeRefusal(null, 's1', now)).toBe('UNKNOWN');
    expect(codeRefusal(fresh, 's2', now)).toBe('STATE_MISMATCH');
    expect(codeRefusal({ ...fresh, usedAt: now, expiresAt: now }, 's1', now)).toBe('USED');
    expect(codeRefusal({ ...fresh, expiresAt: now }, 's1', now)).toBe('EXPIRED');
    expect(codeRefusal(fresh, 's1', now)).toBeUndefined();
  });
});

describe('sign-in refusals', () => {
  it('each way a token fails has its own message, none of which can echo a token', () => {
    const messages = Object.values(AuthenticationFailure).map((failure) => authenticationMessages[failure]);
    expect(messages).toHaveLength(14);
    expect(new Set(messages).size).toBe(14);
    for (const message of messages) expect(message).not.toMatch(/\$\{|<token>.*<token>/);
    expect(authenticationMessages[AuthenticationFailure.EXPIRED]).toBe('This token has expired. Sign in again, or create a new API token.');
  });
});
