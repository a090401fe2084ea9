/**
 * Edits on their way to the API, sent one at a time in the order they were made. An edit that
 * fails because the API cannot be reached (no network, 502/503/504, 429) is kept at the head and
 * tried again after a growing pause, and the edits behind it wait their turn: none is dropped and
 * none overtakes another. An edit the API refuses (400, 404, 409, 422 …) settles with that error
 * for its caller to show, and the next one goes on.
 */

export interface OutboxState {
  /** Edits not yet accepted by the API. */
  pending: number;
  /** The head edit failed and is waiting to be tried again. */
  waiting: boolean;
}

export interface OutboxOptions {
  /** Whether a failure means "try again later" rather than "refused". */
  isRetryable: (error: unknown) => boolean;
  backoffMs?: (attempt: number) => number;
  onState?: (state: OutboxState) => void;
}

interface Entry {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createOutbox({ isRetryable, backoffMs, onState }: OutboxOptions) {
  const backoff = backoffMs ?? ((attempt: number) => Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1)));
  const queue: Entry[] = [];
  let running = false;
  let waiting = false;
  let wake: (() => void) | null = null;

  function report() {
    onState?.({ pending: queue.length, waiting });
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  async function drain() {
    if (running) return;
    running = true;
    let failures = 0;
    try {
      while (queue.length > 0) {
        const head = queue[0];
        try {
          const value = await head.run();
          queue.shift();
          failures = 0;
          waiting = false;
          report();
          head.resolve(value);
        } catch (error) {
          if (isRetryable(error)) {
            failures++;
            waiting = true;
            report();
            await pause(backoff(failures));
          } else {
            queue.shift();
            failures = 0;
            waiting = false;
            report();
            head.reject(error);
          }
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    /** Queues an edit; settles when the API accepted it (its result) or refused it (its error). */
    send<T>(run: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
        report();
        void drain();
      });
    },
    /** Tries the waiting edit now (the API is reachable again). */
    retryNow() {
      wake?.();
    },
    state: (): OutboxState => ({ pending: queue.length, waiting }),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
