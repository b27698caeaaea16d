import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, importJWK, JWK, KeyLike, SignJWT } from 'jose';
import { Clock } from '../shared/clock';

/**
 * Outside production, with no AUTH_JWKS_URL, this server is its own OpenID provider for the demo users:
 * it signs their tokens with an ES256 key made at first start (kept in the data folder, so that tokens
 * survive a restart and several local instances share it) and serves the key's JWKS itself, so that
 * development verifies tokens on the same path as production. Never used in production.
 */
export const DEVELOPMENT_ISSUER = 'urn:bwp-console:development-issuer';
export const DEVELOPMENT_AUDIENCE = 'bwp-merchant-console';
export const DEVELOPMENT_JWKS_PATH = '/development-issuer/jwks.json';
/** The demo tokens printed at start, and GraphiQL's, stay valid this long. */
export const DEVELOPMENT_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

interface StoredKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

export class DevelopmentIssuer {
  private constructor(
    private readonly privateKey: KeyLike | Uint8Array,
    readonly publicJwk: JWK,
    private readonly clock: Clock,
  ) {}

  /** Reads the key from `keyPath`, or makes it (and writes it there, readable by this user only); `null` keeps it in memory. */
  static async open(keyPath: string | null, clock: Clock): Promise<DevelopmentIssuer> {
    const stored = (keyPath && readKey(keyPath)) || (await newKey(keyPath));
    return new DevelopmentIssuer(await importJWK(stored.privateJwk, 'ES256'), stored.publicJwk, clock);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** A signed access token for `subject`, as a provider would issue one. */
  async sign(subject: string, claims: Record<string, unknown> = {}, ttlSeconds = DEVELOPMENT_TOKEN_TTL_SECONDS): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: this.publicJwk.kid, typ: 'JWT' })
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEVELOPMENT_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.privateKey);
  }
}

function readKey(path: string): StoredKey | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StoredKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`The development issuer's key file ${path} cannot be read (${(error as Error).message}); delete it to make a new one.`);
  }
}

async function newKey(path: string | null): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const key: StoredKey = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
  if (!path) return key;
  // Written aside, then linked into place: when two instances start at once, the first key is kept
  // whole and the other instance reads it.
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify(key), { mode: 0o600 });
  try {
    linkSync(aside, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKey(path) ?? key;
  } finally {
    unlinkSync(aside);
  }
}
