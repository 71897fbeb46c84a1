import { z } from "zod";
import type { Env } from "./env";

/** Tunables read from the Worker's vars, validated once at the boundary (defaults per spec). */
export interface Config {
  maxBodyBytes: number;
  sweepGraceMs: number;
  sourceCacheTtlMs: number;
  allowPrivateDestinations: boolean;
  retentionDays: number;
}

const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const schema = z.object({
  MAX_BODY_BYTES: int(10 * 1024 * 1024),
  SWEEP_GRACE_MS: int(60_000),
  SOURCE_CACHE_TTL_MS: int(5_000),
  ALLOW_PRIVATE_DESTINATIONS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  // Requests, events and attempts older than this many days are purged by the cron.
  RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
});

const cache = new WeakMap<Env, Config>();

export function config(env: Env): Config {
  let parsed = cache.get(env);
  if (!parsed) {
    const vars = schema.parse(env);
    parsed = {
      maxBodyBytes: vars.MAX_BODY_BYTES,
      sweepGraceMs: vars.SWEEP_GRACE_MS,
      sourceCacheTtlMs: vars.SOURCE_CACHE_TTL_MS,
      allowPrivateDestinations: vars.ALLOW_PRIVATE_DESTINATIONS,
      retentionDays: vars.RETENTION_DAYS,
    };
    cache.set(env, parsed);
  }
  return parsed;
}
