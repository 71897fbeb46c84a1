import { z } from "zod";
import { timingSafeEqual } from "../../http/constant-time";
import { nonEmpty } from "../core/fields";
import { parseJsonObject } from "../core/json-body";
import { rejected, verified } from "../core/result";
import { defineVerifier } from "../core/verifier";

// Microsoft Graph change notifications carry no signature. Creating a subscription sends
// ?validationToken=… which must be echoed as 200 text/plain within 10 s; afterwards each
// notification in `value[]` carries the subscription's `clientState`, which is compared with the
// configured `client_state`. Without one, notifications pass but are not marked verified.
// (Rich notifications' `validationTokens` JWTs are not checked here.)

export const msgraph = defineVerifier({
  schema: z.object({ type: z.literal("msgraph"), client_state: nonEmpty.max(128).optional() }),
  async verify(config, input) {
    if (config.client_state === undefined) return { ok: true, verified: false };
    const notifications = parseJsonObject(input.body)?.value;
    if (!Array.isArray(notifications) || notifications.length === 0) return rejected("body has no value[] notifications");
    let mismatch = -1;
    for (const [i, notification] of notifications.entries()) {
      const state = (notification as { clientState?: unknown } | null)?.clientState;
      const same = typeof state === "string" && (await timingSafeEqual(state, config.client_state));
      if (!same && mismatch < 0) mismatch = i;
    }
    return mismatch < 0 ? verified : rejected(`clientState mismatch at value[${mismatch}]`);
  },
  async handshake(_config, input) {
    const token = input.url.searchParams.get("validationToken");
    if (token === null) return null;
    return new Response(token, { headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
  },
});
