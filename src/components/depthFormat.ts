/**
 * The initialisation page's numbers, to a number of significant digits: plain decimals between
 * 0.001 and 10⁴, scientific notation outside (the page's values run from 10⁻⁸⁶ to 10¹⁷). Built on
 * the site's formatters in math.ts, so nothing reaches the reader as a raw float or as "7.2e2".
 */
import { num, sci, sciText } from "./math.js";

const plain = (v: number) => v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4);

/** Decimals that give `digits` significant digits (never fewer than the integer part). */
function decimals(v: number, digits: number): string {
  if (v === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(v)));
  return num(v, Math.max(0, digits - 1 - magnitude));
}

/** For typeset math (tex`…`): 0.27, 328, 1.6 \times 10^{-63}. */
export function sigTex(v: number, digits = 2): string {
  return Number.isFinite(v) && plain(v) ? decimals(v, digits) : sci(v, digits);
}

/** For plain text (chart descriptions, status lines): 0.27, 328, 1.6 × 10⁻⁶³. */
export function sigText(v: number, digits = 2): string {
  return Number.isFinite(v) && plain(v) ? decimals(v, digits) : sciText(v, digits);
}
