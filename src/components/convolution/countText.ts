/**
 * Parameter counts as the convolution page prints them in its TeX: thousands with a braced comma
 * (so TeX adds no space after it), and a count's parts added up ("27 + 12 = 39").
 */
import type { ParameterCount } from "../../compute/parameterCounts.js";

/** 213,504: thousands separated, for tables and plain text (counts are whole, never negative). */
export const count = (value: number) => value.toLocaleString("en");

/** 213{,}504: a count inside TeX. */
export const texCount = (value: number) => count(value).replaceAll(",", "{,}");

/** "27 + 12": the parts of a count, in TeX. */
export const partsText = (c: ParameterCount) => c.parts.map((p) => texCount(p.count)).join(" + ");

/** "27 + 12 = 39", or the total alone when there is one part. */
export const sumText = (c: ParameterCount) =>
  c.parts.length > 1 ? `${partsText(c)} = ${texCount(c.total)}` : texCount(c.total);

/** How the separable layer compares, after "N": fewer, or more and why. */
export const ratioWords = (standardOverSeparable: number) =>
  standardOverSeparable >= 1
    ? "times fewer"
    : "times more (with so few output channels or so small a kernel there is nothing to save)";
