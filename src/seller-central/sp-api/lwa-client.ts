import { SellerCentralError } from '../seller-central.gateway';

/** Login with Amazon's answer to a token request that it granted. */
export interface LwaGrant {
  accessToken: string;
  expiresInSeconds: number;
  /** Only on the authorization-code exchange. */
  refreshToken?: string;
}

/** Login with Amazon's OAuth 2.0 refusal (`invalid_grant`, `invalid_client`, ...). */
export interface LwaRefusal {
  error: string;
}

export interface LwaClientOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * The Login with Amazon token endpoint, as "Connect to the Selling Partner API" describes it: a form-
 * encoded POST that trades an authorization code (website authorization workflow) or a refresh token
 * for tokens. An answer that is not a grant or an OAuth refusal (a timeout, a 5xx) is SellerCentralError
 * UNAVAILABLE. Nothing here logs; tokens only ever travel in request and response bodies.
 */
export class LwaClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: LwaClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  exchangeAuthorizationCode(code: string): Promise<LwaGrant | LwaRefusal> {
    return this.post({ grant_type: 'authorization_code', code, redirect_uri: this.options.redirectUri });
  }

  refresh(refreshToken: string): Promise<LwaGrant | LwaRefusal> {
    return this.post({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  private async post(fields: Record<string, string>): Promise<LwaGrant | LwaRefusal> {
    const body = new URLSearchParams({ ...fields, client_id: this.options.clientId, client_secret: this.options.clientSecret });
    let response: Response;
    try {
      response = await this.fetch(this.options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
        body: body.toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch {
      throw new SellerCentralError('Login with Amazon did not answer in time; try again in a few minutes.', 'UNAVAILABLE');
    }
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (response.ok && json && typeof json.access_token === 'string' && typeof json.expires_in === 'number') {
      return {
        accessToken: json.access_token,
        expiresInSeconds: json.expires_in,
        ...(typeof json.refresh_token === 'string' ? { refreshToken: json.refresh_token } : {}),
      };
    }
    if (response.status >= 400 && response.status < 500 && json && typeof json.error === 'string') return { error: json.error };
    throw new SellerCentralError(`Login with Amazon answered HTTP ${response.status}; try again in a few minutes.`, 'UNAVAILABLE');
  }
}

export function isRefusal(answer: LwaGrant | LwaRefusal): answer is LwaRefusal {
  return 'error' in answer;
}
