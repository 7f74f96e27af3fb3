/**
 * The dropout-digits page in headless Chromium, against the built site: the precomputed runs and
 * their claims, the live training (WebAssembly here), its tensors, and bad links.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserTest, openPage, openSession, type Session, waitForDrawn } from "./harness.ts";
import { backend, chartMarkup, numTensors, setControl } from "./controls.ts";
import { distDir } from "./harness.ts";

const path = "/pages/dropout-digits";

interface LiveRun {
  epochs: { epoch: number; trainAccuracy: number; validationAccuracy: number }[];
  test?: { noise: number; honest: number; blank: number; followed: number };
}
interface LastDigits {
  settings: Record<string, number>;
  backend: string;
  elapsedMs: number;
  stopped: boolean;
  reused: boolean;
  runs: Record<string, LiveRun>;
}

/** Waits for a finished live run whose settings match `want` (a stale run must not count). */
async function waitForLive(page: Page, want: Record<string, number>): Promise<LastDigits> {
  const handle = await page.waitForFunction(
    (want) => {
      const last = (globalThis as unknown as { __explorables?: { lastDigits?: LastDigits } })
        .__explorables?.lastDigits;
      if (!last) return null;
      return Object.entries(want).every(([k, v]) => last.settings[k] === v) ? last : null;
    },
    want,
    { timeout: 90_000, polling: 100 },
  );
  return (await handle.jsonValue()) as LastDigits;
}

/** The precomputed runs as the page read them (the built site's copy of the loader output). */
async function precomputed() {
  const dir = `${distDir}/_file/loaders`;
  const name = [...Deno.readDirSync(dir)].find((e) => e.name.startsWith("dropout-digits."))!.name;
  return JSON.parse(await Deno.readTextFile(`${dir}/${name}`));
}

let session: Session;

Deno.test({
  name:
    "dropout-digits page: loads with its charts and no console error; the live run at the defaults is the first precomputed seed",
  ...browserTest,
  async fn() {
    session = await openSession();
    const { page, consoleErrors, foreignRequests } = await openPage(session, path);
    const live = await waitForLive(page, { keepInput: 0.5, keepHidden: 0.5, epochs: 8, seed: 1 });
    await waitForDrawn(page);
    assert.equal(await backend(page), "wasm");
    for (const chart of ["digit-strip", "digit-curves", "digit-test", "digit-live-curves"]) {
      assert.notEqual(await chartMarkup(page, chart), "", `chart ${chart} is missing`);
    }
    // Same trainer, same seed, float32 on WebAssembly against the CPU backend at build time:
    // the test scores may differ by a few digits of the 1,000, no more.
    const data = await precomputed();
    for (const [name, condition] of [["without dropout", 0], ["with dropout", 1]] as const) {
      const built = data.conditions[condition].runs[0];
      const run = live.runs[name];
      assert.equal(built.seed, 1);
      for (const fill of ["noise", "honest", "blank"] as const) {
        const gap = Math.abs(run.test![fill] - built.test[fill]);
        assert.ok(
          gap <= 0.01,
          `${name}, block ${fill}: live ${run.test![fill]}, built ${built.test[fill]}`,
        );
      }
    }
    const status = (await page.textContent("[data-live-section] .live-status")) ?? "";
    assert.match(
      status,
      /^Done: both runs in [\d.]+ s on WebAssembly \(longest slice of work \d+ ms\)\. Clean test accuracy [\d.]+ % with dropout against [\d.]+ % without/,
    );
    console.log(`live run at the defaults on wasm: ${live.elapsedMs.toFixed(0)} ms`);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
    await page.close();
  },
});

Deno.test({
  name:
    "dropout-digits page: the precomputed runs show the stated accuracy band and dropout's smaller train–validation gap, every claim holding",
  ...browserTest,
  async fn() {
    const { page } = await openPage(session, `${path}?epochs=1&n=20`);
    await waitForDrawn(page);
    const rows = await page.$$eval(
      "table.digit-claims tbody tr",
      (trs) => trs.map((tr) => [...tr.querySelectorAll("td, th")].map((c) => c.textContent ?? "")),
    );
    assert.equal(rows.length, 11);
    for (const [claim, holds, detail] of rows) assert.equal(holds, "yes", `${claim} (${detail})`);
    const band = rows.find(([claim]) => claim.startsWith("With dropout, it lies between"))!;
    assert.match(band[0], /between 75\.0 % and 80\.0 %/);
    const gap = rows.find(([claim]) => claim.startsWith("Dropout narrows the gap"))!;
    const [, onLo, onHi, offLo, offHi] =
      /gap ([\d.]+) points to ([\d.]+) points with dropout, ([\d.]+) points to ([\d.]+) points without/
        .exec(gap[2])!.map(Number);
    assert.ok(onHi < offLo && onLo < onHi && offLo < offHi, gap[2]);
    // The chart's description carries the same means as the prose.
    const description = await page.textContent('[data-chart="digit-curves"] .chart-description');
    assert.match(description ?? "", /means over 4 seeds/);
    await page.close();
  },
});

Deno.test({
  name:
    "dropout-digits page: a short live run (one epoch on 1,000 digits) lifts validation accuracy to over three times chance",
  ...browserTest,
  async fn() {
    const { page } = await openPage(session, `${path}?epochs=1&n=100`);
    const live = await waitForLive(page, { epochs: 1, perClass: 100 });
    for (const run of Object.values(live.runs)) {
      const [start, end] = run.epochs;
      assert.ok(start.validationAccuracy < 0.2, `untrained ${start.validationAccuracy}`);
      assert.ok(end.validationAccuracy > 0.3, `after one epoch ${end.validationAccuracy}`);
      console.log(`one epoch on 1,000 digits: validation ${end.validationAccuracy}`);
    }
    await page.close();
  },
});

Deno.test({
  name:
    "dropout-digits page: the tensor count returns to its baseline after 200 slider moves, after a run and after a stopped run",
  ...browserTest,
  async fn() {
    const { page, consoleErrors } = await openPage(session, `${path}?epochs=1&n=20`);
    await waitForLive(page, { epochs: 1, perClass: 20 });
    const baseline = await numTensors(page);
    for (let i = 0; i < 200; i++) {
      await setControl(page, "keep probability, inputs", (0.05 * (1 + (i % 19))).toFixed(2));
    }
    await setControl(page, "keep probability, inputs", 0.35);
    const after = await waitForLive(page, { keepInput: 0.35, epochs: 1, perClass: 20 });
    assert.equal(after.stopped, false);
    assert.equal(after.reused, true, "the run without dropout is reused across keep moves");
    assert.equal(await numTensors(page), baseline, "after 200 moves and a finished run");
    // A longer run, stopped while it trains.
    await setControl(page, "epochs", 20);
    await page.waitForFunction(() =>
      document.querySelector('[data-live-section="digits-train"]')?.getAttribute("data-state") ===
        "running"
    );
    await page.waitForTimeout(300);
    await page.click('[data-live-section="digits-train"] button[data-action="stop"]');
    const stopped = await waitForLive(page, { epochs: 20 });
    assert.equal(stopped.stopped, true);
    assert.match(
      (await page.textContent("[data-live-section] .live-status")) ?? "",
      /^Stopped after [\d.]+ s/,
    );
    assert.equal(await numTensors(page), baseline, "after a stopped run");
    assert.deepEqual(consoleErrors, []);
    await page.close();
  },
});

Deno.test({
  name:
    "dropout-digits page: bad link values (keep probability 0 or 1.5, n = 0, NaN) get clear messages",
  ...browserTest,
  async fn() {
    const { page } = await openPage(
      session,
      `${path}?keepInput=0&keepHidden=1.5&n=0&lr=NaN&epochs=1`,
    );
    await waitForLive(page, { epochs: 1 });
    const text = (await page.textContent(".notice[data-for=link]")) ?? "";
    assert.match(
      text,
      /keepInput=0, but keep probability, inputs must be between 0\.05 and 1, got 0; using 0\.5/,
    );
    assert.match(
      text,
      /keepHidden=1\.5, but keep probability, hidden units must be between 0\.05 and 1, got 1\.5; using 0\.5/,
    );
    assert.match(
      text,
      /n=0, but training digits per class must be between 10 and 300, got 0; using 300/,
    );
    assert.match(
      text,
      /lr=NaN, but learning rate must be between 0\.0001 and 0\.01, got NaN; using 0\.001/,
    );
    assert.doesNotMatch((await page.textContent("main")) ?? "", /NaN %/);
    await page.close();
    await session.close();
  },
});
