/**
 * The request a transformation sees and returns (spec §5), shaped like Hookdeck's so its
 * transformations run unchanged. `query` is the raw query string without the leading "?", as the
 * gateway stores it; the handler also receives `parsed_query`, which is rebuilt from `query` and
 * ignored on return (Hookdeck does the same). `body` is a parsed object or array for JSON bodies and
 * a string otherwise (see body.ts).
 */
export interface TransformRequest {
  body: unknown;
  headers: Record<string, string>;
  query: string;
  path: string;
  method: string;
}

export type ConsoleLevel = "log" | "info" | "warn" | "error" | "debug";

export interface ConsoleLine {
  level: ConsoleLevel;
  message: string;
}

export interface TransformInput {
  code: string;
  request: TransformRequest;
  /** The transformation's variables: `context.env` and `process.env` inside the handler. */
  env?: Record<string, string>;
  /** Exposed as `context.connection`, as Hookdeck does; any JSON value. */
  connection?: unknown;
}

export type TransformResult =
  | { ok: true; request: TransformRequest; console: ConsoleLine[] }
  | { ok: false; error: string; console: ConsoleLine[] };

export type CheckResult = { ok: true } | { ok: false; error: string; line?: number; column?: number };
