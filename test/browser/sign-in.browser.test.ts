import { describe, expect, it } from "vitest";
import { browserFixture, expectAccessible, screenshot, signIn } from "./browser";

// Signing in and out of the dashboard (spec §9), in a real browser.

const NAV = ["Events", "Requests", "Sources", "Destinations", "Connections", "Issues", "Replays", "Metrics"];

describe("sign-in", () => {
  const f = browserFixture();

  it("refuses a wrong key and keeps the form", async () => {
    const { page, gateway } = f;
    await signIn(page, gateway, "not-the-key");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Unauthorized");
    expect(await page.getByLabel("API key").isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    await expectAccessible(page, "the sign-in page");
    await screenshot(page, "sign-in");
  });

  it("signs in with the key, which the browser keeps nowhere, and shows the navigation", async () => {
    const { page, gateway } = f;
    await signIn(page, gateway);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of NAV) await nav.getByRole("link", { name, exact: true }).waitFor();
    // The key is in no storage a script can read, nor in the URL; the cookie is HttpOnly.
    const stored = await page.evaluate(() => {
      const w = globalThis as any; // runs in the page
      return JSON.stringify({ ...w.localStorage }) + JSON.stringify({ ...w.sessionStorage }) + w.document.cookie + w.location.href;
    });
    expect(stored).not.toContain("e2e-admin-token");
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: "eg_session", httpOnly: true, sameSite: "Strict" });
    await expectAccessible(page, "the events page");
  });

  it("lands on a page's own URL after a reload, and each navigation link opens its page", async () => {
    const { page, gateway } = f;
    for (const name of NAV) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
      await page.getByRole("heading", { level: 1, name }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/${name.toLowerCase()}`);
    }
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Metrics" }).waitFor();
    const res = await page.request.get(`${gateway.url}/events/evt_doesnotexist`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-security-policy"]).toContain("script-src 'self'");
  });

  it("sign-out ends the session: the old cookie opens nothing", async () => {
    const { page, gateway } = f;
    const [cookie] = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("API key").waitFor();
    const replayed = await fetch(`${gateway.url}/v1/sources`, { headers: { cookie: `${cookie!.name}=${cookie!.value}` } });
    expect(replayed.status).toBe(401);
    await page.goto(`${gateway.url}/sources`);
    await page.getByLabel("API key").waitFor();
  });
});
