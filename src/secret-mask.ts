/**
 * Secrets are write-only (spec §2): the API shows the last 4 characters of a long secret and
 * nothing of a short one, enough to tell two apart without revealing either.
 */
export const maskSecret = (value: string) => (value.length >= 12 ? `••••${value.slice(-4)}` : "••••");
