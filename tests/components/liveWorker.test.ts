/**
 * The live worker's two sides joined in one Deno process by a fake message channel (messages are
 * structured-cloned and delivered a task later, as between a page and its worker): the page's
 * client (components/liveWorker.ts) under the runner (components/liveRun.ts), the server
 * (compute/liveWorker.ts) on tfjs's CPU backend.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { type LiveView, runLive, STOP } from "../../src/components/liveRun.ts";
import { liveWorkerOf, type WorkerLike } from "../../src/components/liveWorker.ts";
import { type LiveRegistry, serveLive, type WorkerPort } from "../../src/compute/liveWorker.ts";
import { startBackend } from "../../src/compute/tfStart.ts";
import type { LiveEnv, LiveStep } from "../../src/compute/liveRun.ts";
import { networkLive } from "../../src/compute/initialisation/liveNetwork.ts";

type Listener = (event: { data: never; message?: string }) => void;

/** A page-side worker and a worker-side port, joined. */
function channel() {
  const page: Record<string, Listener[]> = { message: [], error: [] };
  const inWorker: Listener[] = [];
  const deliver = (to: Listener[], data: unknown) =>
    setTimeout(() => to.forEach((listener) => listener({ data: structuredClone(data) as never })));
  const worker = {
    postMessage: (message: unknown) => deliver(inWorker, message),
    addEventListener: (type: string, listener: Listener) => page[type].push(listener),
  } as unknown as WorkerLike;
  const port = {
    postMessage: (message: unknown) => deliver(page.message, message),
    addEventListener: (_type: string, listener: Listener) => inWorker.push(listener),
  } as unknown as WorkerPort;
  return { worker, port };
}

/** A counter that holds one tensor while it runs, and notes how it ended. */
const log: string[] = [];
async function* holdsTensor(
  settings: { n: number },
  env: LiveEnv,
): AsyncGenerator<LiveStep<{ count: number; longestSliceMs: number }>> {
  const held = env.tf!.zeros([2]);
  try {
    for (let count = 1; count <= settings.n; count++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (env.signal.aborted) return;
      yield { count, longestSliceMs: 7, progress: count / settings.n, done: count === settings.n };
    }
  } finally {
    held.dispose();
    log.push("released");
  }
}

/** Says whether its input is the very object the run before saw (a cache's key in the worker). */
let seen: unknown;
function* sameInput(_settings: unknown, env: LiveEnv) {
  const bytes = env.inputs?.bytes as ArrayBuffer;
  const same = bytes === seen;
  seen = bytes;
  yield { same, length: bytes.byteLength, progress: 1, done: true };
}

/** Counts, one step every 2 ms, and leaves the stopping to the driver (as tfjs's references do). */
async function* counts(settings: { n: number }, _env: LiveEnv) {
  for (let count = 1; count <= settings.n; count++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    yield { count, progress: count / settings.n, done: count === settings.n };
  }
}

const registry: LiveRegistry = {
  "initialisation/network": networkLive,
  "test/counts": counts,
  "test/holds": holdsTensor,
  "test/input": sameInput,
};

function connect() {
  const { worker, port } = channel();
  serveLive(port, registry, async () => ({
    tf,
    ...(await startBackend(tf, { forced: "cpu", wasmPaths: {} })),
  }));
  return liveWorkerOf(worker, "?backend=cpu");
}

function fakeSection() {
  let controller = new AbortController();
  const view = {
    state: "loading",
    status: "",
    stop: () => controller.abort(STOP),
    begin(message: string) {
      controller = new AbortController();
      view.state = "running";
      view.status = message;
      return controller.signal;
    },
    progress: (_f: number, message: string) => void (view.status = message),
    finish(message: string, state: "done" | "error" = "done") {
      view.status = message;
      view.state = state;
    },
    conclude: (message: string) => void (view.status = message),
  } satisfies LiveView & Record<string, unknown>;
  return view;
}

type Hooks = {
  backend?: string;
  tf?: { memory(): { numTensors: number } };
  liveWorker?: { numTensors: number; stopMs: number[] };
  workerCount?: Record<string, unknown>;
};
const hooks = () => (globalThis as { __explorables?: Hooks }).__explorables!;

Deno.test("liveWorker: a worker's computation under section.run gives the generator's own frames, the worker's backend and its tensor count", async () => {
  const client = connect();
  const runtime = await client.runtime;
  assert.equal(runtime.backend, "cpu");
  assert.equal(hooks().backend, "cpu");
  const settings = { depth: 5, width: 16, sigma: 1.41, batch: 8, seed: 2, activation: "relu" };
  const section = fakeSection();
  const frames = [];
  for await (
    const frame of runLive(section, client.computation("initialisation/network"), settings, {
      runtime: client.runtime,
      start: "Running…",
      summary: () => "Done.",
      sliceMs: 0,
    })
  ) frames.push(frame);
  const last = frames.at(-1)! as unknown as { snap: { backward: unknown[] }; done: boolean };
  assert.equal(last.done, true);
  assert.equal(section.state, "done");
  let here: { snap?: { backward: (number | undefined)[] } } | undefined;
  const signal = new AbortController().signal;
  for await (const step of networkLive(settings as never, { signal, tf })) here = step;
  assert.deepEqual(last.snap.backward, here!.snap!.backward);
  assert.equal(hooks().tf!.memory().numTensors, runtime.baselineTensors);
});

Deno.test("liveWorker: Stop ends the run in the worker, and the runner finishes only after the worker freed its tensors", async () => {
  const client = connect();
  const { baselineTensors } = await client.runtime;
  const section = fakeSection();
  const frames = [];
  log.length = 0;
  for await (
    const frame of runLive(
      section,
      client.computation<{ n: number }, { count: number }>(
        "test/holds" as never,
      ),
      { n: 1000 },
      {
        runtime: client.runtime,
        start: "Counting…",
        summary: (f) => f.stopped ? `Stopped at ${f.count}.` : "Done.",
        initial: { count: 0 },
        sliceMs: 0,
        hook: { name: "workerCount", fields: ["count", "longestSliceMs"] },
      },
    )
  ) {
    frames.push(frame);
    if (frame.count === 3) section.stop();
  }
  assert.equal(section.state, "done");
  assert.match(section.status, /^Stopped at \d+\.$/);
  assert.deepEqual(log, ["released"]);
  assert.equal(hooks().tf!.memory().numTensors, baselineTensors);
  assert.equal(hooks().liveWorker!.stopMs.length, 1);
  // The computation's own longestSliceMs is kept, not the driver's; frames not stopped say so.
  assert.equal(hooks().workerCount!.longestSliceMs, 7);
  assert.equal(hooks().workerCount!.stopped, true);
  assert.ok(frames.slice(0, -1).every((frame) => frame.stopped === false));
});

Deno.test("liveWorker: Stop pressed as the section begins still reports the computation's first step, as on the page's own thread", async () => {
  const client = connect();
  await client.runtime;
  const section = fakeSection();
  // As a reader's click does: after begin(), before the run's first await resumes.
  const begin = section.begin;
  section.begin = (message: string) => {
    const signal = begin(message);
    queueMicrotask(section.stop);
    return signal;
  };
  for await (
    const _ of runLive(
      section,
      client.computation<{ n: number }, { count: number }>("test/counts" as never),
      { n: 1000 },
      {
        runtime: client.runtime,
        start: "Counting…",
        summary: (f) => f.stopped ? `Stopped at ${f.count}.` : "Done.",
        initial: { count: 0 },
      },
    )
  );
  assert.equal(section.state, "done");
  assert.equal(section.status, "Stopped at 1.");
});

Deno.test("liveWorker: a name the worker does not know fails the run with a clear message", async () => {
  const client = connect();
  const section = fakeSection();
  for await (
    const _ of runLive(section, client.computation("nothing/here" as never), {}, {
      runtime: client.runtime,
      start: "Running…",
      summary: () => "Done.",
      what: "the live network",
    })
  );
  assert.equal(section.state, "error");
  assert.equal(
    section.status,
    'The live network failed: the live worker knows no computation "nothing/here"',
  );
});

Deno.test("liveWorker: a computation's inputs reach the worker once, so every run finds the same object there", async () => {
  const client = connect();
  const bytes = new Uint8Array([1, 2, 3]).buffer;
  const computation = client.computation<unknown, { same: boolean; length: number }>(
    "test/input" as never,
    { inputs: { bytes: Promise.resolve(bytes) } },
  );
  const lastOf = async () => {
    const section = fakeSection();
    let last;
    for await (
      const frame of runLive(section, computation, {}, {
        runtime: client.runtime,
        start: "…",
        summary: () => "Done.",
      })
    ) last = frame;
    return last!;
  };
  const first = await lastOf();
  assert.deepEqual([first.same, first.length], [false, 3]);
  assert.equal((await lastOf()).same, true);
});
