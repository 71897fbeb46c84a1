import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startReceiver, type Receiver } from "../support/receiver";
import { ADMIN_TOKEN, ROOT, startGateway, type Gateway } from "../e2e/wrangler-dev";

// The browser suite's fixture: a gateway under wrangler dev, a receiver, and Debian's chromium
// (DEVELOPERS.md; .ci/run installs it when missing).

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(ROOT, "test/browser/screenshots");

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface BrowserFixture {
  gateway: Gateway;
  receiver: Receiver;
  browser: Browser;
  page: Page;
}

export function browserFixture(gatewayOptions: Parameters<typeof startGateway>[0] = {}) {
  const f = {} as BrowserFixture;
  beforeAll(async () => {
    [f.gateway, f.receiver, f.browser] = await Promise.all([
      startGateway(gatewayOptions),
      startReceiver(),
      chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] }),
    ]);
    f.page = await f.browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Any script the CSP blocks, or any uncaught error, fails the test that caused it.
    f.page.on("pageerror", (error) => errors.push(String(error)));
    f.page.on("console", (message) => message.type() === "error" && !/status of 40[0-9]/.test(message.text()) && errors.push(message.text()));
    f.page.on("dialog", (dialog) => dialog.accept());
  });
  // A failed test leaves a picture of the page it failed on.
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(f.page, `failed-${context.task.name.replace(/\W+/g, "-").slice(0, 60)}`);
  });
  afterAll(async () => {
    await Promise.all([f.browser?.close(), f.gateway?.stop(), f.receiver?.close()]);
    expect(errors).toEqual([]);
  });
  return f;
}

const errors: string[] = [];

export async function signIn(page: Page, gateway: Gateway, key = ADMIN_TOKEN) {
  await page.goto(`${gateway.url}/`);
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Runs axe-core in the page; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, what: string) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an injected
  // <script> would be refused by it, as it should be).
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Axe = { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
    const result = await (globalThis as unknown as { axe: Axe }).axe.run();
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe on ${what}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
