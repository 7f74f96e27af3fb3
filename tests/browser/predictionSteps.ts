/** What a reader does with a "predict, then run" card (src/components/predictionCard.ts). */
import type { Page } from "playwright-core";

export interface CardView {
  phase: string;
  held?: string;
  message: string;
}

const card = (name: string) => `[data-prediction="${name}"]`;

/** Picks the option whose label is `label` and presses "Commit and run". */
export async function commitPrediction(page: Page, name: string, label: string): Promise<void> {
  await page.locator(card(name)).getByLabel(label, { exact: true }).check();
  await page.locator(`${card(name)} button[data-action="commit"]`).click();
}

/**
 * Commits and, in the same task (before the page can run anything), moves control `control` to
 * `value` as a reader would: the run at the prediction's setting never finishes at that setting.
 */
export async function commitThenMove(
  page: Page,
  name: string,
  label: string,
  control: string,
  value: number,
): Promise<void> {
  await page.locator(card(name)).getByLabel(label, { exact: true }).check();
  await page.evaluate(({ selector, control, value }) => {
    document.querySelector<HTMLButtonElement>(`${selector} button[data-action="commit"]`)!.click();
    const form = [...document.querySelectorAll<HTMLFormElement>("form")]
      .find((f) => f.dataset.control === control);
    if (!form) throw new Error(`no control ${control}`);
    const number = form.querySelector<HTMLInputElement>("input[type=number]")!;
    number.value = String(value);
    number.dispatchEvent(new Event("input", { bubbles: true }));
  }, { selector: card(name), control, value });
}

/** Waits until the card is in `phase` and returns what it shows. */
export async function cardIn(
  page: Page,
  name: string,
  phase: string,
  timeout = 120_000,
): Promise<CardView> {
  await page.waitForSelector(`${card(name)}[data-phase="${phase}"]`, { timeout });
  return await page.evaluate((selector) => {
    const node = document.querySelector<HTMLElement>(selector)!;
    return {
      phase: node.dataset.phase!,
      held: node.dataset.held,
      message: node.querySelector(".prediction-verdict")!.textContent ?? "",
    };
  }, card(name));
}
