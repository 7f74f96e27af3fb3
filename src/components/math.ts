/**
 * Typeset math with KaTeX from node_modules. KaTeX writes MathML, which every current browser
 * renders natively, so the site needs neither KaTeX's stylesheet nor its web fonts.
 *
 * KaTeX is a quarter of a page's JavaScript, so it is fetched only after the page's first chart
 * has drawn (at once on a page without charts; chartFigure's `afterFirstChart`): prose and charts
 * come first, and each formula's node is filled in place when KaTeX arrives.
 */
import { afterFirstChart } from "./chartFigure.js";

type Katex = typeof import("katex").default;

let katexPromise: Promise<Katex> | undefined;

function loadKatex(): Promise<Katex> {
  katexPromise ??= afterFirstChart
    .then(() => import("katex"))
    .then((module) => module.default);
  return katexPromise;
}

/**
 * Scales a formula down to fit its column, so a narrow screen never cuts it off: every display
 * formula, and an inline one that the stylesheet makes a box no wider than its line (an inline
 * element has no width of its own to compare with, and is left alone).
 */
export function fitToWidth(node: HTMLElement): void {
  const fit = () => {
    node.style.fontSize = "";
    const natural = node.scrollWidth;
    const room = node.clientWidth;
    if (natural <= room + 1 || room === 0) return;
    node.style.fontSize = `${Math.max(0.6, (room - 2) / natural)}em`;
  };
  new ResizeObserver(fit).observe(node);
}

function render(strings: TemplateStringsArray, values: unknown[], displayMode: boolean): Element {
  const source = strings.raw.reduce((text, part, i) => text + String(values[i - 1]) + part);
  const node = document.createElement(displayMode ? "div" : "span");
  node.className = `${displayMode ? "math-block" : "math-inline"} math-pending`;
  node.setAttribute("aria-busy", "true");
  loadKatex().then((katex) => {
    katex.render(source, node, { output: "mathml", displayMode, throwOnError: true });
    node.classList.remove("math-pending");
    node.removeAttribute("aria-busy");
    if (displayMode) fitToWidth(node);
  });
  return node;
}

/** Inline math: tex`w_1 = ${value}`. Backslashes need no escaping (the raw strings are used). */
export function tex(strings: TemplateStringsArray, ...values: unknown[]): Element {
  return render(strings, values, false);
}

/** Display math on its own line. */
export function texBlock(strings: TemplateStringsArray, ...values: unknown[]): Element {
  return render(strings, values, true);
}

/** Formats a number for typeset output with a fixed number of decimals, and −0 as 0. */
export function num(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A number in scientific notation as TeX, e.g. 2.2 \times 10^{-5}. */
export function sci(value: number, digits = 2): string {
  if (!Number.isFinite(value) || value === 0) return num(value, digits - 1);
  const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
  return `${mantissa} \\times 10^{${Number(exponent)}}`;
}

const superscripts: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** An integer written in Unicode superscripts, e.g. -12 → ⁻¹². */
export function superscript(n: number): string {
  return [...String(n)].map((c) => superscripts[c]).join("");
}

/**
 * A number in scientific notation as plain text, e.g. 8.9 × 10⁻¹⁶: for prose that a slider
 * rewrites, where a text node is far cheaper to replace than typeset math.
 */
export function sciText(value: number, digits = 2): string {
  if (!Number.isFinite(value) || value === 0) return num(value, digits - 1);
  const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
  const power = superscript(Number(exponent));
  return `${mantissa} × 10${power}`;
}

/**
 * A number to `digits` significant digits as plain text: positional in [10⁻³, 10⁵), else in
 * scientific notation with real superscripts (sciText), e.g. 1.2, 0.0457, 3.1 × 10⁻⁷.
 */
export function significant(value: number, digits: number): string {
  const size = Math.abs(value);
  if (!Number.isFinite(value)) return String(value);
  if (size !== 0 && (size < 1e-3 || size >= 1e5)) return sciText(value, digits);
  return String(Number(value.toPrecision(digits)));
}
