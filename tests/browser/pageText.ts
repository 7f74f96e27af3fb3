/**
 * What a reader must never read on a page: a raw float (more than 6 significant digits), exponent
 * notation from JavaScript (1.2e+0, 7.2e2), NaN, Infinity, "undefined" or "[object Object]". The
 * rules are pure functions over text, so they are tested without a browser; `drawnText` collects
 * the text of a drawn page in the browser.
 */
import type { Page } from "playwright-core";

/** Opt-out for text that is meant to be read exactly as written (a quoted test name, an identifier). */
export const exactAttribute = "data-exact";

/** The most significant digits a number with a fractional part may show. */
export const maxSignificantDigits = 6;

/** A number as written: sign, digits with optional thousands separators, fraction, exponent. */
const numberPattern = /[−-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+−-]?\d+)?/g;

/** Significant digits of a decimal written without an exponent ("0.0500" has 3, "12.50" 4). */
export function significantDigits(text: string): number {
  const digits = text.replace(/[^\d]/g, "").replace(/^0+/, "");
  return digits.length;
}

export interface TextProblem {
  /** The offending text. */
  text: string;
  /** Why it is wrong. */
  rule: string;
  /** Up to 40 characters either side, to find it on the page. */
  context: string;
}

const context = (text: string, at: number, length: number) =>
  text.slice(Math.max(0, at - 40), at + length + 40).replace(/\s+/g, " ").trim();

/**
 * Every raw number and non-number in `text`. Integers pass at any length (a parameter count such
 * as 213,504 or 70656 is exact); a number with a fractional part may show at most 6 significant
 * digits; exponent notation never passes (the site writes 1.2 × 10⁻⁵).
 */
export function textProblems(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const match of text.matchAll(numberPattern)) {
    const token = match[0];
    const at = match.index!;
    // Part of a word or an identifier (x2, conv2d, h₀), not a number a reader is told.
    if (at > 0 && /[A-Za-z_]/.test(text[at - 1]) && !/[−-]/.test(token[0])) continue;
    if (/[eE]/.test(token)) {
      // "2e" in "2em" or an identifier is no exponent: the digits after e make it one.
      if (/[A-Za-z_]/.test(text[at + token.length] ?? "")) continue;
      problems.push({
        text: token,
        rule: "exponent notation",
        context: context(text, at, token.length),
      });
      continue;
    }
    if (!token.includes(".")) continue;
    const mantissa = token.replace(/,/g, "");
    if (significantDigits(mantissa) > maxSignificantDigits) {
      problems.push({
        text: token,
        rule: `more than ${maxSignificantDigits} significant digits`,
        context: context(text, at, token.length),
      });
    }
  }
  for (const match of text.matchAll(/\b(?:NaN|Infinity|undefined)\b|\[object Object\]/g)) {
    problems.push({
      text: match[0],
      rule: "not a number a reader can use",
      context: context(text, match.index!, match[0].length),
    });
  }
  return problems;
}

/**
 * The text a reader gets from a drawn page: what is rendered (innerText: closed disclosures and
 * hidden nodes excluded), plus the accessible names and SVG titles that screen readers and
 * tooltips give. Text inside `[data-exact]` is left out.
 */
export async function drawnText(page: Page): Promise<string> {
  return await page.evaluate((exact) => {
    let text = document.body.innerText;
    for (const element of document.querySelectorAll<HTMLElement>(`[${exact}]`)) {
      const own = element.innerText;
      if (own) text = text.split(own).join("\n");
    }
    const outsideExact = (element: Element) => !element.closest(`[${exact}]`);
    const labels = [...document.querySelectorAll("[aria-label], [aria-valuetext]")]
      .filter(outsideExact)
      .flatMap((element) => [
        element.getAttribute("aria-label") ?? "",
        element.getAttribute("aria-valuetext") ?? "",
      ]);
    const titles = [...document.querySelectorAll("svg title, svg desc")]
      .filter(outsideExact)
      .map((element) => element.textContent ?? "");
    return [text, ...labels, ...titles].filter(Boolean).join("\n");
  }, exactAttribute);
}
