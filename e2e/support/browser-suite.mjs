// What a browser test file needs around its tests: contexts that are watched for CSP violations
// and script errors, closed afterwards, and screenshotted when a test fails.
import path from "node:path";
import { test } from "node:test";
import { screenshotOnFailure, watchContext } from "./browser.mjs";
import { ROOT_DIR } from "./processes.mjs";

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

/**
 * `closeAfterEachTest`: every context a test opened is closed when it ends (for files whose
 * tests open their own); otherwise tests close theirs with `closeContext`.
 */
export function browserSuite(getBrowser, { closeAfterEachTest = false } = {}) {
  const problems = { csp: [], errors: [] };
  const contexts = new Set();

  async function newContext(options = {}) {
    const context = await getBrowser().newContext({ viewport: DESKTOP, ...options });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    watchContext(context, problems);
    contexts.add(context);
    return context;
  }

  async function closeContext(context) {
    contexts.delete(context);
    await context.close();
  }

  /** A test whose failure leaves screenshots of every open page in out/. */
  function browserTest(name, fn) {
    test(name, async (t) => {
      try {
        await fn();
      } catch (err) {
        const shots = [];
        // One file name per context and page: several people (contexts) in one test must not overwrite each other.
        for (const [i, context] of [...contexts].entries()) {
          shots.push(...(await screenshotOnFailure(context, name, contexts.size > 1 ? `-person-${i + 1}` : "")));
        }
        if (shots.length) t.diagnostic(`screenshots: ${shots.map((s) => path.relative(ROOT_DIR, s)).join(", ")}`);
        throw err;
      } finally {
        if (closeAfterEachTest) for (const context of [...contexts]) await closeContext(context).catch(() => {});
      }
    });
  }

  return { problems, newContext, closeContext, browserTest };
}

/** The page's document is no wider than its viewport. */
export async function horizontalOverflow(page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return scrollWidth > clientWidth ? `content is ${scrollWidth}px wide in a ${clientWidth}px viewport` : null;
}
