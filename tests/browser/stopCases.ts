/**
 * Stop pressed on one live section at a chosen moment, then a control moved, for the pages whose
 * stopped state keeps a partial result under its own status (stop.test.ts runs them; its sweep
 * over every section checks only that Stop leaves each section done without error).
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { HookWait } from "./pageChecks.ts";
import { waitForHook } from "./harness.ts";
import { chartMarkup, setControl } from "./controls.ts";
import { readSection, settled, stopWhenRunning, stopWhenStatus } from "./stopLive.ts";

export type Stopped = Awaited<ReturnType<typeof readSection>>;

export interface StopCase {
  section: string;
  /** Stop at the first status matching this (a regular expression's source); absent: at once. */
  partway?: string;
  /** The control move whose run Stop interrupts. */
  move: [string, string | number];
  /** The stopped section's status line. */
  status: RegExp;
  /** Text the stopped section must show. */
  text?: RegExp;
  /** A chart that must still be drawn after Stop. */
  chart?: string;
  /** The page's own checks of the stopped result. */
  check?: (page: Page, stopped: Stopped) => Promise<void>;
}

export interface PageStopCases {
  slug: string;
  /** What the cases show, for the test's name. */
  what: string;
  query: string;
  /** Finished results to wait for before the first Stop. */
  ready: HookWait[];
  /** Text no stopped section may show. */
  forbidden: RegExp;
  cases: StopCase[];
  /** After the cases: a control moved afterwards runs to the end again. */
  after?: (page: Page) => Promise<void>;
}

/** tfjs runs momentum in float32 and stays within 3e-6 of our Float64 path (1.1e-5 for Adam). */
export const MOMENTUM_FLOAT32_PATH = 5e-5;

/** The count in a status line such as "Stopped after 123 …". */
const countIn = (status: string) => Number(/after (\d+)/.exec(status)?.[1]);

const monteCarloCases = (section: string, control: string, value: number): StopCase[] => [
  {
    // Part-way: the last frame's numbers stay, said to be a stopped run's.
    section,
    partway: "^Drawn \\d+ of 20000",
    move: [control, value],
    status:
      /^Stopped after (\d+) draws: mean .+ ± .+ against the exact .+, [\d.]+ standard errors apart\.$/,
    chart: section,
    check: (_page, stopped) => {
      assert.ok(countIn(stopped.status) < 20000, stopped.status);
      return Promise.resolve();
    },
  },
  {
    // At its start: nothing drawn yet, and the section does not stay "running".
    section,
    move: [control, value + 0.05],
    status: /^Stopped (before the first draw; move a control to run again|after \d+ draws: .*)\.$/,
  },
];

export const stopCases: PageStopCases[] = [
  {
    slug: "dropout-noise",
    what:
      "both Monte Carlo sections part-way and at their start, and the activation check at its " +
      "start, keep a clear stopped state; the next move runs the check again",
    query: "",
    ready: [
      { hook: "dropoutMonteCarlo", want: { p: 0.8 } },
      { hook: "gaussianMonteCarlo", want: { mu: 1 } },
      { hook: "lastOrders", want: { activation: "relu" } },
    ],
    forbidden: /NaN|undefined|Cannot read/,
    cases: [
      ...monteCarloCases("dropout-monte-carlo", "keep probability p", 0.7),
      ...monteCarloCases("gaussian-monte-carlo", "noise mean μ", 0.5),
      {
        section: "activation-orders",
        move: ["activation", "sigmoid"],
        status: /^Stopped before the two orders were compared; move a control to run again\.$/,
        text: /Stopped: no comparison drawn\./,
      },
    ],
    after: async (page) => {
      await setControl(page, "activation", "ReLU");
      const again = await waitForHook<{ nonZero: number }>(page, "lastOrders", {
        activation: "relu",
      });
      assert.equal(again.nonZero, 0);
    },
  },
  {
    slug: "momentum",
    what: "both live sections part-way and at their start leave the partial tfjs path and a " +
      "'Stopped' status",
    query: "?steps=500",
    ready: [
      { hook: "reference", want: { steps: 500, beta: 0.9 } },
      { hook: "adam", want: {} },
    ],
    forbidden: /NaN|undefined|Cannot read|error/i,
    cases: [
      {
        section: "reference",
        partway: "^tfjs: \\d+ of 500 steps",
        move: ["momentum β", 0.8],
        status: /^Stopped after (\d+) of 500 tfjs steps\.$/,
        chart: "trajectory",
        check: async (page, stopped) => {
          const done = countIn(stopped.status);
          assert.ok(done >= 10 && done < 500, stopped.status);
          const hook = await waitForHook<{ stepsDone: number; gap: number }>(
            page,
            "reference",
            { beta: 0.8 },
          );
          assert.equal(hook.stepsDone, done);
          assert.ok(hook.gap < MOMENTUM_FLOAT32_PATH, `${hook.gap}`);
        },
      },
      {
        section: "reference",
        move: ["momentum β", 0.7],
        status: /^Stopped after \d+ of 500 tfjs steps\.$/,
      },
      {
        section: "adam",
        partway: "^tf\\.train\\.adam: \\d+ of",
        move: ["Adam step η", 0.04],
        status: /^Stopped after \d+ of \d+ tfjs steps\.$/,
      },
      {
        section: "adam",
        move: ["Adam step η", 0.03],
        status: /^Stopped after \d+ of \d+ tfjs steps\.$/,
        chart: "adam-paths",
      },
    ],
  },
];

/** Presses Stop as `stopCase` says, moves its control and checks how the section ends. */
export async function runStopCase(
  page: Page,
  stopCase: StopCase,
  forbidden: RegExp,
): Promise<void> {
  const { section, partway, move, status, text, chart, check } = stopCase;
  const when = partway ? `part-way (${partway})` : "at its start";
  if (partway) await stopWhenStatus(page, section, partway);
  else await stopWhenRunning(page, section);
  await setControl(page, ...move);
  const stopped = await settled(page, section);
  assert.equal(stopped.state, "done", `${section}, Stop ${when}: ${stopped.status}`);
  assert.match(stopped.status, status, `${section}, Stop ${when}`);
  assert.equal(stopped.errors, 0, `${section}, Stop ${when}: ${stopped.text}`);
  assert.doesNotMatch(stopped.text, forbidden, `${section}, Stop ${when}`);
  if (text) assert.match(stopped.text, text, `${section}, Stop ${when}`);
  if (chart) assert.notEqual(await chartMarkup(page, chart), "", `chart ${chart} after Stop`);
  await check?.(page, stopped);
}
