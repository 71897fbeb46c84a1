import { describe, expect, it } from "vitest";
import { waitFor } from "../support/wait-for";
import { browserFixture, expectAccessible } from "./browser";

// A `read` session sees every page and no button that would change state (spec §8, §9). The UI
// learns its role from GET /v1/session only. The session is opened with a real read key, as the
// sign-in form would.

const WRITE_BUTTONS = /^(New |Edit |Delete |Pause |Unpause |Retry$|Cancel$|Route again$|Acknowledge |Resolve |Count events$|Start replay$)/;

describe("a read-only session", () => {
  const f = browserFixture();

  it("shows every page and no button that changes state", async () => {
    const { page, gateway, receiver } = f;
    const name = "reader-view";
    const source = (await gateway.admin("POST", "/v1/sources", { name })).json;
    const destination = (await gateway.admin("POST", "/v1/destinations", { name, url: `${receiver.url}/seq/500/${name}` })).json;
    await gateway.admin("POST", "/v1/connections", { name, source_id: source.id, destination_id: destination.id, rules: [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }] });
    await fetch(`${gateway.url}/e/${source.id}`, { method: "POST", body: "{}" });
    const events = await waitFor("a failed event and its issue", async () => {
      const failed = (await gateway.admin("GET", "/v1/events?status=failed")).json.data;
      const open = (await gateway.admin("GET", "/v1/issues?status=open")).json.data;
      return failed.length === 1 && open.length === 1 && failed;
    });

    const reader = (await gateway.admin("POST", "/v1/api-keys", { name: "reader", role: "read" })).json;
    const signIn = await fetch(`${gateway.url}/v1/session`, { method: "POST", headers: { authorization: `Bearer ${reader.key}`, origin: gateway.url } });
    const sessionId = /eg_session=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1];
    expect(sessionId, "the read key opens a session").toBeTruthy();
    await page.context().addCookies([{ name: "eg_session", value: sessionId!, url: gateway.url }]);
    const pages = ["/events", `/events/${events[0].id}`, `/requests/${events[0].request_id}`, "/requests", "/sources", "/destinations",
      "/connections", "/transformations", "/notification-channels", "/issues", "/replays", "/metrics"];
    for (const path of pages) {
      await page.goto(`${gateway.url}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByText(`${reader.id} (read)`).waitFor();
      await page.waitForLoadState("networkidle");
      const buttons = await page.getByRole("button").allTextContents();
      expect(buttons.filter((b) => WRITE_BUTTONS.test(b)), path).toEqual([]);
      await expectAccessible(page, `${path} (read-only)`);
    }
    // It still reads everything: the source's row and the open issue are listed.
    await page.goto(`${gateway.url}/issues`);
    await page.getByRole("cell", { name: "open", exact: true }).waitFor();
  });
});
