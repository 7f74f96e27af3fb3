/**
 * The `live` bench part: how near the machine's own speed the live worker computes (issue 20,
 * item 3). In headless Chromium on the built site (cross-origin isolated, as serve.ts makes it),
 * on WebAssembly, each live workload of the pages whose live sections run in the worker is run at
 * its page's default settings in a fresh live worker, as the page would post it, and timed from
 * the `run` message to the worker's `end`. For each it prints:
 * - its arithmetic, in multiply-adds, counted from the settings (the products only: the depth
 *   run's three per layer, the MLP's and the CNN's forward and backward products and their
 *   evaluations; elementwise work is not counted);
 * - the run's time and its achieved GFLOP/s (two flops a multiply-add);
 * - the backend's peak in the same browser: one 1024 × 1024 by 1024 × 1024 product in a worker
 *   started as the live worker starts (tests/bench/liveSpeedPeak.ts), and the efficiency, achieved
 *   over peak;
 * - for the depth run (50 layers × width 512 × batch 256, forward and backward), NumPy's float32
 *   time for the same arithmetic (tests/bench/depth_numpy.py), when python3 with NumPy is present,
 *   and the ratio.
 * `--worker=FILE` times another bundle of the live worker (say one built from an older commit
 * with src/loaders/live-worker.js.ts's bundleLiveWorker) against the same site, for a before and
 * after in the same conditions.
 */
import { join } from "node:path";
import { openPage, openSession } from "../browser/harness.ts";
import { bundleLiveWorker } from "../../src/loaders/live-worker.js.ts";
import { CNN_DATA, CNN_DEFAULTS } from "../../src/compute/cnn-training/settings.ts";
import { ROWS_PER_DIGIT } from "../../src/compute/cnn-training/patches.ts";
import {
  CNN_FEATURES,
  CNN_FILTERS,
  PATCH_SIZE,
} from "../../src/compute/cnn-training/architecture.ts";
import { CHEAT_INPUTS } from "../../src/compute/dropout-digits/cheatingFeature.ts";
import { DIGIT_CLASSES } from "../../src/compute/digitSet.ts";
import { DIGITS_INPUT } from "../../src/compute/digitInputs.ts";

const distDir = Deno.env.get("EXPLORABLES_DIST") ?? "dist";

interface Workload {
  label: string;
  computation: string;
  settings: Record<string, unknown>;
  /** The page's frame interval for this section, ms (undefined: the driver's default). */
  sliceMs?: number;
  digits?: boolean;
  multiplyAdds: number;
}

/** The one file (or folder) of dist under `dir` whose name matches, as a URL path. */
async function distFile(dir: string, pattern: RegExp, folder = false): Promise<string> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(join(distDir, dir))) {
    if ((folder ? entry.isDirectory : entry.isFile) && pattern.test(entry.name)) {
      found.push(entry.name);
    }
  }
  if (found.length !== 1) {
    throw new Error(`expected one ${pattern} in ${distDir}/${dir}, found ${found.length}`);
  }
  return `/${dir}/${found[0]}`;
}

/** The depth run's products: per layer two forward per activation (h and the tangent), one back. */
function depthMultiplyAdds(s: { depth: number; width: number; batch: number }, acts: number) {
  const backward = acts === 1 ? 1 : 0;
  return s.depth * s.batch * s.width * s.width * (2 * acts + backward);
}

/** The digit MLP (794 → hidden → 10): per trained digit forward, dW₁, dW₂ and dh; per scored one forward. */
function mlpMultiplyAdds(config: DigitConfig, settings: Record<string, number>, runs: number) {
  const h = settings.hidden;
  const forward = CHEAT_INPUTS * h + h * DIGIT_CLASSES;
  const trained = settings.epochs * settings.perClass * DIGIT_CLASSES;
  const scored = (settings.epochs + 1) * (config.scoredPerClass * DIGIT_CLASSES +
        config.digits.validation) + 3 * config.digits.test;
  return runs * (trained * (2 * CHEAT_INPUTS * h + 3 * h * DIGIT_CLASSES) + scored * forward);
}

/** The CNN: its convolution (as patches × filters) and dense products; batch norm's are not counted. */
function cnnMultiplyAdds(settings: typeof CNN_DEFAULTS) {
  const conv = ROWS_PER_DIGIT * PATCH_SIZE * CNN_FILTERS;
  const dense = CNN_FEATURES * DIGIT_CLASSES;
  const train = CNN_DATA.trainPerClass * DIGIT_CLASSES;
  const validation = CNN_DATA.validationPerClass * DIGIT_CLASSES;
  const test = CNN_DATA.testPerClass * DIGIT_CLASSES;
  // Training: the convolution forward and its weights' gradient; the dense layer forward, its
  // weights' gradient and the features' gradient.
  const trained = settings.epochs * train * (2 * conv + 3 * dense);
  const scored = (settings.epochs + 1) * (train + validation) + test;
  return trained + scored * (conv + dense);
}

interface DigitConfig {
  dropout: { keepInput: number; keepHidden: number };
  strength: number;
  perClass: number;
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seeds: number[];
  scoredPerClass: number;
  digits: { validation: number; test: number };
}

async function workloads(): Promise<Workload[]> {
  const json = await distFile("_file/loaders", /^dropout-digits\.[0-9a-f]+\.json$/);
  const config: DigitConfig = JSON.parse(await Deno.readTextFile(join(distDir, json))).config;
  const digits = {
    ...config.dropout,
    strength: config.strength,
    perClass: config.perClass,
    hidden: config.hidden,
    epochs: config.epochs,
    batchSize: config.batchSize,
    learningRate: config.learningRate,
    seed: config.seeds[0],
  };
  const dropping = digits.keepInput < 1 || digits.keepHidden < 1;
  const depthRun = { depth: 50, width: 512, sigma: 1.41, batch: 256, seed: 1 };
  // The initialisation page's sliders at their defaults.
  const pageDefault = { depth: 30, width: 128, sigma: 1.41, batch: 64, seed: 1 };
  return [
    {
      label: "initialisation: depth run 50 × 512 × 256, ReLU",
      computation: "initialisation/network",
      settings: { ...depthRun, activation: "relu" },
      sliceMs: 150,
      multiplyAdds: depthMultiplyAdds(depthRun, 1),
    },
    {
      label: "initialisation: network, defaults 30 × 128 × 64",
      computation: "initialisation/network",
      settings: { ...pageDefault, activation: "relu" },
      sliceMs: 150,
      multiplyAdds: depthMultiplyAdds(pageDefault, 1),
    },
    {
      label: "initialisation: sigmoid and ReLU, defaults",
      computation: "initialisation/vanishing",
      settings: pageDefault,
      sliceMs: 150,
      multiplyAdds: depthMultiplyAdds(pageDefault, 2),
    },
    {
      label: "dropout-digits: training, defaults",
      computation: "dropout-digits/train",
      settings: digits,
      digits: true,
      multiplyAdds: mlpMultiplyAdds(config, digits, dropping ? 2 : 1),
    },
    {
      label: "cnn-training: training, defaults",
      computation: "cnn-training/train",
      settings: { ...CNN_DEFAULTS },
      digits: true,
      multiplyAdds: cnnMultiplyAdds(CNN_DEFAULTS),
    },
  ];
}

interface RunResult {
  ms: number;
  frames: number;
  error?: string;
  description?: string;
}

interface PageArgs {
  workerUrl: string;
  peakUrl: string;
  digitsUrl: string;
  wasmPaths: Record<string, string>;
  workloads: Workload[];
  digitsInput: string;
}

/** Runs in the page: the peak worker once, then each workload in a fresh live worker. */
async function inPage(args: PageArgs) {
  const start = {
    type: "start",
    forced: "wasm",
    wasmPaths: args.wasmPaths,
    threads: globalThis.crossOriginIsolated === true,
  };
  const peakWorker = new Worker(args.peakUrl, { type: "module" });
  const peak = await new Promise<{ gflops?: number; description?: string; error?: string }>(
    (resolve) => {
      peakWorker.onmessage = (event) => resolve(event.data);
      peakWorker.onerror = (event) => resolve({ error: event.message });
      peakWorker.postMessage(start);
    },
  );
  peakWorker.terminate();
  const digits = await (await fetch(args.digitsUrl)).arrayBuffer();
  const results: RunResult[] = [];
  for (const workload of args.workloads) {
    const worker = new Worker(args.workerUrl, { type: "module" });
    const queue: { type: string; [key: string]: unknown }[] = [];
    let wake: (() => void) | undefined;
    worker.onmessage = (event) => {
      queue.push(event.data);
      wake?.();
    };
    worker.onerror = (event) => {
      queue.push({ type: "failed", message: event.message });
      wake?.();
    };
    const next = async () => {
      while (queue.length === 0) await new Promise<void>((resolve) => wake = resolve);
      return queue.shift()!;
    };
    worker.postMessage(start);
    const ready = await next();
    if (ready.type !== "ready") {
      results.push({ ms: NaN, frames: 0, error: String(ready.message) });
      worker.terminate();
      continue;
    }
    if (workload.digits) worker.postMessage({ type: "input", handle: 1, value: digits });
    const started = performance.now();
    worker.postMessage({
      type: "run",
      id: 1,
      name: workload.computation,
      settings: workload.settings,
      sliceMs: workload.sliceMs,
      inputs: workload.digits ? { [args.digitsInput]: 1 } : {},
    });
    let frames = 0;
    let error: string | undefined;
    for (let message = await next(); message.type !== "end"; message = await next()) {
      if (message.type === "frame") frames++;
      if (message.type === "error") error = String(message.message);
    }
    results.push({
      ms: performance.now() - started,
      frames,
      error,
      description: String(ready.description),
    });
    worker.terminate();
  }
  return { peak, results, isolated: globalThis.crossOriginIsolated === true };
}

/** NumPy's best time for the depth run, ms; undefined without python3 and NumPy. */
async function numpyDepthMs(s: { depth: number; width: number; batch: number }) {
  try {
    const { code, stdout } = await new Deno.Command("python3", {
      args: ["tests/bench/depth_numpy.py", String(s.depth), String(s.width), String(s.batch)],
      stdout: "piped",
      stderr: "null",
    }).output();
    return code === 0 ? Number(new TextDecoder().decode(stdout).trim()) : undefined;
  } catch {
    return undefined;
  }
}

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : "—";

export async function benchLiveSpeed(workerFile?: string): Promise<void> {
  const benchDir = join(distDir, "_bench");
  await Deno.mkdir(benchDir, { recursive: true });
  const workerUrl = workerFile
    ? (await Deno.copyFile(workerFile, join(benchDir, "live-worker.js")), "/_bench/live-worker.js")
    : await distFile("_file/loaders", /^live-worker\.[0-9a-f]+\.js$/);
  await Deno.writeFile(
    join(benchDir, "peak.js"),
    await bundleLiveWorker(new URL("./liveSpeedPeak.ts", import.meta.url)),
  );
  const wasmPkg = `${await distFile("_node/@tensorflow", /^tfjs-backend-wasm@/, true)}/dist`;
  const digitsUrl = await distFile("_file/loaders", /^mnist-digits\.[0-9a-f]+\.bin$/);
  const only = Deno.env.get("LIVE_SPEED_ONLY");
  const chosen = (await workloads()).filter((w) => !only || w.label.includes(only));
  const session = await openSession();
  try {
    const { page } = await openPage(session, "/");
    page.on("console", (message) => {
      if (message.type() === "error") console.log(`  (console: ${message.text()})`);
    });
    page.on("pageerror", (error) => console.log(`  (page error: ${error.message})`));
    const wasmPaths = Object.fromEntries(
      [
        "tfjs-backend-wasm.wasm",
        "tfjs-backend-wasm-simd.wasm",
        "tfjs-backend-wasm-threaded-simd.wasm",
      ]
        .map((name) => [name, `${session.origin}${wasmPkg}/${name}`]),
    );
    const { peak, results, isolated } = await page.evaluate(inPage, {
      workerUrl,
      peakUrl: "/_bench/peak.js",
      digitsUrl,
      wasmPaths,
      workloads: chosen,
      digitsInput: DIGITS_INPUT,
    });
    await page.close();
    const peakGflops = peak.gflops ?? NaN;
    console.log(
      `live worker speed on WebAssembly (headless Chromium, this machine${
        workerFile ? `, worker ${workerFile}` : ""
      }; ${isolated ? "cross-origin isolated" : "not cross-origin isolated: no threads"}):`,
    );
    console.log(
      `  peak, one 1024³ product: ${
        peak.error ? `failed: ${peak.error}` : `${fixed(peakGflops, 1)} GFLOP/s`
      } (${peak.description ?? ""})`,
    );
    for (const [k, workload] of chosen.entries()) {
      const r = results[k];
      const gflops = (2 * workload.multiplyAdds) / r.ms / 1e6;
      console.log(
        `  ${workload.label}: ${r.error ? `error: ${r.error}; ` : ""}${fixed(r.ms, 0)} ms, ${
          fixed(workload.multiplyAdds / 1e9, 3)
        } G multiply-adds, ${fixed(gflops, 2)} GFLOP/s, efficiency ${
          fixed(gflops / peakGflops, 3)
        } of peak (${r.frames} frames)`,
      );
      if (r.description !== peak.description) console.log(`    on ${r.description}`);
      if (k === 0) {
        const numpy = await numpyDepthMs(
          workload.settings as { depth: number; width: number; batch: number },
        );
        console.log(
          numpy === undefined
            ? "    NumPy: python3 with NumPy not found"
            : `    NumPy float32, same arithmetic: ${fixed(numpy, 0)} ms; wasm/NumPy ${
              fixed(r.ms / numpy, 2)
            }×`,
        );
      }
    }
  } finally {
    await session.close();
    await Deno.remove(benchDir, { recursive: true }).catch(() => {});
  }
}

if (import.meta.main) {
  const worker = Deno.args.find((a) => a.startsWith("--worker="))?.slice("--worker=".length);
  await benchLiveSpeed(worker);
}
