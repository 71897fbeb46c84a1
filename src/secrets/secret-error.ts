/**
 * A secret that cannot be stored or read: a row encrypted under a key the Worker no longer has,
 * a ciphertext that fails authentication, or no ENCRYPTION_KEY. It names the field (and row),
 * never the value, so it is safe to log and to show.
 */
export class SecretError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = "SecretError";
  }
}
