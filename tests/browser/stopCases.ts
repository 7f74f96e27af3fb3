/**
 * Stop pressed on one live section at a chosen moment, then a control moved, for the pages whose
 * stopped state keeps a partial result under its own status (stop.test.ts runs them; its sweep
 * over every section checks only that Stop leaves each section done without error). A page's
 * cases live in its tests/browser/pages/<slug>.ts as `stopCases`; here are their shape and the
 * helpers that run them.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { HookWait } from "./pageChecks.ts";
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

/** The count in a status line such as "Stopped after 123 …". */
export const countIn = (status: string) => Number(/after (\d+)/.exec(status)?.[1]);

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
