/**
 * Accessibility checks that axe does not make, or not in the form the pages promise: names of
 * controls as Chromium computes them, what log sliders announce, the skip link, pinch-zoom and the
 * contrast of table header cells.
 */
import type { Page } from "playwright-core";
import { axNameOf } from "./chartChecks.ts";

const controlSelector = 'input:not([type="hidden"]), select, textarea, button';

/** Every rendered form control whose accessible name (Chromium's own computation) is empty. */
export async function unnamedControls(page: Page): Promise<string[]> {
  const described = await page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].map((element) => {
        const label = element.closest("form")?.querySelector("label")?.textContent?.trim();
        const type = element.getAttribute("type");
        return {
          rendered: element.getClientRects().length > 0,
          text: `${element.tagName.toLowerCase()}${type ? `[type=${type}]` : ""}` +
            (element.id ? `#${element.id}` : "") +
            (label ? ` in the form labelled "${label}"` : ""),
        };
      }),
    controlSelector,
  );
  const cdp = await page.context().newCDPSession(page);
  const unnamed: string[] = [];
  try {
    for (const [index, control] of described.entries()) {
      if (!control.rendered) continue;
      const ax = await axNameOf(
        cdp,
        `document.querySelectorAll(${JSON.stringify(controlSelector)})[${index}]`,
      );
      if (!ax.ignored && !ax.name) unnamed.push(control.text);
    }
  } finally {
    await cdp.detach();
  }
  return unnamed;
}

export interface SliderReading {
  label: string;
  log: boolean;
  rangeValue: string;
  shown: string;
  valueText: string | null;
}

/**
 * Each range slider with its number box: whether its form is marked data-scale="log", what the
 * slider itself holds, what the box shows, and the slider's aria-valuetext.
 */
export async function readSliders(page: Page): Promise<SliderReading[]> {
  return await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>("input[type=range]")]
      .filter((range) => range.getClientRects().length > 0)
      .map((range) => {
        const form = range.closest("form");
        return {
          label: form?.querySelector("label")?.textContent?.trim() ?? "(unlabelled)",
          log: Boolean(range.closest('[data-scale="log"]')),
          rangeValue: range.value,
          shown: form?.querySelector<HTMLInputElement>("input[type=number]")?.value ?? range.value,
          valueText: range.getAttribute("aria-valuetext"),
        };
      })
  );
}

const sameNumber = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * Whether `announced` (text) says the number `shown`: equal, or `shown` rounded to the announced
 * significant digits, three at least (so an announcement 2 % off never passes).
 */
export function announces(announced: string, shown: number): boolean {
  const match = /[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(announced.replace(/\u2212/g, "-"));
  if (!match) return false;
  const value = Number(match[0]);
  if (sameNumber(value, shown)) return true;
  const digits = match[0].replace(/e.*$/i, "").replace(/^[-+]?0*\.?0*/, "").replace(".", "").length;
  return digits >= 3 && sameNumber(value, Number(shown.toPrecision(digits)));
}

/**
 * What is wrong with what a slider announces: a log slider (data-scale="log") or any slider whose
 * position is not the number shown must carry an aria-valuetext that names the number shown.
 */
export function sliderAnnouncementProblem(slider: SliderReading): string | null {
  const unlike = !sameNumber(Number(slider.rangeValue), Number(slider.shown));
  if (!slider.log && !unlike) return null;
  const why = slider.log
    ? `log slider "${slider.label}"`
    : `slider "${slider.label}" holds ${slider.rangeValue} while showing ${slider.shown}, ` +
      `but its form is not data-scale="log", and it`;
  if (slider.valueText === null) {
    return `${why} has no aria-valuetext (a screen reader says ${slider.rangeValue})`;
  }
  if (!announces(slider.valueText, Number(slider.shown))) {
    return `${why} announces "${slider.valueText}" while its box shows ${slider.shown}`;
  }
  return null;
}

/** Moves the range slider labelled `label` by `fraction` of its track, as a drag would. */
export async function dragSlider(page: Page, label: string, fraction: number): Promise<void> {
  await page.evaluate(({ label, fraction }) => {
    const range = [...document.querySelectorAll<HTMLInputElement>("input[type=range]")].find(
      (input) => input.closest("form")?.querySelector("label")?.textContent?.trim() === label,
    );
    if (!range) throw new Error(`no slider labelled ${label}`);
    const min = Number(range.min), max = Number(range.max);
    const next = Number(range.value) + fraction * (max - min);
    range.value = String(
      next > max || next < min ? Number(range.value) - fraction * (max - min) : next,
    );
    range.dispatchEvent(new Event("input", { bubbles: true }));
  }, { label, fraction });
}

export interface FirstTabStop {
  element: string;
  isSkipLink: boolean;
  href: string | null;
  /** The element the link's #fragment names is `main` or holds it. */
  targetsMain: boolean;
  visibleWhenFocused: boolean;
}

/** Tabs from the very start of the document and says where focus lands. */
export async function firstTabStop(page: Page): Promise<FirstTabStop> {
  await page.evaluate(() => {
    const start = document.createElement("div");
    start.id = "__quality-tab-start";
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
  });
  await page.keyboard.press("Tab");
  return await page.evaluate(() => {
    document.getElementById("__quality-tab-start")?.remove();
    const active = document.activeElement;
    if (!active || active === document.body) {
      return {
        element: "(nothing)",
        isSkipLink: false,
        href: null,
        targetsMain: false,
        visibleWhenFocused: false,
      };
    }
    const href = active.getAttribute("href");
    const target = href?.startsWith("#") ? document.getElementById(href.slice(1)) : null;
    const main = document.querySelector("main");
    const box = active.getBoundingClientRect();
    return {
      element: `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ""}${
        [...active.classList].map((name) => `.${name}`).join("")
      } "${active.textContent?.trim().slice(0, 40)}"`,
      isSkipLink: active.matches("a.skip-link"),
      href,
      targetsMain: Boolean(target && main && (target === main || target.contains(main))),
      visibleWhenFocused: box.width > 0 && box.height > 0 && box.bottom > 0 &&
        box.top < innerHeight,
    };
  });
}

/** The viewport meta tag, when it stops pinch-zoom (maximum-scale=1 or user-scalable=no). */
export async function zoomBlocker(page: Page): Promise<string | null> {
  const content = await page.evaluate(() =>
    document.querySelector('meta[name="viewport"]')?.getAttribute("content") ?? ""
  );
  return /maximum-scale\s*=\s*1(\.0*)?(?![\d.])|user-scalable\s*=\s*(no|0)/i.test(content)
    ? content
    : null;
}

export interface LowContrastCell {
  cell: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * Table header cells (every `table th`, including those inside closed details, which are opened
 * for the measurement) whose text contrast against their background is below `minimum`.
 */
export async function lowContrastHeaders(page: Page, minimum = 4.5): Promise<LowContrastCell[]> {
  return await page.evaluate((minimum) => {
    const closed = [...document.querySelectorAll("details:not([open])")] as HTMLDetailsElement[];
    closed.forEach((details) => details.open = true);
    try {
      // The canvas turns any CSS colour syntax (oklch, color-mix…) into sRGB bytes.
      const context = document.createElement("canvas").getContext("2d", {
        willReadFrequently: true,
      })!;
      const rgba = (css: string): [number, number, number, number] => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = "#000";
        context.fillStyle = css;
        context.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
        return [r, g, b, a / 255];
      };
      const over = (top: number[], bottom: number[]) =>
        [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3]));
      const dark = matchMedia("(prefers-color-scheme: dark)").matches;
      const backgroundOf = (element: Element): number[] => {
        const layers: [number, number, number, number][] = [];
        for (let up: Element | null = element; up; up = up.parentElement) {
          const layer = rgba(getComputedStyle(up).backgroundColor);
          if (layer[3] > 0) layers.push(layer);
          if (layer[3] >= 1) break;
        }
        let color = layers.at(-1)?.[3] === 1
          ? layers.pop()!.slice(0, 3)
          : dark
          ? [18, 18, 18]
          : [255, 255, 255];
        while (layers.length) color = over(layers.pop()!, color);
        return color;
      };
      const luminance = (rgb: number[]) => {
        const [r, g, b] = rgb.map((v) => {
          const c = v / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return [...document.querySelectorAll("table th")]
        .filter((cell) => cell.getClientRects().length > 0 && cell.textContent?.trim())
        .map((cell) => {
          const background = backgroundOf(cell);
          const color = over(rgba(getComputedStyle(cell).color), background);
          const [hi, lo] = [luminance(color), luminance(background)].sort((a, b) => b - a);
          const table = cell.closest("figure.chart")?.getAttribute("data-chart") ??
            (cell.closest("form") ? "Inputs.table" : "table");
          return {
            cell: `${table}: th "${cell.textContent!.trim().slice(0, 30)}"`,
            ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
            color: `rgb(${color.map(Math.round).join(", ")})`,
            background: `rgb(${background.map(Math.round).join(", ")})`,
          };
        })
        .filter((cell) => cell.ratio < minimum);
    } finally {
      closed.forEach((details) => details.open = false);
    }
  }, minimum);
}
