import { describe, expect, it } from "vitest";
import { createOutbox, type OutboxState } from "./outbox";

class Unreachable extends Error {}

describe("createOutbox", () => {
  it("sends edits one at a time in the order they were made", async () => {
    const outbox = createOutbox({ isRetryable: () => false });
    const log: string[] = [];
    const slow = outbox.send(async () => {
      await new Promise((r) => setTimeout(r, 5));
      log.push("first");
      return 1;
    });
    const fast = outbox.send(async () => {
      log.push("second");
      return 2;
    });
    expect(await Promise.all([slow, fast])).toEqual([1, 2]);
    expect(log).toEqual(["first", "second"]);
  });

  it("keeps an edit that cannot reach the API and retries it before the ones behind it", async () => {
    const states: OutboxState[] = [];
    const outbox = createOutbox({
      isRetryable: (e) => e instanceof Unreachable,
      backoffMs: () => 1,
      onState: (s) => states.push(s),
    });
    const log: string[] = [];
    let down = 3;
    const first = outbox.send(async () => {
      if (down-- > 0) throw new Unreachable();
      log.push("first");
      return "saved";
    });
    const second = outbox.send(async () => {
      log.push("second");
    });
    expect(await first).toBe("saved");
    await second;
    expect(log).toEqual(["first", "second"]);
    expect(states.some((s) => s.waiting && s.pending === 2)).toBe(true);
    expect(outbox.state()).toEqual({ pending: 0, waiting: false });
  });

  it("settles a refused edit with its error and goes on with the next", async () => {
    const outbox = createOutbox({ isRetryable: () => false });
    const refused = outbox.send(async () => {
      throw new Error("422");
    });
    const next = outbox.send(async () => "ok");
    await expect(refused).rejects.toThrow("422");
    expect(await next).toBe("ok");
  });

  it("retries at once when told the API is back", async () => {
    const outbox = createOutbox({ isRetryable: () => true, backoffMs: () => 60_000 });
    let down = true;
    const edit = outbox.send(async () => {
      if (down) throw new Unreachable();
      return "done";
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(outbox.state().waiting).toBe(true);
    down = false;
    outbox.retryNow();
    expect(await edit).toBe("done");
  });
});
