/**
 * The bench parts that drive the built site in headless Chromium (`load`, `shipped`,
 * every page with controls), run by run.ts in a process of their own once node_modules and
 * Chromium are installed. `--only=NAME` runs one of them.
 */
import { benchPageLoads } from "./pageLoad.ts";
import {
  latency,
  liveTrialLatency,
  momentumLatency,
  noiseLatency,
  shippedBytes,
} from "./pageLatency.ts";
import { convolutionLatency } from "./convolutionLatency.ts";
import { rnnLatency } from "./rnnLatency.ts";
import { normalisationLatency } from "./normalisationLatency.ts";
import { residualLatency } from "./residualLatency.ts";
import { dropoutDigitsLatency } from "./dropoutDigitsLatency.ts";
import { normalisationGeometryLatency } from "./normalisationGeometryLatency.ts";
import { cnnTrainingLatency } from "./cnnTrainingLatency.ts";

const only = Deno.args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const part = (name: string) => only === undefined || only === name;

/** Runs one page's latency benchmark on every backend, WebGPU through SwiftShader here. */
async function onEveryBackend(
  page: string,
  run: (backend: string, webgpu: boolean) => Promise<void>,
): Promise<void> {
  if (!part(page)) return;
  console.log(`slider-to-chart latency, ${page} (headless Chromium, this machine):`);
  const backends = [["wasm", false], ["webgl", false], ["cpu", false], ["webgpu", true]] as const;
  for (const [backend, webgpu] of backends) {
    try {
      await run(backend, webgpu);
    } catch (error) {
      console.log(`  ${backend}: failed: ${(error as Error).message}`);
    }
  }
}

if (part("load")) await benchPageLoads();
if (part("shipped")) await shippedBytes();
await onEveryBackend("dropout-toy", latency);
await onEveryBackend("double-descent", liveTrialLatency);
await onEveryBackend("convolution", convolutionLatency);
await onEveryBackend("momentum", momentumLatency);
await onEveryBackend("dropout-noise", noiseLatency);
await onEveryBackend("rnn-gradients", rnnLatency);
await onEveryBackend("normalisation", normalisationLatency);
await onEveryBackend("residual", residualLatency);
await onEveryBackend("dropout-digits", dropoutDigitsLatency);
await onEveryBackend("normalisation-geometry", normalisationGeometryLatency);
await onEveryBackend("cnn-training", cnnTrainingLatency);
