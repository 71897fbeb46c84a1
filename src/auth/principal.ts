/**
 * Who is calling the admin API, and what they may do (spec §8). Every credential the gateway
 * accepts (the bootstrap `ADMIN_TOKEN`, an API key, a dashboard session) resolves to one of these;
 * route handlers and the role gate read it from the request context, never the raw credential.
 */
export type Role = "admin" | "read" | "publish";

export interface Principal {
  /** The API key's id, or `admin_token` for the bootstrap token. Written to the audit log. */
  keyId: string;
  role: Role;
}

/** The id the bootstrap `ADMIN_TOKEN` is known by in the audit log and sessions. */
export const ADMIN_TOKEN_KEY_ID = "admin_token";

/** Hono context variables set by `requirePrincipal`. */
export type PrincipalVariables = { principal: Principal };
