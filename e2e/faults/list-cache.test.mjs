// Two API instances on one PostgreSQL, each keeping rendered task lists (the list cache): a change
// made through one instance, or by plain SQL (as the web app's account deletion does), shows in the
// other instance's kept list once that instance has read the change log (every 100 ms), and a
// client sees its own change at once on the instance it wrote through. Also checks that the lists
// were really kept (the other instance's hit counter moves), or the test would prove nothing.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, test } from "node:test";
import { call, delay, hs256Token, report, startApi, startPostgres } from "./harness.mjs";

/** "Did not stay stale": the feed reads every 100 ms; a cache that never learns of the change stays stale for good. */
const STALE_BOUND_MS = 5_000;

let pg;
const apis = [];
after(async () => {
  for (const api of apis) await api.stop();
  await pg?.destroy();
});

async function hits(api) {
  const r = await call(`${api.management}/actuator/metrics/tasks.list.cache.requests?tag=result:hit`);
  assert.equal(r.status, 200, r.text);
  return r.json.measurements.find((m) => m.statistic === "COUNT").value;
}

test(
  "two instances: a change through one (or by SQL) reaches the other's kept list; own changes at once",
  { timeout: 600_000 },
  async () => {
    const secret = crypto.randomBytes(32).toString("hex");
    pg = await startPostgres("list-cache");
    apis.push(await startApi("list-cache-a", { databaseUrl: pg.url, secret }));
    apis.push(await startApi("list-cache-b", { databaseUrl: pg.url, secret }));
    const [a, b] = apis;
    const user = `list-cache-${crypto.randomBytes(4).toString("hex")}`;
    const token = hs256Token(secret, user);
    const tasks = (api) => `${api.url}/api/${user}/tasks`;
    const titles = async (api) => {
      const r = await call(tasks(api), { token });
      assert.equal(r.status, 200, r.text);
      return r.json.map((t) => t.title);
    };
    /** Lists on `api` until `expected` comes back; returns how long that took. */
    const seenWithin = async (api, expected, what) => {
      const start = Date.now();
      let last;
      while (Date.now() - start < STALE_BOUND_MS) {
        last = await titles(api);
        if (JSON.stringify(last) === JSON.stringify(expected)) return Date.now() - start;
        await delay(5);
      }
      assert.fail(`${what}: still ${JSON.stringify(last)} after ${STALE_BOUND_MS} ms, expected ${JSON.stringify(expected)}`);
    };

    const first = await call(tasks(a), { method: "POST", token, body: { title: "first" } });
    assert.equal(first.status, 201);
    const figures = {};
    figures.createdOnA_seenOnB_ms = await seenWithin(b, ["first"], "a create through A, listed on B");

    const before = await hits(b);
    assert.deepEqual(await titles(b), ["first"]);
    assert.deepEqual(await titles(b), ["first"]);
    assert.ok((await hits(b)) >= before + 2, "B answered from its kept page");

    const second = await call(tasks(a), { method: "POST", token, body: { title: "second" } });
    assert.equal(second.status, 201);
    assert.deepEqual(await titles(a), ["second", "first"], "the writer's own instance, at once");
    figures.secondCreate_seenOnB_ms = await seenWithin(b, ["second", "first"], "a second create through A, on B");

    const renamed = await call(`${tasks(b)}/${first.json.id}`, { method: "PUT", token, body: { title: "renamed" } });
    assert.equal(renamed.status, 200);
    assert.deepEqual(await titles(b), ["second", "renamed"], "the writer's own instance, at once");
    figures.updateOnB_seenOnA_ms = await seenWithin(a, ["second", "renamed"], "an update through B, on A");

    await pg.sql(`delete from tasks.tasks where user_id = '${user}' and title = 'second'`);
    figures.sqlDelete_seenOnA_ms = await seenWithin(a, ["renamed"], "a delete by SQL, on A");
    figures.sqlDelete_seenOnB_ms = await seenWithin(b, ["renamed"], "a delete by SQL, on B");

    report("list-cache", figures);
  },
);
