/**
 * liveFramesBy passes on the frames a chart needs: the first, each one whose key changed, and the
 * run's last, on which it calls onResult unless the run failed.
 */
import assert from "node:assert/strict";
import { liveFramesBy } from "../../src/components/liveFramesBy.ts";

interface F {
  epochs: number;
  step: number;
  done: boolean;
  stopped?: boolean;
  error?: string;
}

async function* frames(list: F[]) {
  for (const f of list) yield f;
}

async function passed(list: F[]) {
  const results: F[] = [];
  const out: F[] = [];
  for await (const f of liveFramesBy(frames(list), (f) => f.epochs, (f) => results.push(f))) {
    out.push(f);
  }
  return { out: out.map((f) => f.step), results: results.map((f) => f.step) };
}

const f = (step: number, epochs: number, extra: Partial<F> = {}): F => ({
  step,
  epochs,
  done: false,
  ...extra,
});

Deno.test("liveFramesBy(frames, key, onResult): first, key changes and the finished last; onResult on it", async () => {
  assert.deepEqual(
    await passed([f(0, 0), f(1, 0), f(2, 1), f(3, 1), f(4, 2), f(5, 2, { done: true })]),
    { out: [0, 2, 4, 5], results: [5] },
  );
});

Deno.test("liveFramesBy: a stopped last frame is passed on with onResult; a failed one without", async () => {
  assert.deepEqual(await passed([f(0, 0), f(1, 0), f(2, 0, { stopped: true })]), {
    out: [0, 2],
    results: [2],
  });
  assert.deepEqual(await passed([f(0, 0), f(1, 0), f(2, 0, { done: true, error: "x" })]), {
    out: [0, 2],
    results: [],
  });
});

Deno.test("liveFramesBy: a run replaced before its end (no last frame) calls no onResult", async () => {
  assert.deepEqual(await passed([f(0, 0), f(1, 1)]), { out: [0, 1], results: [] });
});
