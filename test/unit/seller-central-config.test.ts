import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config';
import { backoffMs } from '../../src/seller-central/sp-api/sp-api-client';
import { TokenVault } from '../../src/seller-central/sp-api/token-vault';
import { tokenKeyFrom } from '../../src/config';
import { parseSellerCentralNotification } from '../../src/notifications/account-status-notification.parser';

const key = randomBytes(32).toString('base64');
/** Production signs users in through a provider (issue 14); these tests are about Seller Central. */
const signIn = { AUTH_JWKS_URL: 'https://login.bwp.example/.well-known/jwks.json', AUTH_ISSUER: 'https://login.bwp.example/', AUTH_AUDIENCE: 'bwp-merchant-console' };
const spApiEnv = {
  NODE_ENV: 'production',
  ...signIn,
  SELLER_CENTRAL: 'sp-api',
  LWA_CLIENT_ID: 'amzn1.application-oa2-client.abc',
  LWA_CLIENT_SECRET: randomBytes(32).toString('hex'),
  SP_API_APPLICATION_ID: 'amzn1.sp.solution.abc',
  SP_API_REDIRECT_URI: 'https://api.bwp.example/seller-central/callback',
  TOKEN_ENCRYPTION_KEY: key,
  CONSOLE_URL: 'https://console.bwp.example/settings',
  SP_API_NOTIFICATION_SECRET: randomBytes(32).toString('base64'),
  SP_API_NOTIFICATION_DESTINATION_ID: '3acafc7e-121b-1329-8ae8-1571be663aaa',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('Seller Central configuration', () => {
  it('L1: the sandbox is the default outside production', () => {
    expect(loadConfig({}).sellerCentral).toEqual({ mode: 'sandbox' });
  });

  it('L1: production refuses to start on the sandbox unless SELLER_CENTRAL=sandbox is set explicitly', () => {
    expect(problems({ NODE_ENV: 'production', ...signIn })).toEqual([
      'SELLER_CENTRAL must be set in production: sp-api (the Selling Partner API), or sandbox to run on the sandbox on purpose',
    ]);
    expect(loadConfig({ NODE_ENV: 'production', ...signIn, SELLER_CENTRAL: 'sandbox' }).sellerCentral).toEqual({ mode: 'sandbox' });
  });

  it('L1: sp-api mode takes Amazon\'s defaults for the endpoints and Seller Central US', () => {
    expect(loadConfig(spApiEnv).sellerCentral).toMatchObject({
      mode: 'sp-api',
      endpoint: 'https://sellingpartnerapi-na.amazon.com',
      lwaTokenUrl: 'https://api.amazon.com/auth/o2/token',
      sellerCentralUrl: 'https://sellercentral.amazon.com',
      marketplaceId: 'ATVPDKIKX0DER',
      draftApp: false,
      notificationDestinationId: '3acafc7e-121b-1329-8ae8-1571be663aaa',
      tokenKey: { id: expect.stringMatching(/^[0-9a-f]{16}$/) },
    });
  });

  it('L1: every missing or bad value of sp-api mode is named at once', () => {
    expect(
      problems({
        NODE_ENV: 'production',
        ...signIn,
        SELLER_CENTRAL: 'sp-api',
        TOKEN_ENCRYPTION_KEY: 'c2hvcnQ=',
        SP_API_REDIRECT_URI: 'http://api.bwp.example/callback',
        SP_API_DRAFT_APP: 'perhaps',
        SP_API_ENDPOINT: 'not a url',
      }),
    ).toEqual([
      'TOKEN_ENCRYPTION_KEY must be 32 bytes in base64 (44 characters, e.g. from `openssl rand -base64 32`)',
      'SP_API_NOTIFICATION_SECRET must be set (signs the Seller Central notification relay, 16+ characters)',
      'LWA_CLIENT_ID must be set (the app\'s Login with Amazon client identifier)',
      'LWA_CLIENT_SECRET must be set (the app\'s Login with Amazon client secret)',
      'SP_API_APPLICATION_ID must be set (the app\'s ID in Seller Central\'s Developer Central)',
      'SP_API_REDIRECT_URI must be an https URL (got "http://api.bwp.example/callback")',
      'SP_API_ENDPOINT must be an https URL (got "not a url")',
      'SP_API_DRAFT_APP must be true or false (got "perhaps")',
      'CONSOLE_URL must be set (an https URL)',
      'SP_API_NOTIFICATION_DESTINATION_ID must be set (the Notifications API destination that ACCOUNT_STATUS_CHANGED subscriptions deliver to)',
    ]);
    expect(problems({ ...spApiEnv, SELLER_CENTRAL: 'amazon' })).toEqual(['SELLER_CENTRAL must be one of sandbox, sp-api (got "amazon")']);
  });
});

describe('SP-API building blocks', () => {
  it('L6: the backoff after a 429 honours x-amzn-RateLimit-Limit (1/rate seconds), doubles otherwise, and is capped', () => {
    expect(backoffMs(1, null, 1000, 120_000)).toBe(1000);
    expect(backoffMs(3, null, 1000, 120_000)).toBe(4000);
    expect(backoffMs(1, '0.5', 1000, 120_000)).toBe(2000);
    expect(backoffMs(1, '0.016', 1000, 120_000)).toBe(62_500);
    expect(backoffMs(1, '5.0', 1000, 120_000)).toBe(1000);
    expect(backoffMs(10, 'nonsense', 1000, 120_000)).toBe(120_000);
  });

  it('L2: the refresh token the merchant\'s consent granted, sealed, opens only with its key and its row (the context is authenticated)', () => {
    const vault = new TokenVault(tokenKeyFrom(randomBytes(32)));
    const sealed = vault.seal('Atzr|refresh', 'row-1');
    expect(sealed.sealed).not.toContain('Atzr');
    expect(vault.open(sealed, 'row-1')).toEqual({ secret: 'Atzr|refresh', stale: false });
    expect(() => vault.open(sealed, 'row-2')).toThrow();
    expect(() => new TokenVault(tokenKeyFrom(randomBytes(32))).open(sealed, 'row-1')).toThrow(/No token encryption key/);
  });

  it('L8: the documentation wins over the old parser: Amazon\'s documented ACCOUNT_STATUS_CHANGED example (no sellerId) is read, and the subscription names the seller', () => {
    // Verbatim from "Notification Type Values" (ACCOUNT_STATUS_CHANGED, payload version 2021-01-01).
    const documented = JSON.parse(
      '{"notificationVersion":"1.0","notificationType":"ACCOUNT_STATUS_CHANGED","payloadVersion":"2021-01-01","eventTime":"2020-12-11T19:42:04.284Z","payload":{"accountStatusChangeNotification":{"previousAccountStatus":"NORMAL","currentAccountStatus":"AT_RISK"}},"notificationMetadata":{"applicationId":"amzn1.sellerapps.app.aacccfff-44aa-4b7c-b42b-ed4ec98dd746","subscriptionId":"subscription-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746","publishTime":"2020-12-11T19:45:04.284Z","notificationId":"d0e9e693-c3ad-4373-979f-ed4ec98dd746"}}',
    );
    expect(parseSellerCentralNotification(documented)).toEqual({
      notification: {
        subscriptionId: 'subscription-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746',
        previousAccountStatus: 'NORMAL',
        currentAccountStatus: 'AT_RISK',
        eventTime: new Date('2020-12-11T19:42:04.284Z'),
        notificationId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746',
      },
    });
  });

  it('L8: a malformed ACCOUNT_STATUS_CHANGED envelope is refused problem by problem (both statuses and the subscriptionId are required)', () => {
    const envelope = {
      notificationVersion: '1.0',
      notificationType: 'ACCOUNT_STATUS_CHANGED',
      payloadVersion: '2021-01-01',
      eventTime: '2026-03-02T09:00:00.000Z',
      payload: { accountStatusChangeNotification: { previousAccountStatus: 'NORMAL', currentAccountStatus: 'AT_RISK' } },
      notificationMetadata: { subscriptionId: 'subscription-id-1', notificationId: 'n-1' },
    };
    expect(parseSellerCentralNotification({ ...envelope, payloadVersion: '1.0', eventTime: 'yesterday' })).toEqual({
      problems: ['payloadVersion must be 2021-01-01', 'eventTime must be an ISO 8601 date-time'],
    });
    expect(parseSellerCentralNotification({ ...envelope, notificationMetadata: { notificationId: 'n-1' }, payload: { accountStatusChangeNotification: { currentAccountStatus: 'AT_RISK' } } })).toEqual({
      problems: [
        'notificationMetadata.subscriptionId must be a string of 1 to 128 characters (it names the seller)',
        'payload.accountStatusChangeNotification.previousAccountStatus must be one of NORMAL, AT_RISK, DEACTIVATED',
      ],
    });
    expect(parseSellerCentralNotification({ ...envelope, notificationMetadata: undefined })).toEqual({
      problems: ['notificationMetadata.subscriptionId must be a string of 1 to 128 characters (it names the seller)'],
    });
    expect(parseSellerCentralNotification([])).toEqual({ problems: ['the body must be a JSON object'] });
  });
});
