// ECDSA signatures arrive DER-encoded (SEQUENCE { INTEGER r, INTEGER s }), as SendGrid sends them,
// while WebCrypto verifies the fixed-width raw form r‖s (IEEE P1363). This converts one to the
// other for a given curve size, strictly: anything that is not exactly that structure is refused.

function readInteger(der: Uint8Array, offset: number, size: number): { value: Uint8Array; next: number } | null {
  if (der[offset] !== 0x02) return null;
  const length = der[offset + 1];
  if (length === undefined || length === 0 || length > size + 1) return null;
  const start = offset + 2;
  const end = start + length;
  if (end > der.length) return null;
  let bytes = der.subarray(start, end);
  // A leading 0x00 only keeps a high bit from reading as negative; it is not part of the number.
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  if (bytes.length > size) return null;
  const value = new Uint8Array(size);
  value.set(bytes, size - bytes.length);
  return { value, next: end };
}

export function derToRawSignature(der: Uint8Array, size = 32): Uint8Array | null {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const r = readInteger(der, 2, size);
  const s = r && readInteger(der, r.next, size);
  if (!r || !s || s.next !== der.length) return null;
  const raw = new Uint8Array(size * 2);
  raw.set(r.value, 0);
  raw.set(s.value, size);
  return raw;
}
