/**
 * The live worker's loader: run as Framework runs it (the config's interpreter), it writes one
 * standalone ES module; a bundling error fails it loudly; and the bundle, started as a module
 * worker in Deno on the CPU backend, gives the same frames as the generator run here.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import config from "../../observablehq.config.ts";
import { bundleLiveWorker } from "../../src/loaders/live-worker.js.ts";
import { networkLive } from "../../src/compute/initialisation/liveNetwork.ts";
import type { FromWorker, ToWorker } from "../../src/compute/liveWorker.ts";
import { liveComputations } from "../../src/compute/liveComputations.ts";
import { repoRoot } from "./runLoader.ts";
import { assertFloat32Close } from "../compute/float32Close.ts";

const loader = "src/loaders/live-worker.js.ts";

async function runAsFramework() {
  const [command, ...args] = config.interpreters[".ts"];
  const out = await new Deno.Command(command, {
    args: [...args, loader],
    cwd: repoRoot,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stdout: out.stdout, stderr: new TextDecoder().decode(out.stderr) };
}

const first = await runAsFramework();
const code = new TextDecoder().decode(first.stdout);

Deno.test("live-worker.js: exits 0 and writes one ES module that imports nothing", () => {
  assert.equal(first.code, 0, first.stderr);
  assert.doesNotMatch(code, /^\s*import[\s{*"']/m);
  assert.doesNotMatch(code, /\bimport\s*\(\s*["']/);
  for (const name of Object.keys(liveComputations)) assert.ok(code.includes(name), name);
});

Deno.test("live-worker.js: a bundling error fails the loader with esbuild's message", async () => {
  const dir = await Deno.makeTempDir();
  const entry = new URL(`file://${dir}/entry.ts`);
  await Deno.writeTextFile(entry, 'import { missing } from "./nowhere.ts";\nmissing();\n');
  try {
    await assert.rejects(() => bundleLiveWorker(entry), /Could not resolve "\.\/nowhere\.ts"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

type Frame = { snap?: { forward: { preMeanSquare: number }[][]; backward: number[] } } & {
  done: boolean;
};

Deno.test("live-worker.js: the bundle runs initialisation/network in a worker as the generator runs here, and Stop ends it with its tensors freed", async () => {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/live-worker.js`;
  await Deno.writeFile(file, first.stdout);
  const worker = new Worker(new URL(`file://${file}`), { type: "module" });
  const inbox: FromWorker[] = [];
  let wake = () => {};
  worker.addEventListener("message", (event) => {
    inbox.push((event as MessageEvent<FromWorker>).data);
    wake();
  });
  const post = (message: ToWorker) => worker.postMessage(message);
  const until = async (test: (m: FromWorker) => boolean) => {
    for (;;) {
      const at = inbox.findIndex(test);
      if (at >= 0) return inbox.splice(0, at + 1).at(-1)!;
      await new Promise<void>((resolve) => wake = resolve);
    }
  };
  try {
    post({ type: "start", forced: "cpu", wasmPaths: {} });
    const ready = await until((m) => m.type === "ready" || m.type === "failed");
    assert.equal(ready.type, "ready", JSON.stringify(ready));
    const baseline = (ready as { numTensors: number }).numTensors;
    const settings = { depth: 6, width: 16, sigma: 1.41, batch: 8, seed: 3, activation: "relu" };
    post({ type: "run", id: 1, name: "initialisation/network", settings });
    const frames: Frame[] = [];
    for (;;) {
      const m = await until((m) => "id" in m && m.id === 1);
      if (m.type === "frame") frames.push(m.frame as Frame);
      if (m.type === "error") assert.fail(m.message);
      if (m.type === "end") {
        assert.equal(m.numTensors, baseline, "tensors after the run");
        break;
      }
    }
    await tf.setBackend("cpu");
    let here: Frame | undefined;
    const signal = new AbortController().signal;
    for await (const step of networkLive(settings as never, { signal, tf })) here = step as Frame;
    const last = frames.at(-1)!;
    assert.equal(last.done, true);
    // The same arithmetic, up to float32 rounding: here the generator cuts each product into row
    // slices sized by the clock, and the worker takes the whole batch at once.
    assertFloat32Close(last.snap!.backward, here!.snap!.backward);
    assertFloat32Close(
      last.snap!.forward[0].map((s) => s.preMeanSquare),
      here!.snap!.forward[0].map((s) => s.preMeanSquare),
    );
    // Stop: a large run ends soon after the stop message, its tensors freed.
    const big = { depth: 50, width: 256, sigma: 1.41, batch: 64, seed: 1, activation: "relu" };
    post({ type: "run", id: 2, name: "initialisation/network", settings: big });
    await until((m) => m.type === "frame" && m.id === 2);
    const stoppedAt = performance.now();
    post({ type: "stop", id: 2 });
    const end = await until((m) => m.type === "end" && m.id === 2);
    const stopMs = performance.now() - stoppedAt;
    assert.equal(end.type === "end" && end.numTensors, baseline, "tensors after Stop");
    // A generous bound on the CPU backend (the browser test holds wasm to 200 ms).
    assert.ok(stopMs < 1000, `${stopMs} ms`);
  } finally {
    worker.terminate();
    await Deno.remove(dir, { recursive: true });
  }
});
