/**
 * Pressing a live section's Stop in the middle of a run, as a reader would, for the normalisation,
 * normalisation-geometry and residual pages' tests: Stop must leave the last good result or a
 * clear "stopped" state, never a section stuck on "running" or a cell's runtime error.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";

/**
 * Arms a one-shot click on `section`'s Stop button for the next moment it is running with a status
 * that matches `status` (a regular expression's source): right after the run begins, or mid-run.
 */
export async function armStop(page: Page, section: string, status = ""): Promise<void> {
  await page.evaluate(({ section, status }) => {
    const element = document.querySelector<HTMLElement>(`[data-live-section="${section}"]`);
    if (!element) throw new Error(`no live section ${section}`);
    const pattern = new RegExp(status);
    const observer = new MutationObserver(() => {
      const text = element.querySelector(".live-status")?.textContent ?? "";
      if (element.dataset.state !== "running" || !pattern.test(text)) return;
      observer.disconnect();
      element.querySelector<HTMLButtonElement>('button[data-action="stop"]')!.click();
    });
    observer.observe(element, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
  }, { section, status });
}

/**
 * Waits until `section` has left "running" after a Stop, then a further second to catch a section
 * that falls back to "running" or a cell that fails late; returns the status line.
 */
export async function assertStopped(page: Page, section: string): Promise<string> {
  const selector = `[data-live-section="${section}"]`;
  await page.waitForFunction(
    (selector) => document.querySelector<HTMLElement>(selector)?.dataset.state !== "running",
    selector,
    { timeout: 20_000, polling: 50 },
  );
  await page.waitForTimeout(1_000);
  const state = await page.evaluate(
    (selector) => ({
      state: document.querySelector<HTMLElement>(selector)?.dataset.state,
      status: document.querySelector(`${selector} .live-status`)?.textContent ?? "",
      errors: [...document.querySelectorAll(".observablehq--error")].map((e) => e.textContent),
    }),
    selector,
  );
  assert.equal(state.state, "done", `${section}: ${state.status}`);
  assert.match(state.status, /^Stopped/, `${section}: ${state.status}`);
  assert.deepEqual(state.errors, [], `${section}: runtime errors after Stop`);
  return state.status;
}
