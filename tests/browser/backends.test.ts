/**
 * Every live section of every page on every TensorFlow.js backend: CPU, WebAssembly, WebGL where
 * it starts and WebGPU (Chromium's software adapter). Each page is loaded with `?backend=NAME`
 * and waited on until every live section is done; any console error or warning during the run
 * fails (not only at load), and the numbers each page registers as `backends` in its
 * tests/browser/pages/<slug>.ts must equal the CPU
 * run's within their float32 bound, stay under their gap bound, or show that a training learned.
 * Each load is traced from before navigation until every section is done: live work runs in the
 * page's worker (issue 20), so from the first live run on no main-thread task may take over 100 ms
 * of CPU time on any backend.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, browserTest, openPage, waitForDrawn } from "./harness.ts";
import { pagePath, readingOrder } from "../../src/site.ts";
import { mismatches, numbersAt, worstRatio } from "./backendTable.ts";
import { backendTable } from "./pageData.ts";
import { type MainThreadTasks, traceMainThread } from "./mainThread.ts";
import type { BackendName } from "../../src/components/urlState.ts";

const backends: BackendName[] = ["cpu", "wasm", "webgl", "webgpu"];
/** WebGPU runs on a software adapter, and some pages train: allow them time. */
const drawTimeout = 180_000;
/** The longest main-thread task allowed during load and live runs, ms of CPU time (issue 20). */
const longestTaskMs = 100;

const browser = browserFixture();
/** WebGL and WebGPU need a browser without --disable-gpu (software rendering still applies). */
const sessionFor = (backend: BackendName) =>
  browser.session({ webgpu: backend === "webgpu" || backend === "webgl" });

interface BackendRun {
  backend: string;
  description: string;
  hooks: unknown;
  problems: string[];
  seconds: number;
  mainThread: MainThreadTasks;
}

async function readRun(
  page: Page,
): Promise<{ backend: string; description: string; hooks: unknown }> {
  return await page.evaluate(() => {
    const hooks = (globalThis as unknown as { __explorables?: Record<string, unknown> })
      .__explorables ?? {};
    // Plain data only: the tf module and DOM nodes stay in the page.
    const plain = JSON.parse(
      JSON.stringify(
        hooks,
        (key, value) => key === "tf" || value instanceof Node ? undefined : value,
      ),
    );
    return {
      backend: String(hooks.backend ?? ""),
      description: String(hooks.description ?? ""),
      hooks: plain,
    };
  });
}

async function run(path: string, backend: BackendName): Promise<BackendRun> {
  const entry = backendTable[path];
  const query = [`backend=${backend}`, ...(entry?.query ? [entry.query] : [])].join("&");
  const start = performance.now();
  // The browser traces one page at a time: a run that fails before reading its trace stops it.
  let stopTrace: (() => Promise<MainThreadTasks>) | undefined;
  const { page, console: log } = await openPage(await sessionFor(backend), `${path}?${query}`, {
    beforeGoto: async (page) => stopTrace = await traceMainThread(page),
  });
  try {
    const problems: string[] = [];
    await waitForDrawn(page, { timeout: drawTimeout }).catch(async (error) => {
      const sections = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("[data-live-section]")]
          .filter((section) => section.dataset.state !== "done")
          .map((section) =>
            `"${section.dataset.liveSection}" ${section.dataset.state}: ` +
            (section.querySelector("[role=status]")?.textContent?.trim() ?? "")
          )
      );
      problems.push(
        `did not finish (${(error as Error).message.split("\n")[0]}); ${sections.join("; ")}`,
      );
    });
    // A page may publish a hook after its sections end (double-descent's waits for its link to
    // follow the sliders): give the hooks this entry reads a moment to appear.
    const roots = [...(entry?.same ?? []), ...(entry?.gaps ?? []), ...(entry?.learns ?? [])]
      .map(({ hook }) => hook.split(".")[0]);
    await page.waitForFunction(
      (roots) => {
        const hooks = (globalThis as unknown as { __explorables?: Record<string, unknown> })
          .__explorables ?? {};
        return roots.every((root) => hooks[root] !== undefined);
      },
      roots,
      { timeout: 10_000 },
    ).catch(() => {/* reported below as "no numbers on the page's hooks" */});
    const read = await readRun(page);
    const mainThread = await stopTrace!();
    stopTrace = undefined;
    if (mainThread.cpuMs > longestTaskMs) {
      problems.push(
        `a main-thread task took ${mainThread.cpuMs.toFixed(0)} ms of CPU time ` +
          `(over ${longestTaskMs} ms) during the live runs`,
      );
    }
    problems.push(
      ...log.unexpected().map((entry) =>
        `console ${entry.type} during the run: ${entry.text.slice(0, 300)}`
      ),
    );
    return { ...read, problems, seconds: (performance.now() - start) / 1000, mainThread };
  } finally {
    await stopTrace?.().catch(() => {});
    await page.close();
  }
}

const cpuRuns = new Map<string, Promise<BackendRun>>();
const cpuRun = (path: string) => {
  if (!cpuRuns.has(path)) cpuRuns.set(path, run(path, "cpu"));
  return cpuRuns.get(path)!;
};

// The pages that start the live worker: those whose manifest loaders name live-worker.js (the
// site test holds that list to the FileAttachments each page reads).
const livePaths = readingOrder().filter((page) => page.loaders.includes("live-worker.js"))
  .map(pagePath);

Deno.test("tests/browser/pages/ registers backends for every page with live sections, and nothing else", () => {
  assert.deepEqual(Object.keys(backendTable).sort(), [...livePaths].sort());
});

for (const path of livePaths) {
  const entry = backendTable[path];
  for (const backend of backends) {
    Deno.test({
      name: `${path} on ${backend}: every live section finishes with no console error or ` +
        `warning and no main-thread task over ${longestTaskMs} ms, and its numbers agree with the CPU's`,
      ...browserTest,
      async fn() {
        const result = backend === "cpu" ? await cpuRun(path) : await run(path, backend);
        console.log(
          `  ${path} on ${backend}: ${result.seconds.toFixed(1)} s; longest main-thread task ` +
            `${result.mainThread.cpuMs.toFixed(0)} ms of CPU (${
              result.mainThread.wallMs.toFixed(0)
            } ms of wall time)`,
        );
        if (result.backend !== backend) {
          // WebGL is tested where it starts; every other backend must start when asked.
          if (backend === "webgl") {
            console.log(`  webgl did not start here: ${result.description}`);
            return;
          }
          assert.fail(
            `${path}?backend=${backend} ran on "${result.backend}": ${result.description}`,
          );
        }
        const problems = [...result.problems];
        const cpu = backend === "cpu" ? result : await cpuRun(path);
        for (const same of entry?.same ?? []) {
          const values = numbersAt(result.hooks, same.hook);
          if (values.length === 0) problems.push(`${same.hook}: no numbers on the page's hooks`);
          const reference = numbersAt(cpu.hooks, same.hook);
          const off = mismatches(values, reference, same);
          if (backend !== "cpu" && values.length === reference.length) {
            const ratio = worstRatio(values, reference, same);
            console.log(`    ${same.hook}: worst gap ${ratio.toPrecision(2)} of its bound`);
          }
          if (off.length) {
            problems.push(
              `${same.hook} differs from cpu beyond ${same.abs ?? 0} + ${same.rel}·|cpu|: ` +
                off.slice(0, 5).join(", ") + (off.length > 5 ? `, … (${off.length})` : ""),
            );
          }
        }
        for (const gap of entry?.gaps ?? []) {
          const values = numbersAt(result.hooks, gap.hook);
          if (values.length === 0) problems.push(`${gap.hook}: no numbers on the page's hooks`);
          const over = values.filter((value) => !(value <= gap.max));
          if (over.length) problems.push(`${gap.hook} = ${over.join(", ")}, above ${gap.max}`);
        }
        for (const learns of entry?.learns ?? []) {
          const values = numbersAt(result.hooks, learns.hook);
          if (values.length === 0) problems.push(`${learns.hook}: no numbers on the page's hooks`);
          const low = values.filter((value) => !(value >= learns.min));
          if (low.length) {
            problems.push(`${learns.hook} = ${low.join(", ")}, below ${learns.min}: did not learn`);
          }
        }
        assert.ok(problems.length === 0, `${path} on ${backend}:\n  ${problems.join("\n  ")}`);
      },
    });
  }
}
