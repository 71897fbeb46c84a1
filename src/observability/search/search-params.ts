import { z } from "@hono/zod-openapi";
import { badRequest } from "../../http/problem";
import { parseTextFilters, type TextFilters } from "./text-filters";

// Search parameters shared by GET /v1/requests and GET /v1/events (docs/observability.md). The
// fixed ones are declared here; `body.<path>` and `headers.<name>` are named by the caller, so they
// are read from the raw query (text-filters.ts).

export const searchFilters = z.object({
  body_contains: z.string().min(1).max(1_000).optional()
    .openapi({ description: "Text the body contains, case-sensitive, as UTF-8 (bodies over 1 MB are not searched)." }),
  provider_event_id: z.string().min(1).max(200).optional()
    .openapi({ description: "The provider's own id for the webhook: Stripe's event id, `x-github-delivery`, `x-shopify-webhook-id`, `webhook-id`, …" }),
});

/**
 * `cursor`: the `next_cursor` of a previous page, which is always a full id of the listed kind. Checked
 * here so that a mangled cursor is a 400, not a silently wrong page.
 */
export const searchCursor = (prefix: "evt" | "req") =>
  z.string().regex(new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`), `expected the next_cursor of a previous page (${prefix}_…)`).optional()
    .openapi({ description: "`next_cursor` from the previous page." });

/** The `body.*` and `headers.*` filters of a request URL, or a 400 naming each bad parameter. */
export function textFiltersOf(url: string, bodyContains: string | undefined): TextFilters {
  const parsed = parseTextFilters(new URL(url).searchParams, bodyContains);
  if (!parsed.ok) throw badRequest(parsed.problems);
  return parsed.filters;
}
