/** Values this project has published (README, tests, examples): never secret, whatever their length. */
const publishedSecrets = new Set(['development-webhook-secret', 'development-notification-secret', 'a-long-enough-secret']);

/** The least a secret must carry: 128 bits, as a random 16-byte key does. */
export const MIN_SECRET_BITS = 128;

/**
 * An estimate of a secret's entropy in bits: its length times the bits per character, taken as the
 * smaller of the alphabet its character classes span (lowercase, uppercase, digits, others) and the
 * characters' own spread (Shannon entropy, plus one bit of slack for short random strings). Random
 * output of `openssl rand -base64 32` or `-hex 32` scores far above 128; words and repeats score below.
 */
export function estimatedEntropyBits(secret: string): number {
  if (secret.length === 0) return 0;
  let alphabet = 0;
  if (/[a-z]/.test(secret)) alphabet += 26;
  if (/[A-Z]/.test(secret)) alphabet += 26;
  if (/[0-9]/.test(secret)) alphabet += 10;
  if (/[^a-zA-Z0-9]/.test(secret)) alphabet += 33;
  const counts = new Map<string, number>();
  for (const character of secret) counts.set(character, (counts.get(character) ?? 0) + 1);
  let shannon = 0;
  for (const count of counts.values()) {
    const p = count / secret.length;
    shannon -= p * Math.log2(p);
  }
  return secret.length * Math.min(Math.log2(alphabet), shannon + 1);
}

/** Null for a secret fit for production, else what is wrong with it (to follow the variable's name). */
export function secretProblem(secret: string): string | null {
  if (publishedSecrets.has(secret)) return 'is a published development value: generate one with `openssl rand -base64 32`';
  const bits = Math.floor(estimatedEntropyBits(secret));
  if (bits < MIN_SECRET_BITS) {
    return `has about ${bits} bits of entropy, under the ${MIN_SECRET_BITS} required: generate one with \`openssl rand -base64 32\``;
  }
  return null;
}
