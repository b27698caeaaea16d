import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TokenKey } from '../../config';

/** A secret sealed at rest: the ID of the key that sealed it, and base64(iv ‖ tag ‖ ciphertext). */
export interface SealedSecret {
  keyId: string;
  sealed: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for refresh tokens at rest. Each ciphertext names its key, so that keys can be rotated:
 * the current key seals, the current and previous keys open, and `open` says when a secret was sealed
 * with a previous key so that the caller can seal it again with the current one. `context` (the row it
 * belongs to) is authenticated with the ciphertext, so a sealed token copied to another row does not open.
 */
export class TokenVault {
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly current: TokenKey,
    previous: readonly TokenKey[] = [],
  ) {
    this.keys = new Map([...previous, current].map((key) => [key.id, key.key]));
  }

  seal(secret: string, context: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return { keyId: this.current.id, sealed: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64') };
  }

  /** The secret, and whether it should be sealed again with the current key. Throws when no key opens it. */
  open({ keyId, sealed }: SealedSecret, context: string): { secret: string; stale: boolean } {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`No token encryption key with the ID ${keyId} is configured (TOKEN_ENCRYPTION_KEY, TOKEN_ENCRYPTION_PREVIOUS_KEYS).`);
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const secret = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    return { secret, stale: keyId !== this.current.id };
  }
}
