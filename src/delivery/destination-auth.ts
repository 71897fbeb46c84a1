import { z } from "zod";
import { toBase64, utf8 } from "../bytes";
import { HEADER_VALUE_PROBLEM, headerName, headerValue } from "../http/header-fields";
import { maskSecret } from "../secret-mask";

// How the gateway authenticates to a destination (spec §2 Destination `auth`). Secrets are stored
// as given and shown masked by the API. Whatever ends up in a header is checked as a header name or
// value on save (src/http/header-fields.ts); basic credentials are base64 of UTF-8 (RFC 7617), so
// they may hold any character but a colon in the username.

export const destinationAuth = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bearer"), token: headerValue.min(1) }),
  z.object({ type: z.literal("basic"), username: z.string().min(1).regex(/^[^:]*$/, "a basic username cannot contain a colon"), password: z.string() }),
  z.object({
    type: z.literal("api_key"),
    key: z.string().min(1),
    header: headerName.optional(),
    query: z.string().min(1).optional(),
  })
    .refine((a) => Boolean(a.header) !== Boolean(a.query), { message: "give exactly one of header or query", path: ["header"] })
    .refine((a) => !a.header || headerValue.safeParse(a.key).success, { message: HEADER_VALUE_PROBLEM, path: ["key"] }),
  z.object({ type: z.literal("custom_header"), name: headerName, value: headerValue.min(1) }),
]);

export type DestinationAuth = z.infer<typeof destinationAuth>;

/** Adds the destination's credentials to an outbound request. */
export function applyAuth(auth: DestinationAuth | null, url: URL, headers: Headers): void {
  if (!auth) return;
  switch (auth.type) {
    case "bearer":
      headers.set("authorization", `Bearer ${auth.token}`);
      return;
    case "basic":
      headers.set("authorization", `Basic ${toBase64(utf8(`${auth.username}:${auth.password}`))}`);
      return;
    case "api_key":
      if (auth.header) headers.set(auth.header, auth.key);
      else url.searchParams.set(auth.query!, auth.key);
      return;
    case "custom_header":
      headers.set(auth.name, auth.value);
  }
}

/** Where applyAuth puts the credential: the header or query parameter names it sets. */
export function authCredentials(auth: DestinationAuth | null): { headers: string[]; query: string[] } {
  if (!auth) return { headers: [], query: [] };
  switch (auth.type) {
    case "bearer":
    case "basic":
      return { headers: ["authorization"], query: [] };
    case "api_key":
      return auth.header ? { headers: [auth.header], query: [] } : { headers: [], query: [auth.query!] };
    case "custom_header":
      return { headers: [auth.name], query: [] };
  }
}

export function redactAuth(auth: DestinationAuth): Record<string, unknown> {
  switch (auth.type) {
    case "bearer":
      return { ...auth, token: maskSecret(auth.token) };
    case "basic":
      return { ...auth, password: maskSecret(auth.password) };
    case "api_key":
      return { ...auth, key: maskSecret(auth.key) };
    case "custom_header":
      return { ...auth, value: maskSecret(auth.value) };
  }
}
