/**
 * Pressing a live section's Stop in the middle of a run, as a reader would, for the pages' own
 * browser tests: Stop must leave the last good result or a clear "stopped" state, never a section
 * stuck on "running" or a cell's runtime error. armStop and assertStopped require a "Stopped…"
 * status; stopWhenRunning, stopWhenStatus and settled return the section for tests whose stopped
 * state keeps a partial result under another status.
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

/** Clicks the section's Stop button the moment its run starts (a MutationObserver on data-state). */
export async function stopWhenRunning(page: Page, section: string): Promise<void> {
  await page.evaluate((section) => {
    const node = document.querySelector(`[data-live-section="${section}"]`)!;
    const observer = new MutationObserver(() => {
      if ((node as HTMLElement).dataset.state !== "running") return;
      observer.disconnect();
      node.querySelector<HTMLButtonElement>('button[data-action="stop"]')!.click();
      (node as HTMLElement).dataset.stopClicked = "yes";
    });
    observer.observe(node, { attributes: true, attributeFilter: ["data-state"] });
  }, section);
}

/** Clicks Stop once the section's status line matches `pattern` (a run part-way through). */
export async function stopWhenStatus(page: Page, section: string, pattern: string): Promise<void> {
  await page.evaluate(({ section, pattern }) => {
    const node = document.querySelector(`[data-live-section="${section}"]`)!;
    const status = node.querySelector(".live-status")!;
    const observer = new MutationObserver(() => {
      // Any change of status since arming is the new run's (settled's `finished` reads it).
      (node as HTMLElement).dataset.statusMoved = "yes";
      if (!new RegExp(pattern).test(status.textContent ?? "")) return;
      observer.disconnect();
      node.querySelector<HTMLButtonElement>('button[data-action="stop"]')!.click();
      (node as HTMLElement).dataset.stopClicked = "yes";
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
  }, { section, pattern });
}

/**
 * Waits until Stop was clicked (stopWhenRunning, stopWhenStatus) and the section has left
 * "running"; returns its state, status line and text. With `finished`, a run that ended before
 * the status Stop waits for ever showed (a short run in the worker may draw only its last frame)
 * also counts, once its status changed after stopWhenStatus and matches `finished`.
 */
export async function settled(
  page: Page,
  section: string,
  { finished }: { finished?: RegExp } = {},
) {
  await page.waitForFunction(
    ({ section, finished }) => {
      const node = document.querySelector<HTMLElement>(`[data-live-section="${section}"]`);
      const state = node?.dataset.state;
      if (!node || !(state === "done" || state === "error")) return false;
      const status = node.querySelector(".live-status")?.textContent ?? "";
      const ended = node.dataset.stopClicked === "yes" ||
        (finished !== undefined && node.dataset.statusMoved === "yes" &&
          new RegExp(finished).test(status));
      if (!ended) return false;
      delete node.dataset.stopClicked;
      delete node.dataset.statusMoved;
      return true;
    },
    { section, finished: finished?.source },
    { timeout: 60_000, polling: 50 },
  );
  return await readSection(page, section);
}

/** A live section's state, status line, text and count of error nodes. */
export async function readSection(page: Page, section: string) {
  return await page.evaluate((section) => {
    const node = document.querySelector<HTMLElement>(`[data-live-section="${section}"]`)!;
    return {
      state: node.dataset.state,
      status: node.querySelector(".live-status")?.textContent ?? "",
      text: node.innerText,
      errors: node.querySelectorAll('.notice--error, [class*="error"]').length,
    };
  }, section);
}
