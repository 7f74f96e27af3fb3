/** The `load` bench part's bookkeeping (tests/bench/pageLoad.ts): pages, medians, the table. */
import assert from "node:assert/strict";
import { heavyKind, loadTable, medianLoad, type PageLoad, sitePaths } from "../bench/pageLoad.ts";

const bytes = (js: number) => ({ jsRaw: js, jsGzip: js / 4, allRaw: 2 * js, allGzip: js / 2 });

function run(firstChart: number | undefined, js: number, liveDone?: number): PageLoad {
  return {
    path: "/pages/x",
    firstChart,
    firstLiveChart: undefined,
    liveDone,
    liveError: false,
    bytesAtChart: firstChart !== undefined,
    bytes: bytes(js),
    total: bytes(2 * js),
    heavyBeforeChart: [],
    foreignRequests: [],
  };
}

Deno.test("sitePaths() lists / and every page of observablehq.config.ts", async () => {
  const config = (await import("../../observablehq.config.ts")).default;
  const pages = config.pages.flatMap((section: { pages: { path: string }[] }) =>
    section.pages.map((page) => page.path)
  );
  assert.deepEqual(await sitePaths(), ["/", ...pages]);
});

Deno.test("medianLoad(runs) takes each figure's median; a signal missing from a run is n/a", () => {
  const load = medianLoad([run(300, 100_000, 900), run(500, 300_000), run(400, 200_000, 800)]);
  assert.equal(load.firstChart, 400);
  assert.equal(load.liveDone, undefined);
  assert.deepEqual(load.bytes, bytes(200_000));
  assert.deepEqual(load.total, bytes(400_000));
});

Deno.test("loadTable(loads) prints kB, ms and n/a, and marks bytes taken at load", () => {
  const table = loadTable([run(412.4, 250_000, 1500), run(undefined, 17_000)]);
  const [header, charted, chartless, note] = table.split("\n");
  assert.match(header, /^page\s+JS raw\s+JS gzip\s+all raw\s+all gzip\s+first chart/);
  assert.match(
    charted,
    /250 kB\s+63 kB\s+500 kB\s+125 kB\s+412 ms\s+n\/a\s+1500 ms\s+125 kB\s+none$/,
  );
  assert.match(chartless, /17 kB \*\s+4 kB \*.*n\/a\s+n\/a\s+n\/a\s+9 kB\s+none$/);
  assert.match(note, /^\* no chart on the page/);
});

Deno.test("heavyKind(url) names tfjs, KaTeX and the live worker, and nothing else", () => {
  const at = (path: string) => heavyKind(`http://127.0.0.1:8000${path}`);
  assert.equal(at("/_node/@tensorflow/tfjs-core@4.22.0/index.f0b590b5.js"), "tfjs");
  assert.equal(at("/_node/@tensorflow/tfjs-backend-wasm@4.22.0/dist/x.wasm"), "tfjs");
  assert.equal(at("/_node/katex@0.19.1/index.aaa2a5d0.js"), "KaTeX");
  assert.equal(at("/_file/loaders/live-worker.0123abcd.js"), "live worker");
  assert.equal(at("/_node/@observablehq/plot@0.6.17/index.f66f3cd7.js"), undefined);
  assert.equal(at("/_import/components/liveWorker.1234abcd.js"), undefined);
});

Deno.test("medianLoad(runs) names a heavy file that came before the chart in any run", () => {
  const load = medianLoad([
    { ...run(300, 100_000), heavyBeforeChart: ["tfjs"] },
    { ...run(400, 100_000), heavyBeforeChart: ["KaTeX", "tfjs"] },
    run(500, 100_000),
  ]);
  assert.deepEqual(load.heavyBeforeChart, ["KaTeX", "tfjs"]);
  assert.match(loadTable([load]), /KaTeX \+ tfjs$/);
});
