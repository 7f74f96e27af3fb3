/**
 * Reads what a reader typed and says how it compares with an instance's answer. Pure: the card
 * (src/components/exerciseCard.ts) shows the verdict and the message, and the shared runner
 * (tests/compute/exercises/exercises.test.ts) holds every exercise to it.
 *
 * Accepted forms, the same everywhere a number is typed (also as the entries of a vector or a
 * matrix): 12.5, -3 (or −3), .5, 1e-3, 0.5% (= 0.005), 13/405, and for a single number 213,504
 * with thousands separators. A vector is [2, -1, 3], (2, -1, 3), 2, -1, 3 or 2 -1 3; a matrix is
 * [[1, 2], [3, 4]] or rows split by semicolons, [1, 2; 3, 4]. A choice is the option's letter
 * (b, or (b)). Anything else is malformed and gets a message naming the problem, never "wrong".
 */
import type { Answer, ExerciseInstance, NumericAnswer, Slip, Tolerance } from "./exercise.js";

export type Verdict = "correct" | "close" | "wrong" | "malformed";

export interface Feedback {
  verdict: Verdict;
  /** One or two sentences for the reader. */
  message: string;
}

/** A parsed answer, or why it could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** How far outside the tolerance an answer still counts as close: 10 % of the answer's size. */
export const CLOSE_FRACTION = 0.1;

/**
 * Floating-point noise allowed on top of any tolerance, so an answer that is 0 exactly but was
 * computed as 1e-17 still accepts a typed 0.
 */
const NOISE = 1e-12;

const fail = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** Quotes what the reader typed, shortened so a pasted essay does not fill the card. */
function quote(text: string): string {
  const chars = [...text];
  return `“${chars.length > 24 ? `${chars.slice(0, 24).join("")}…` : text}”`;
}

/** Typographic minus signs and dashes as ASCII, spaces trimmed. */
function normalise(text: string): string {
  return text.replace(/[−–—]/g, "-").trim();
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A decimal, a percentage or a fraction; `thousands` allows 213,504 (not inside a list). */
function parseScalar(raw: string, thousands: boolean): Parsed<number> {
  const text = normalise(raw);
  if (text === "") return fail("the answer is empty");
  const slash = text.indexOf("/");
  if (slash >= 0) {
    const [top, bottom] = [text.slice(0, slash).trim(), text.slice(slash + 1).trim()];
    if (!DECIMAL.test(top) || !DECIMAL.test(bottom)) {
      return fail(`${quote(raw.trim())} is not a fraction: write it as 13/405 or -2/3`);
    }
    if (Number(bottom) === 0) {
      return fail(`${quote(raw.trim())} divides by zero: a fraction's denominator must not be 0`);
    }
    return finite(raw, Number(top) / Number(bottom));
  }
  if (text.endsWith("%")) {
    const inner = text.slice(0, -1).trim();
    if (!DECIMAL.test(inner)) return fail(`${quote(raw.trim())} is not a percentage such as 0.5%`);
    return finite(raw, Number(inner) / 100);
  }
  if (DECIMAL.test(text)) return finite(raw, Number(text));
  if (thousands && THOUSANDS.test(text)) return finite(raw, Number(text.replace(/,/g, "")));
  return fail(
    `${
      quote(raw.trim())
    } is not a number: type digits such as 12.5, -3 or 1e-3, or a fraction such as 13/405`,
  );
}

function finite(raw: string, value: number): Parsed<number> {
  return Number.isFinite(value)
    ? { ok: true, value }
    : fail(`${quote(raw.trim())} is too large to be a number the page can compare`);
}

/** Brackets that open and close in the right order, or the first one that does not. */
function bracketProblem(text: string): string | undefined {
  const pairs: Record<string, string> = { "]": "[", ")": "(" };
  const open: string[] = [];
  for (const char of text) {
    if (char === "[" || char === "(") open.push(char);
    else if (char in pairs) {
      const top = open.pop();
      if (top === undefined) {
        return `a “${char}” closes nothing: remove it or add its “${pairs[char]}”`;
      }
      if (top !== pairs[char]) return `a “${top}” is closed by “${char}”`;
    }
  }
  if (open.length) {
    const last = open.at(-1)!;
    return `a “${last}” is never closed: add its “${last === "[" ? "]" : ")"}”`;
  }
  return undefined;
}

/** The text without one pair of enclosing brackets, if it has them. */
function unwrap(text: string): string {
  const t = text.trim();
  const enclosed = (t.startsWith("[") && t.endsWith("]")) || (t.startsWith("(") && t.endsWith(")"));
  if (!enclosed) return t;
  // "[1, 2], [3, 4]" starts and ends with brackets but they are two pairs, not one.
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === "[" || t[i] === "(") depth++;
    else if (t[i] === "]" || t[i] === ")") depth--;
    if (depth === 0 && i < t.length - 1) return t;
  }
  return t.slice(1, -1).trim();
}

/** The entries of a flat list: split at commas or semicolons, or at spaces when there are none. */
function listEntries(text: string): string[] {
  const inner = text.trim();
  if (inner === "") return [];
  if (/[,;]/.test(inner)) return inner.split(/[,;]/);
  return inner.split(/\s+/);
}

function parseEntries(entries: string[], where: (i: number) => string): Parsed<number[]> {
  const values: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (entries[i].trim() === "") return fail(`${where(i)} is empty`);
    const entry = parseScalar(entries[i], false);
    if (!entry.ok) return fail(`${where(i)}: ${entry.problem}`);
    values.push(entry.value);
  }
  return { ok: true, value: values };
}

const entryCount = (n: number) => `${n} ${n === 1 ? "entry" : "entries"}`;

/** One number, in any accepted form. */
export function parseNumber(typed: string): Parsed<number> {
  const text = normalise(typed);
  if (text === "") return fail("the answer is empty: type a number");
  if (/[[\]()]/.test(text)) {
    const brackets = bracketProblem(text);
    if (brackets) return fail(brackets);
    return fail("the answer is one number, not a list: type it without brackets");
  }
  if (/^[^,]+,[^,]+/.test(text) && !THOUSANDS.test(text)) {
    return fail("the answer is one number, not a list: type a single value");
  }
  return parseScalar(text, true);
}

/** A vector; with `length`, one of exactly that many entries. */
export function parseVector(typed: string, length?: number): Parsed<number[]> {
  const text = normalise(typed);
  if (text === "") return fail("the answer is empty: type a vector such as [2, -1, 3]");
  const brackets = bracketProblem(text);
  if (brackets) return fail(brackets);
  const inner = unwrap(text);
  if (/[[\]()]/.test(inner)) {
    return fail("the answer is a vector, one list of numbers: this has brackets inside brackets");
  }
  const parsed = parseEntries(listEntries(inner), (i) => `entry ${i + 1}`);
  if (!parsed.ok) return parsed;
  if (length !== undefined && parsed.value.length !== length) {
    return fail(
      `the answer has ${entryCount(length)}, this has ${entryCount(parsed.value.length)}`,
    );
  }
  return parsed;
}

/** A matrix, as rows; with `shape`, one of exactly that many rows and columns. */
export function parseMatrix(
  typed: string,
  shape?: readonly [number, number],
): Parsed<number[][]> {
  const text = normalise(typed);
  if (text === "") return fail("the answer is empty: type a matrix such as [[1, 2], [3, 4]]");
  const brackets = bracketProblem(text);
  if (brackets) return fail(brackets);
  const inner = unwrap(text);
  let rowTexts: string[];
  if (/[[(]/.test(inner)) {
    // [[1, 2], [3, 4]]: each row in its own brackets, only commas between them.
    rowTexts = [];
    const between = inner.replace(/[[(]([^[\]()]*)[\])]/g, (_, row: string) => {
      rowTexts.push(row);
      return "";
    });
    if (/[[\]()]/.test(between)) return fail("a matrix has two levels of brackets, not more");
    if (!/^[\s,;]*$/.test(between)) {
      return fail("every entry of a matrix sits inside a row's brackets, as in [[1, 2], [3, 4]]");
    }
  } else {
    rowTexts = inner.split(/;|\n/);
  }
  const rows: number[][] = [];
  for (let r = 0; r < rowTexts.length; r++) {
    const row = parseEntries(listEntries(rowTexts[r]), (c) => `row ${r + 1}, entry ${c + 1}`);
    if (!row.ok) return row;
    if (row.value.length === 0) return fail(`row ${r + 1} is empty`);
    rows.push(row.value);
  }
  const width = rows[0].length;
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    return fail(
      `row ${ragged + 1} has ${
        rows[ragged].length
      } entries but row 1 has ${width}: every row needs the same number`,
    );
  }
  if (shape && (rows.length !== shape[0] || width !== shape[1])) {
    return fail(
      `the answer is a ${shape[0]} × ${shape[1]} matrix, this is ${rows.length} × ${width}`,
    );
  }
  return { ok: true, value: rows };
}

/** The letter of option i: a, b, c… */
export const optionLetter = (i: number) => String.fromCharCode(97 + i);

/** A choice, typed as its letter (b, B or (b)); the option's index. */
export function parseChoice(typed: string, optionCount: number): Parsed<number> {
  const text = typed.trim().toLowerCase().replace(/^\(?([a-z])\)?$/, "$1");
  if (text === "") return fail("no option is chosen: pick one");
  const index = text.length === 1 ? text.charCodeAt(0) - 97 : -1;
  if (index < 0 || index >= optionCount) {
    return fail(
      `${quote(typed.trim())} is not one of the options: choose a letter from a to ${
        optionLetter(optionCount - 1)
      }`,
    );
  }
  return { ok: true, value: index };
}

type Value = NumericAnswer["value"];

/** The entries of a number, a vector or a matrix, flattened row by row. */
export function entries(value: Value): number[] {
  if (typeof value === "number") return [value];
  return (value as readonly (number | readonly number[])[]).flat() as number[];
}

function shapeOf(value: Value): string {
  if (typeof value === "number") return "number";
  if (value.length > 0 && Array.isArray(value[0])) {
    return `${value.length}×${(value[0] as readonly number[]).length}`;
  }
  return `${value.length}`;
}

/** How far an entry may sit from `answer` under `tolerance` (relative: of that entry's size). */
export function allowance(tolerance: Tolerance, answer: number): number {
  return "relative" in tolerance ? tolerance.relative * Math.abs(answer) : tolerance.absolute;
}

/** How `withinTolerance` widens the tolerance (`scale`) and what rounding noise it forgives. */
export interface Margin {
  /** Multiplies the allowance: generators (exerciseSeeded.ts) keep slips this many tolerances apart. */
  scale?: number;
  /** Added to the allowance: NOISE for what a reader types; 0 where a generator compares exactly. */
  noise?: number;
}

/** Entry by entry, of the same shape: |typed − answer| ≤ scale · allowance + noise. */
export function withinTolerance(
  typed: Value,
  answer: Value,
  tolerance: Tolerance,
  { scale = 1, noise = NOISE }: Margin = {},
): boolean {
  if (shapeOf(typed) !== shapeOf(answer)) return false;
  const a = entries(answer);
  return entries(typed).every((t, i) =>
    Math.abs(t - a[i]) <= scale * allowance(tolerance, a[i]) + noise
  );
}

/** The largest entrywise gap between two values of one shape, relative to the second's entries. */
function distance(typed: Value, target: Value): number {
  const t = entries(target);
  return Math.max(...entries(typed).map((x, i) => Math.abs(x - t[i]) / (Math.abs(t[i]) || 1)));
}

/** Every entry within 10 % of the answer's largest entry (its size, for one number). */
export function withinClose(typed: Value, answer: Value): boolean {
  if (shapeOf(typed) !== shapeOf(answer)) return false;
  const a = entries(answer);
  const scale = Math.max(...a.map(Math.abs));
  return entries(typed).every((t, i) => Math.abs(t - a[i]) <= CLOSE_FRACTION * scale + NOISE);
}

/** What the reader typed, read as the answer's kind and shape. */
export function parseTyped(answer: NumericAnswer, typed: string): Parsed<Value> {
  const value = answer.value;
  if (answer.kind === "number") return parseNumber(typed);
  if (answer.kind === "vector") return parseVector(typed, (value as readonly number[]).length);
  const rows = value as readonly (readonly number[])[];
  return parseMatrix(typed, [rows.length, rows[0].length]);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The verdict on what the reader typed, with a message saying why. */
export function checkAnswer(instance: ExerciseInstance, typed: string): Feedback {
  const answer: Answer = instance.answer;
  if (answer.kind === "choice") {
    return checkChoice(answer.options.length, answer.correct, instance.slips, typed);
  }
  const parsed = parseTyped(answer, typed);
  if (!parsed.ok) return { verdict: "malformed", message: `${capitalise(parsed.problem)}.` };
  const value = parsed.value;
  if (withinTolerance(value, answer.value, answer.tolerance)) {
    return { verdict: "correct", message: "Correct." };
  }
  const close = withinClose(value, answer.value);
  // A slip is matched like the answer: the typed value within the tolerance of the slip's. Two
  // slips can both be that close to a rounded value; the nearer one is the likelier mistake.
  const slip = instance.slips
    .filter((s) => withinTolerance(value, s.value, answer.tolerance))
    .sort((a, b) => distance(value, a.value) - distance(value, b.value))[0];
  if (slip) {
    return {
      verdict: close ? "close" : "wrong",
      message: `${close ? "Close, but not right" : "Not right"}. ${slip.hint}`,
    };
  }
  const count = answer.kind === "number" ? "" : ` ${entriesRight(value, answer)}`;
  if (close) {
    return {
      verdict: "close",
      message:
        `Close: within 10 % of the answer, but outside the tolerance.${count} Check the arithmetic and the rounding.`,
    };
  }
  return {
    verdict: "wrong",
    message: `Not right.${count} Check each step, or show the worked solution.`,
  };
}

/** "2 of 3 entries are right." */
function entriesRight(value: Value, answer: NumericAnswer): string {
  const typed = entries(value);
  const wanted = entries(answer.value);
  const right = typed.filter((t, i) => withinTolerance(t, wanted[i], answer.tolerance)).length;
  return `${right} of ${wanted.length} entries ${right === 1 ? "is" : "are"} right.`;
}

function checkChoice(
  optionCount: number,
  correct: number,
  slips: readonly Slip[],
  typed: string,
): Feedback {
  const parsed = parseChoice(typed, optionCount);
  if (!parsed.ok) return { verdict: "malformed", message: `${capitalise(parsed.problem)}.` };
  if (parsed.value === correct) return { verdict: "correct", message: "Correct." };
  const slip = slips.find((s) => s.value === parsed.value);
  return {
    verdict: "wrong",
    message: slip
      ? `Not this one. ${slip.hint}`
      : "Not this one. Read the options again, or show the worked solution.",
  };
}
