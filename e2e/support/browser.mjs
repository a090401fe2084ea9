// Debian's chromium driven by playwright-core (no browser download), with the project's flags.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { OUT_DIR } from "./processes.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** playwright's launch gives the browser a fresh temporary --user-data-dir of its own. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 120_000 });
}

/**
 * Watches a browser context for what must never happen: CSP violations (console messages and
 * `securitypolicyviolation` events) and uncaught exceptions. Each entry names the page URL.
 */
export function watchContext(context, problems) {
  context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "(inline)"}`);
    });
  });
  const watch = (page) => {
    page.on("console", (msg) => {
      const text = msg.text();
      if (/Content Security Policy|CSP violation/i.test(text)) problems.csp.push(`${page.url()}: ${text}`);
    });
    page.on("pageerror", (err) => problems.errors.push(`${page.url()}: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
}

/** A file name for a test's name. */
export const slug = (name) =>
  name
    .replace(/[^\w-]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 100);

/** Screenshots of every open page of `context` into out/, for a failed test; `suffix` tells contexts apart. */
export async function screenshotOnFailure(context, testName, suffix = "") {
  mkdirSync(OUT_DIR, { recursive: true });
  const pages = context.pages();
  const files = [];
  for (const [i, page] of pages.entries()) {
    const file = path.join(OUT_DIR, `${slug(testName)}${suffix}${pages.length > 1 ? `-page-${i + 1}` : ""}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      files.push(file);
    } catch {
      // a closed or crashed page: nothing to show
    }
  }
  return files;
}
