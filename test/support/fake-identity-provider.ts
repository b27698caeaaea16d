import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyLike;
  publicJwk: JWK;
  published: boolean;
}

export interface SignOptions {
  alg?: 'RS256' | 'ES256';
  /** Sign with this key ID (default: the current key). */
  kid?: string;
  issuer?: string;
  audience?: string | string[];
  /** Seconds from `now` (negative: already expired). */
  expiresIn?: number;
  /** Seconds from `now` before which the token is not valid. */
  notBefore?: number;
  claims?: Record<string, unknown>;
  now?: Date;
}

/**
 * A local OpenID Connect provider for tests, as far as an API sees one: a JWKS at
 * `/.well-known/jwks.json` (RFC 7517) and access tokens signed with its keys (RS256 by default, ES256
 * too). It rotates keys, retires them, counts JWKS fetches, and can sign with keys it never publishes.
 */
export class FakeIdentityProvider {
  readonly audience = 'bwp-merchant-console';
  jwksFetches = 0;
  private readonly keys: SigningKey[] = [];
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(): Promise<FakeIdentityProvider> {
    let provider: FakeIdentityProvider | undefined;
    const server = createServer((request, response) => {
      if (request.url !== '/.well-known/jwks.json' || !provider) {
        response.writeHead(404).end();
        return;
      }
      provider.jwksFetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(provider.jwks()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    provider = new FakeIdentityProvider(server, `http://127.0.0.1:${port}/`);
    await provider.rotate('RS256');
    await provider.rotate('ES256');
    return provider;
  }

  get jwksUrl(): string {
    return `${this.issuer}.well-known/jwks.json`;
  }

  /** The configuration an app needs to trust this provider. */
  get authConfig() {
    return { mode: 'oidc' as const, jwksUrl: this.jwksUrl, issuer: this.issuer, audience: this.audience };
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.filter((key) => key.published).map((key) => key.publicJwk) };
  }

  /** A new key of `alg`, published (or not), which later tokens of that algorithm are signed with. */
  async rotate(alg: 'RS256' | 'ES256' = 'RS256', published = true): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    const kid = `${alg.toLowerCase()}-${this.keys.length + 1}-${randomBytes(4).toString('hex')}`;
    this.keys.push({ kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, published });
    return kid;
  }

  /** Stops publishing a key: tokens it signed fail once the API fetches the set again. */
  retire(kid: string): void {
    this.key(kid).published = false;
  }

  publicJwk(kid?: string): JWK {
    return (kid ? this.key(kid) : this.current('RS256')).publicJwk;
  }

  async sign(subject: string, options: SignOptions = {}): Promise<string> {
    const key = options.kid ? this.key(options.kid) : this.current(options.alg ?? 'RS256');
    const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
    const token = new SignJWT(options.claims ?? {})
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 3600));
    if (options.notBefore !== undefined) token.setNotBefore(now + options.notBefore);
    return token.sign(key.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private current(alg: 'RS256' | 'ES256'): SigningKey {
    const key = [...this.keys].reverse().find((candidate) => candidate.alg === alg && candidate.published);
    if (!key) throw new Error(`No published ${alg} key`);
    return key;
  }

  private key(kid: string): SigningKey {
    const key = this.keys.find((candidate) => candidate.kid === kid);
    if (!key) throw new Error(`No key ${kid}`);
    return key;
  }
}
