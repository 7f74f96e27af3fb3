/**
 * Stop on every live section of every page (discovered from `[data-live-section]` elements with a
 * `[data-action=stop]` button): pressed while the section runs, it must leave the section done
 * (the last good result, or a clear "stopped" status) within a few seconds, with no error state,
 * no error text and no console error or uncaught exception. Two ways: Stop the moment a section
 * starts (a MutationObserver presses it right after begin(), so even a 5 ms run is caught), and
 * Stop mid-run (the CPU is throttled while the page loads so that runs are still going). Then
 * the cases a page gives as `stopCases` in its tests/browser/pages/<slug>.ts: one section
 * stopped at a chosen moment, with the page's own stopped state and numbers checked. At normal
 * CPU speed (Stop at start, and the pages' own cases), every run the page stops in its live worker
 * (Stop, or a newer run) must end there within 200 ms; mid-run stops are throttled, so their times
 * are only printed (initialisation.test.ts stops its largest run mid-way at normal speed).
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  browserFixture,
  browserTest,
  collectConsole,
  sitePaths,
  waitForDrawn,
  waitForHook,
} from "./harness.ts";
import { runStopCase } from "./stopCases.ts";
import { stopCases } from "./pageData.ts";
import { pagePath, PAGES } from "../../src/site.ts";

/** How much slower than the machine the page runs until each section has been stopped. */
const throttle = 8;
/**
 * How long the live worker may take to end a run after the page sends Stop (or a newer run), from
 * the page's message to the worker's word that the run has ended and freed its tensors (issue 20).
 */
const workerStopMs = 200;
/** How long a stopped section may take to leave "running". */
const settleMs = 5_000;
/**
 * How long after every section has stopped a section that starts again is caught by the Stop at
 * start (stopAtStart records any run after Stop, so a short one counts too).
 */
const quietMs = 1_500;
/** How long to wait for a section to start running before it counts as not caught. */
const catchMs = 30_000;
/** Text in a section that is a runtime error, not a message for the reader. */
const errorText =
  /TypeError|ReferenceError|RangeError|Cannot read properties|is not a function|undefined|NaN/;

interface StopOutcome {
  section: string;
  /** False when the section finished before Stop could be pressed (not a failure; reported). */
  caught: boolean;
  state?: string;
  status?: string;
  errorText?: string;
}

/** Presses Stop on `name` as soon as it runs, then reads how the section ends. */
async function stopSection(page: Page, name: string): Promise<StopOutcome> {
  const caught = await page.waitForFunction(
    (name) => {
      const section = document.querySelector<HTMLElement>(
        `[data-live-section="${CSS.escape(name)}"]`,
      );
      const stop = section?.querySelector<HTMLButtonElement>("[data-action=stop]");
      if (section?.dataset.state === "running" && stop && !stop.disabled) {
        stop.click();
        return "clicked";
      }
      return section?.dataset.state === "loading" ? null : "missed";
    },
    name,
    { timeout: catchMs, polling: 10 },
  ).then((handle) => handle.jsonValue(), () => "missed");
  if (caught !== "clicked") return { section: name, caught: false };
  const ended = await page.waitForFunction(
    (name) =>
      document.querySelector<HTMLElement>(`[data-live-section="${CSS.escape(name)}"]`)?.dataset
        .state !== "running",
    name,
    { timeout: settleMs, polling: 50 },
  ).then(() => true, () => false);
  const read = await page.evaluate((name) => {
    const section = document.querySelector<HTMLElement>(
      `[data-live-section="${CSS.escape(name)}"]`,
    )!;
    return {
      state: section.dataset.state ?? "",
      status: section.querySelector("[role=status]")?.textContent?.trim() ?? "",
      text: section.innerText,
    };
  }, name);
  return {
    section: name,
    caught: true,
    state: ended ? read.state : `still running after ${settleMs / 1000} s`,
    status: read.status,
    errorText: read.text.match(errorText)?.[0],
  };
}

/**
 * Presses every section's Stop the moment it first says "running" (a mutation observer runs right
 * after begin() returns, before the run's first await resumes).
 */
function stopAtStart(): void {
  new MutationObserver((records) => {
    for (const record of records) {
      const section = record.target as HTMLElement;
      if (!section.matches?.("[data-live-section]") || section.dataset.state !== "running") {
        continue;
      }
      // Running again after its Stop: a run that ignored Stop, or a new one nobody asked for.
      if (section.dataset.stopPressed) {
        section.dataset.runAfterStop = "yes";
        continue;
      }
      section.dataset.stopPressed = "at start";
      section.querySelector<HTMLButtonElement>("[data-action=stop]")?.click();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
}

/**
 * How each section ended after stopAtStart, once none is loading or running (or after 30 s) and
 * `quietMs` more have passed: a section that ran again after its Stop in the meantime, even
 * briefly, is reported (stopAtStart marks it).
 */
async function stoppedAtStart(page: Page): Promise<StopOutcome[]> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>("[data-live-section]")].every((section) =>
        section.dataset.stopPressed && section.dataset.state !== "running"
      ),
    undefined,
    { timeout: catchMs, polling: 100 },
  ).catch(() => {});
  // A run that ignores Stop may say "done" and start again: give it time to show it.
  await page.waitForTimeout(quietMs);
  return await page.evaluate(
    (pattern) =>
      [...document.querySelectorAll<HTMLElement>("[data-live-section]")].map((section) => {
        const state = section.dataset.state ?? "";
        return {
          section: section.dataset.liveSection ?? "",
          caught: Boolean(section.dataset.stopPressed),
          state: state === "running"
            ? "still running"
            : section.dataset.runAfterStop
            ? `${state}, but ran again`
            : state,
          status: section.querySelector("[role=status]")?.textContent?.trim() ?? "",
          errorText: section.innerText.match(new RegExp(pattern))?.[0],
        };
      }),
    errorText.source,
  );
}

/** How long each run the page stopped in its live worker took to end there, ms (none: no worker). */
async function workerStopTimes(page: Page): Promise<number[]> {
  return await page.evaluate(() =>
    (globalThis as { __explorables?: { liveWorker?: { stopMs: number[] } } }).__explorables
      ?.liveWorker?.stopMs ?? []
  );
}

const browser = browserFixture();
const session = () => browser.session();

/** Problems with how the sections of `path` end after Stop, pressed `when`. */
async function stopProblems(path: string, when: "at start" | "mid-run"): Promise<string[]> {
  const page = await (await session()).browser.newPage({ viewport: { width: 1200, height: 900 } });
  const log = collectConsole(page);
  const cdp = await page.context().newCDPSession(page);
  try {
    log.phase = `stopping ${when}`;
    let outcomes: StopOutcome[];
    if (when === "at start") {
      await page.addInitScript(stopAtStart);
      await page.goto(`${(await session()).origin}${path}`, { waitUntil: "domcontentloaded" });
      outcomes = await stoppedAtStart(page);
    } else {
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
      await page.goto(`${(await session()).origin}${path}`, { waitUntil: "domcontentloaded" });
      // Sections are in the page's markdown, so they exist once the document has parsed.
      const names = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("[data-live-section]")]
          .map((section) => section.dataset.liveSection ?? "")
      );
      outcomes = [];
      for (const name of names) outcomes.push(await stopSection(page, name));
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      log.phase = "after Stop";
      // The sections not stopped finish their runs; what they say is not this test's concern.
      await waitForDrawn(page, { timeout: 120_000 }).catch(() => {});
    }
    const problems: string[] = [];
    const stopMs = await workerStopTimes(page);
    if (stopMs.length) {
      console.log(
        `  ${path} ${when}: the worker ended stopped runs in ${stopMs.map(Math.round)} ms`,
      );
    }
    // Mid-run, the CPU is throttled (the worker's too), so the bound holds at normal speed only.
    for (const ms of stopMs.filter((ms) => when === "at start" && ms > workerStopMs)) {
      problems.push(`the worker took ${Math.round(ms)} ms to end a stopped run`);
    }
    for (const outcome of outcomes) {
      if (!outcome.caught) {
        console.log(
          `  ${path} ${outcome.section}: not running when Stop was to be pressed ${when}`,
        );
        continue;
      }
      if (outcome.state !== "done") {
        problems.push(
          `section "${outcome.section}" is ${outcome.state} after Stop: "${outcome.status}"`,
        );
      }
      if (outcome.errorText) {
        problems.push(
          `section "${outcome.section}" shows "${outcome.errorText}" after Stop ` +
            `(status: "${outcome.status}")`,
        );
      }
    }
    problems.push(
      ...log.unexpected().map((entry) => `console ${entry.type} (${entry.phase}): ${entry.text}`),
    );
    return problems;
  } finally {
    await page.close();
  }
}

for (const path of sitePaths) {
  for (const when of ["at start", "mid-run"] as const) {
    Deno.test({
      name: `${path}: Stop pressed ${when} on every live section leaves it done, with no error` +
        (when === "at start"
          ? `, and the live worker ends each stopped run within ${workerStopMs} ms`
          : ""),
      ...browserTest,
      async fn() {
        const problems = await stopProblems(path, when);
        assert.ok(problems.length === 0, `Stop ${when} on ${path}:\n  ${problems.join("\n  ")}`);
      },
    });
  }
}

for (const { slug, what, query, ready, forbidden, cases, after } of stopCases) {
  const page = PAGES.find((page) => page.slug === slug)!;
  browser.test({
    name: `${pagePath(page)}: Stop on ${what}, with no error, and the live worker ends each ` +
      `stopped run within ${workerStopMs} ms`,
    async fn() {
      const { page: tab } = await browser.open(`${pagePath(page)}${query}`);
      for (const { hook, want, match } of ready) await waitForHook(tab, hook, want, match);
      for (const stopCase of cases) await runStopCase(tab, stopCase, forbidden);
      await after?.(tab);
      const slow = (await workerStopTimes(tab)).filter((ms) => ms > workerStopMs);
      assert.deepEqual(slow, [], `runs the worker took over ${workerStopMs} ms to end`);
    },
  });
}

Deno.test("the Stop cases name pages of the manifest", () => {
  const slugs = PAGES.map((page) => page.slug);
  for (const { slug } of stopCases) assert.ok(slugs.includes(slug), slug);
});
