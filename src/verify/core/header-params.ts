// Parses signature headers made of key=value pairs, such as Stripe's `t=…,v1=…,v1=…` or Paddle's
// `ts=…;h1=…`. A key may repeat (several signatures while a secret rotates).

export function parseHeaderParams(header: string, separator: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const part of header.split(separator)) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    params.set(key, [...(params.get(key) ?? []), value]);
  }
  return params;
}
