/** What a test does to a page as a reader would: read the backend, move a control, read a chart. */
import type { Page } from "playwright-core";

export async function backend(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as { __explorables?: { backend: string } }).__explorables?.backend,
    undefined,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as string;
}

/** Sets an Observable Inputs control found by its label text, as a reader's drag would. */
export async function setControl(page: Page, label: string, value: string | number): Promise<void> {
  await page.evaluate(({ label, value }) => {
    const forms = [...document.querySelectorAll("form")];
    const form = forms.find((f) => f.querySelector("label")?.textContent?.trim() === label);
    if (!form) throw new Error(`no control labelled ${label}`);
    // Radio inputs carry their index as value; the reader sees the formatted label.
    const radio = [...form.querySelectorAll<HTMLInputElement>("input[type=radio]")].find((input) =>
      input.parentElement?.textContent?.trim().toLowerCase() === String(value).toLowerCase()
    );
    if (form.querySelector("input[type=radio]")) {
      if (!radio) throw new Error(`no option ${value} for ${label}`);
      radio.checked = true;
      radio.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    const number = form.querySelector<HTMLInputElement>("input[type=number]")!;
    number.value = String(value);
    number.dispatchEvent(new Event("input", { bubbles: true }));
  }, { label, value });
}

export async function chartMarkup(page: Page, chart: string): Promise<string> {
  return await page.evaluate(
    (chart) => document.querySelector(`[data-chart="${chart}"]`)?.outerHTML ?? "",
    chart,
  );
}

export async function numTensors(page: Page): Promise<number> {
  return await page.evaluate(() =>
    (globalThis as unknown as { __explorables: { tf: { memory(): { numTensors: number } } } })
      .__explorables.tf.memory().numTensors
  );
}
