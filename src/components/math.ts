/**
 * Typeset math with KaTeX from node_modules. KaTeX writes MathML, which every current browser
 * renders natively, so the site needs neither KaTeX's stylesheet nor its web fonts.
 */
import katex from "katex";

function render(strings: TemplateStringsArray, values: unknown[], displayMode: boolean): Element {
  const source = strings.raw.reduce((text, part, i) => text + String(values[i - 1]) + part);
  const node = document.createElement(displayMode ? "div" : "span");
  node.className = displayMode ? "math-block" : "math-inline";
  katex.render(source, node, { output: "mathml", displayMode, throwOnError: true });
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
