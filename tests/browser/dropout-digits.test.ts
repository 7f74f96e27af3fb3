/**
 * The dropout-digits page in headless Chromium, against the built site: the precomputed runs and
 * their claims, the live training (WebAssembly here) and its tensors (bad links: the manifest's
 * refusedLinks, checked in quality.test.ts).
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, numTensors, setControl } from "./controls.ts";
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
const waitForLive = (page: Page, want: Record<string, number>) =>
  waitForHook<LastDigits>(page, "lastDigits", want, { timeout: 90_000 });

/** The precomputed runs as the page read them (the built site's copy of the loader output). */
async function precomputed() {
  const dir = `${distDir}/_file/loaders`;
  const name = [...Deno.readDirSync(dir)].find((e) => e.name.startsWith("dropout-digits."))!.name;
  return JSON.parse(await Deno.readTextFile(`${dir}/${name}`));
}

const { test, open } = browserFixture();

test({
  name:
    "dropout-digits page: loads with its charts and no console error; the live run at the defaults is the first precomputed seed",
  async fn() {
    const { page } = await open(path);
    const live = await waitForLive(page, { keepInput: 0.5, keepHidden: 0.5, epochs: 8, seed: 1 });
    await waitForDrawn(page);
    assert.equal(await backend(page), "wasm");
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
  },
});

/**
 * Text in every chart (tick labels, axis and facet labels) that sticks out of its svg, which
 * clips it, e.g. "digit-test: "50 %" at −3–22 px of 688".
 */
function clippedTickLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("figure.chart[data-chart]")].flatMap((figure) =>
      // A figure may hold several svgs (a legend's swatches, the plot): each text against its own.
      [...figure.querySelectorAll<SVGTextElement>("svg text")].flatMap(
        (text) => {
          const frame = text.ownerSVGElement!.getBoundingClientRect();
          const box = text.getBoundingClientRect();
          const inside = box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5 &&
            box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5;
          return inside ? [] : [
            `${figure.dataset.chart}: "${text.textContent}" at ${
              Math.round(box.left - frame.left)
            }–${Math.round(box.right - frame.left)} px of ${Math.round(frame.width)}`,
          ];
        },
      )
    )
  );
}

test({
  name:
    "dropout-digits page: the prose and the claims table quote the built runs' numbers, recomputed here from the raw runs, and no chart text is clipped",
  async fn() {
    for (const width of [1280, 375]) {
      const { page } = await open(`${path}?epochs=1&n=20`, {
        viewport: { width, height: 900 },
      });
      await waitForDrawn(page);
      const labels = await page.$$eval("figure.chart svg text", (t) => t.length);
      assert.ok(labels > 20, `${labels} chart texts found`);
      assert.deepEqual(await clippedTickLabels(page), [], `at ${width} px`);
      if (width !== 1280) {
        await page.close();
        continue;
      }
      // Recomputed from the runs alone, not from the loader's summaries or the claims module.
      const data = await precomputed();
      const [off, on] = data.conditions as { runs: LiveRun[] }[];
      const mean = (runs: LiveRun[], f: (r: LiveRun) => number) =>
        runs.reduce((a, r) => a + f(r), 0) / runs.length;
      const pts = (v: number) => `${(100 * v).toFixed(1)} points`;
      const lastGap = (r: LiveRun) =>
        r.epochs.at(-1)!.trainAccuracy - r.epochs.at(-1)!.validationAccuracy;
      const text = ((await page.textContent("main")) ?? "").replace(/\s+/g, " ");
      // Each printed number is the recomputed one to its 0.1 of rounding (a value on the edge of
      // two roundings may print either way); a 2 % error is 0.6 points or more here.
      const near = (shown: string, want: number) =>
        assert.ok(Math.abs(Number(shown) - 100 * want) <= 0.05 + 1e-9, `${shown} vs ${100 * want}`);
      const raises = /dropout raises the accuracy from ([\d.]+) % to ([\d.]+) %/.exec(text);
      assert.ok(raises, "the clean-test sentence");
      near(raises[1], mean(off.runs, (r) => r.test!.noise));
      near(raises[2], mean(on.runs, (r) => r.test!.noise));
      const gaps = /([\d.]+) points without dropout and ([\d.]+) points with it/.exec(text);
      assert.ok(gaps, "the gap sentence");
      near(gaps[1], mean(off.runs, lastGap));
      near(gaps[2], mean(on.runs, lastGap));
      // The table's evidence column: the range over seeds of dropout's gain on the clean test.
      const rows = await page.$$eval(
        "table.digit-claims tbody tr",
        (trs) => trs.map((tr) => [...tr.querySelectorAll("td, th")].map((c) => c.textContent!)),
      );
      const gains = off.runs.map((r, i) => on.runs[i].test!.noise - r.test!.noise);
      const higher = rows.find(([claim]) => claim.startsWith("Dropout raises the clean test"))!;
      assert.equal(higher[2], `up by ${pts(Math.min(...gains))} to ${pts(Math.max(...gains))}`);
      // What each claim cites: 5(i) speaks of this experiment; 6(c) of another network.
      const cited = (start: string) => rows.find(([claim]) => claim.startsWith(start))![0];
      assert.match(cited("Dropout raises the clean test"), /\(homework 5, 5\(i\)\)$/);
      assert.match(
        cited("Dropout narrows the gap"),
        /\(measured here; homework 5, 6\(c\), says it of question 6's notebook experiment\)$/,
      );
      assert.doesNotMatch(cited("Dropout narrows the gap"), /5\(i\)/);
      await page.close();
    }
  },
});

test({
  name:
    "dropout-digits page: a short live run (one epoch on 1,000 digits) lifts validation accuracy to over three times chance",
  async fn() {
    const { page } = await open(`${path}?epochs=1&n=100`);
    const live = await waitForLive(page, { epochs: 1, perClass: 100 });
    for (const run of Object.values(live.runs)) {
      const [start, end] = run.epochs;
      assert.ok(start.validationAccuracy < 0.2, `untrained ${start.validationAccuracy}`);
      assert.ok(end.validationAccuracy > 0.3, `after one epoch ${end.validationAccuracy}`);
      console.log(`one epoch on 1,000 digits: validation ${end.validationAccuracy}`);
    }
  },
});

test({
  name:
    "dropout-digits page: the tensor count returns to its baseline after a run and after a stopped run, and keep moves reuse the run without dropout (200 control moves: quality.test.ts)",
  async fn() {
    const { page } = await open(`${path}?epochs=1&n=20`);
    await waitForLive(page, { epochs: 1, perClass: 20 });
    const baseline = await numTensors(page);
    await setControl(page, "keep probability, inputs", 0.35);
    const after = await waitForLive(page, { keepInput: 0.35, epochs: 1, perClass: 20 });
    assert.equal(after.stopped, false);
    assert.equal(after.reused, true, "the run without dropout is reused across keep moves");
    assert.equal(await numTensors(page), baseline, "after a finished run");
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
  },
});
