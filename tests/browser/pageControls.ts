/**
 * A page's controls as a whole: their values, one move that starts a live run, the live status
 * nodes that must survive it, and the Reset and Copy link buttons.
 */
import type { Page } from "playwright-core";
import { settle, waitForDrawn } from "./harness.ts";

/** The value each control in `main` shows, keyed by its label (radios by their checked option). */
export async function controlValues(page: Page): Promise<Record<string, string>> {
  return await page.evaluate(() => {
    const values: Record<string, string> = {};
    document.querySelectorAll("main form").forEach((form, index) => {
      const label = form.querySelector("label")?.textContent?.trim() || `form ${index + 1}`;
      const number = form.querySelector<HTMLInputElement>("input[type=number]");
      const checked = [...form.querySelectorAll<HTMLInputElement>("input[type=radio]:checked")];
      const boxes = [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
      const other = form.querySelector<HTMLInputElement | HTMLSelectElement>(
        "input[type=range], select, input[type=text], textarea",
      );
      if (number) values[label] = number.value;
      else if (form.querySelector("input[type=radio]")) {
        values[label] = checked.map((input) => input.parentElement?.textContent?.trim()).join();
      } else if (boxes.length) values[label] = boxes.map((box) => box.checked ? "1" : "0").join("");
      else if (other) values[label] = other.value;
    });
    return values;
  });
}

/** Whether `main` holds a control a reader can move. */
export async function hasControls(page: Page): Promise<boolean> {
  return (await controlValues(page).then((values) => Object.keys(values).length)) > 0;
}

/** Tags each live section's status nodes with a property, to tell later whether they were replaced. */
export async function markStatusNodes(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.querySelectorAll("[data-live-section]").forEach((section, index) => {
      section.querySelectorAll("[role=status]").forEach((node) => {
        (node as unknown as { __qualityMark: number }).__qualityMark = index;
      });
    });
  });
}

export interface SectionStatus {
  section: string;
  statusNodes: number;
  /** The one status node is the node marked by markStatusNodes. */
  sameNode: boolean;
  hasProgress: boolean;
  hasStop: boolean;
}

export async function readStatusNodes(page: Page): Promise<SectionStatus[]> {
  return await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-live-section]")].map((section, index) => {
      const nodes = section.querySelectorAll("[role=status]");
      return {
        section: section.dataset.liveSection ?? `#${index + 1}`,
        statusNodes: nodes.length,
        sameNode: nodes.length === 1 &&
          (nodes[0] as unknown as { __qualityMark?: number }).__qualityMark === index,
        hasProgress: section.querySelector("progress") !== null,
        hasStop: section.querySelector('button[data-action="stop"]') !== null,
      };
    })
  );
}

/** Records every data-state change of the live sections from now on, in `globalThis.__qualityStates`. */
async function watchSectionStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const states: string[] = [];
    (globalThis as unknown as { __qualityStates: string[] }).__qualityStates = states;
    const observer = new MutationObserver((records) => {
      for (const record of records) states.push((record.target as HTMLElement).dataset.state ?? "");
    });
    document.querySelectorAll("[data-live-section]").forEach((section) =>
      observer.observe(section, { attributes: true, attributeFilter: ["data-state"] })
    );
  });
}

/**
 * Runs `act` (a control move or a click) and waits for what it starts: a live section leaving
 * "done" within `startMs`, then every section done again. With no live section it just settles.
 * Returns the data-state values the sections went through.
 */
export async function actAndRedraw(
  page: Page,
  act: () => Promise<void>,
  { startMs = 5_000 } = {},
): Promise<string[]> {
  await watchSectionStates(page);
  await act();
  await page.waitForFunction(
    () => (globalThis as unknown as { __qualityStates: string[] }).__qualityStates.length > 0,
    undefined,
    { timeout: startMs, polling: 50 },
  ).catch(() => {/* the move started nothing live; the page may still redraw from data */});
  await settle(page);
  await waitForDrawn(page);
  return await page.evaluate(() =>
    (globalThis as unknown as { __qualityStates: string[] }).__qualityStates
  );
}

/** Moves the first slider in `main` by three of its steps (back, if that would pass its end). */
export async function nudgeFirstSlider(page: Page): Promise<string> {
  return await page.evaluate(() => {
    const range = [...document.querySelectorAll<HTMLInputElement>("main form input[type=range]")]
      .find((input) => input.getClientRects().length > 0);
    if (!range) throw new Error("no slider in main");
    const min = Number(range.min), max = Number(range.max);
    const step = range.step === "any" || !range.step ? (max - min) / 30 : Number(range.step);
    const value = Number(range.value);
    range.value = String(value + 3 * step <= max ? value + 3 * step : value - 3 * step);
    range.dispatchEvent(new Event("input", { bubbles: true }));
    return range.closest("form")?.querySelector("label")?.textContent?.trim() ?? "a slider";
  });
}

/** Replaces navigator.clipboard.writeText so the test can read what Copy link wrote. */
export async function stubClipboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const copied: string[] = [];
    (globalThis as unknown as { __qualityCopied: string[] }).__qualityCopied = copied;
    const writeText = (text: string) => {
      copied.push(text);
      return Promise.resolve();
    };
    if (navigator.clipboard) {
      Object.defineProperty(navigator.clipboard, "writeText", { value: writeText });
    } else Object.defineProperty(navigator, "clipboard", { value: { writeText } });
  });
}

export async function copiedTexts(page: Page): Promise<string[]> {
  return await page.evaluate(() =>
    (globalThis as unknown as { __qualityCopied?: string[] }).__qualityCopied ?? []
  );
}
