/**
 * The live-run contract without a browser: the time-slicing driver (compute/liveRun.ts) on a fake
 * clock, and the runner (components/liveRun.ts) on a fake section that records what it was told.
 */
import assert from "node:assert/strict";
import { type LiveEnv, type LiveStep, timeSliced } from "../../src/compute/liveRun.ts";
import {
  type LiveView,
  REPLACED,
  runLive,
  type RunOptions,
  STOP,
} from "../../src/components/liveRun.ts";
import { testHook } from "../../src/components/testHook.ts";

type Count = { count: number };

/** A computation of `n` steps; each advances the fake clock by `stepMs` and notes it ran. */
function counter(n: number, clock: { t: number }, stepMs: number, log: string[] = []) {
  return async function* (_settings: unknown, env: LiveEnv): AsyncGenerator<LiveStep<Count>> {
    try {
      for (let count = 1; count <= n; count++) {
        if (env.signal.aborted) return;
        clock.t += stepMs;
        yield { count, progress: count / n, done: count === n };
      }
    } finally {
      log.push("released");
    }
  };
}

async function collect<T>(frames: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const frame of frames) all.push(frame);
  return all;
}

Deno.test("timeSliced: skips steps inside a slice, hands out every slice's newest and the last", async () => {
  const clock = { t: 0 };
  const signal = new AbortController().signal;
  const steps = counter(10, clock, 5)(undefined, { signal });
  const frames = await collect(timeSliced(steps, { signal, sliceMs: 12, now: () => clock.t }));
  // Steps every 5 ms, slices of 12 ms: the 3rd, 6th and 9th steps end slices; the 10th is done.
  assert.deepEqual(frames.map((f) => f.count), [3, 6, 9, 10]);
  assert.deepEqual(frames.map((f) => f.done), [false, false, false, true]);
  assert.deepEqual(frames.map((f) => f.elapsedMs), [15, 30, 45, 50]);
  assert.equal(frames.at(-1)!.longestSliceMs, 15);
  assert.equal(frames.at(-1)!.progress, 1);
});

Deno.test("timeSliced: an abort between frames ends the computation and hands out its newest step", async () => {
  const clock = { t: 0 };
  const controller = new AbortController();
  const log: string[] = [];
  async function* steps() {
    try {
      for (let count = 1; count <= 100; count++) {
        clock.t += 1;
        // Stop pressed while the 6th step runs: it arrives after the abort.
        if (count === 6) controller.abort(STOP);
        yield { count, progress: count / 100 };
      }
    } finally {
      log.push("released");
    }
  }
  const sliced = timeSliced(steps(), { signal: controller.signal, sliceMs: 4, now: () => clock.t });
  const frames = await collect(sliced);
  assert.deepEqual(frames.map((f) => [f.count, f.done]), [[4, false], [6, false]]);
  assert.deepEqual(log, ["released"]);
});

Deno.test("timeSliced: a computation that ends without a step marked done ends on a done frame", async () => {
  async function* twoSteps() {
    yield { progress: 0.5 };
    yield { progress: 0.9 };
  }
  const frames = await collect(timeSliced(twoSteps(), { sliceMs: 0 }));
  assert.deepEqual(frames.map((f) => [f.progress, f.done]), [[0.5, false], [0.9, false], [
    0.9,
    true,
  ]]);
});

/** A section that records its state and status, as liveSection would show them. */
function fakeSection() {
  let controller: AbortController | undefined;
  const view = {
    state: "loading",
    status: "",
    outcome: undefined as string | undefined,
    progressCalls: 0,
    stop: () => controller?.abort(STOP),
    begin(message: string) {
      controller?.abort(REPLACED);
      controller = new AbortController();
      view.state = "running";
      view.status = message;
      return controller.signal;
    },
    progress(_fraction: number, message: string) {
      view.progressCalls++;
      view.status = message;
    },
    finish(message: string, state: "done" | "error" = "done") {
      view.status = message;
      view.state = state;
    },
    conclude(message: string, problem?: { message: string; severity: string }) {
      view.status = problem ? `${problem.message}. ${message}` : message;
      view.outcome = problem?.severity;
      view.state = problem?.severity === "error" ? "error" : "done";
    },
  } satisfies LiveView & Record<string, unknown>;
  return view;
}

const options = (extra: Partial<RunOptions<{ n: number }, Count>> = {}) => ({
  start: "Counting…",
  progress: (f: { count: number }) => `Counted ${f.count}…`,
  summary: (f: { count: number; stopped?: boolean }) =>
    f.stopped ? `Stopped at ${f.count}.` : `Counted to ${f.count}.`,
  initial: { count: 0 },
  sliceMs: 0,
  ...extra,
});

Deno.test("runLive: yields the initial value, every frame and the last; says done; publishes the hook", async () => {
  const section = fakeSection();
  const clock = { t: 0 };
  const frames = await collect(
    runLive(section, counter(3, clock, 1), { n: 3 }, {
      ...options(),
      hook: { name: "counted", fields: ["count"] },
    }),
  );
  assert.deepEqual(frames.map((f) => f.count), [0, 1, 2, 3]);
  assert.deepEqual(frames[0].settings, { n: 3 });
  assert.equal(section.state, "done");
  assert.equal(section.status, "Counted to 3.");
  assert.equal(section.progressCalls, 2);
  const hooks = (globalThis as { __explorables?: Record<string, unknown> }).__explorables;
  assert.deepEqual(hooks?.counted, { settings: { n: 3 }, count: 3 });
});

Deno.test("runLive: frames 'last' yields only the initial value and the end", async () => {
  const section = fakeSection();
  const frames = await collect(
    runLive(section, counter(5, { t: 0 }, 1), { n: 5 }, { ...options(), frames: "last" }),
  );
  assert.deepEqual(frames.map((f) => f.count), [0, 5]);
});

Deno.test("runLive: Stop leaves the newest frame, 'stopped', state done, and the hook", async () => {
  const section = fakeSection();
  const frames = [];
  for await (
    const frame of runLive(section, counter(100, { t: 0 }, 1), { n: 100 }, {
      ...options(),
      hook: { name: "stopTest" },
    })
  ) {
    frames.push(frame);
    if (frame.count === 4) section.stop();
  }
  assert.equal(section.state, "done");
  assert.equal(section.status, "Stopped at 4.");
  assert.equal(frames.at(-1)!.stopped, true);
  const hooks = (globalThis as { __explorables?: Record<string, { stopped?: boolean }> })
    .__explorables;
  assert.equal(hooks?.stopTest.stopped, true);
});

Deno.test("runLive: an error after Stop is the Stop, not a failure", async () => {
  const section = fakeSection();
  async function* breaksWhenStopped(_s: unknown, env: LiveEnv) {
    yield { count: 1, progress: 0.1 };
    section.stop();
    if (env.signal.aborted) throw new Error("a read cut short");
    yield { count: 2, progress: 1, done: true };
  }
  const frames = await collect(runLive(section, breaksWhenStopped, { n: 2 }, options()));
  assert.equal(section.state, "done");
  assert.equal(section.status, "Stopped at 1.");
  assert.equal(frames.at(-1)!.error, undefined);
});

Deno.test("runLive: a computation that throws ends in state error with its message", async () => {
  const section = fakeSection();
  async function* fails() {
    yield { count: 1, progress: 0.5 };
    throw new RangeError("κ must be at least 1");
  }
  const frames = await collect(
    runLive(section, fails, { n: 1 }, { ...options(), what: "counting" }),
  );
  assert.equal(section.state, "error");
  assert.equal(section.status, "Counting failed: κ must be at least 1");
  assert.equal(frames.at(-1)!.error, "κ must be at least 1");
});

Deno.test("runLive: a runtime that cannot start is shown as unavailable", async () => {
  const section = fakeSection();
  const runtime = Promise.reject(new Error("no backend"));
  const frames = await collect(
    runLive(section, counter(2, { t: 0 }, 1), { n: 2 }, {
      ...options(),
      runtime,
      what: "counting",
    }),
  );
  assert.equal(frames.length, 1);
  assert.equal(section.state, "error");
  assert.equal(section.status, "Counting is unavailable: no backend");
});

Deno.test("runLive: a run replaced by a newer one ends without a word; only the newer one reports", async () => {
  const section = fakeSection();
  const log: string[] = [];
  const old = runLive(section, counter(100, { t: 0 }, 1, log), { n: 100 }, options());
  await old.next(); // the initial value
  await old.next(); // the first frame: the old run is running
  const newer = collect(runLive(section, counter(2, { t: 0 }, 1), { n: 2 }, options()));
  const rest = await collect(old);
  await newer;
  assert.deepEqual(rest, []);
  assert.deepEqual(log, ["released"]);
  assert.equal(section.status, "Counted to 2.");
  assert.equal(section.state, "done");
});

Deno.test("runLive: runs made faster than frames compute only the newest; the others never begin", async () => {
  const section = fakeSection();
  let begun = 0;
  const begin = section.begin;
  section.begin = (message: string) => (begun++, begin(message));
  const computed: number[] = [];
  const counting = (n: number) =>
    async function* (settings: { n: number }, env: LiveEnv) {
      computed.push(settings.n);
      yield* counter(n, { t: 0 }, 1)(settings, env);
    };
  // A drag: three settings, each run made before the one before it was pulled past its initial
  // value, as Observable does within one frame.
  const runs = [1, 2, 3].map((n) => runLive(section, counting(n), { n }, options()));
  const results = await Promise.all(runs.map(collect));
  assert.deepEqual(results.map((frames) => frames.map((f) => f.count)), [[0], [0], [0, 1, 2, 3]]);
  assert.deepEqual(computed, [3]);
  assert.equal(begun, 1);
  assert.equal(section.status, "Counted to 3.");
  assert.equal(section.state, "done");
});

Deno.test("runLive: a lone run (none made in the section within STREAM_MS) begins without a frame's wait", async () => {
  const section = fakeSection();
  const run = runLive(section, counter(2, { t: 0 }, 1), { n: 2 }, options());
  await run.next(); // the initial value
  const first = await run.next(); // begun and computed with no wait for a frame
  assert.equal(first.value?.count, 1);
  assert.equal(section.state, "running");
  await collect(run);
  assert.equal(section.state, "done");
});

Deno.test("runLive: a summary with a problem is concluded with it", async () => {
  const section = fakeSection();
  await collect(
    runLive(section, counter(1, { t: 0 }, 1), { n: 1 }, {
      ...options(),
      summary: () => ({
        message: "Counted.",
        problem: { message: "The count diverged", severity: "error" as const },
      }),
    }),
  );
  assert.equal(section.state, "error");
  assert.equal(section.status, "The count diverged. Counted.");
});

Deno.test("testHook: sets one value on globalThis.__explorables", () => {
  testHook("answer", { settings: { x: 1 }, value: 42 });
  const hooks = (globalThis as { __explorables?: Record<string, unknown> }).__explorables;
  assert.deepEqual(hooks?.answer, { settings: { x: 1 }, value: 42 });
});
