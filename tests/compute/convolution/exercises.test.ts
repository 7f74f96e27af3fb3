/**
 * The convolution exercises' answers against independent computations: for seeds 0 … 999, the
 * numbers the prompt shows are read back from it and the answer is recomputed here by direct loops
 * and closed forms, not by src/compute; the closed forms are first held to the course documents'
 * own numbers. The checker's rules for every exercise are in tests/compute/exercises/.
 */
import assert from "node:assert/strict";
import type { ExerciseInstance } from "../../../src/compute/exercise.ts";
import { exerciseNamed, SEEDS } from "../exerciseValues.ts";

/** Every instance of an exercise, seeds 0 … 999. */
const instances = (name: string): ExerciseInstance[] =>
  SEEDS.map((seed) => exerciseNamed("convolution", name).generate(seed));

/** Numbers as texNumber writes them: a negative one in braces, {-4}. */
const texNumber = (text: string) => Number(text.trim().replace(/^\{(.*)\}$/, "$1"));
const numbers = (text: string) => text.split(",").map(texNumber);

/** The vector `$name = (…)$` in a prompt. */
function vectorIn(prompt: string, name: string): number[] {
  const match = new RegExp(String.raw`\$${name} = \(([^)]*)\)\$`).exec(prompt);
  assert.ok(match, `no ${name} in: ${prompt}`);
  return numbers(match[1]);
}

/** The matrix `$name = \begin{pmatrix} … \end{pmatrix}$` in a prompt. */
function matrixIn(prompt: string, name: string): number[][] {
  const match = new RegExp(String.raw`\$${name} = \\begin\{pmatrix\} (.*?) \\end\{pmatrix\}\$`)
    .exec(prompt);
  assert.ok(match, `no ${name} in: ${prompt}`);
  return match[1].split(String.raw` \\ `).map((row) => row.split("&").map(texNumber));
}

/** Integers captured by `pattern` from a prompt. */
function integersIn(prompt: string, pattern: RegExp): number[] {
  const match = pattern.exec(prompt);
  assert.ok(match, `${pattern} not in: ${prompt}`);
  return match.slice(1).map(Number);
}

// Closed forms, written here from the definitions.
const standard = (cin: number, cout: number, k: number) => cout * cin * k * k + cout;
const separable = (cin: number, cout: number, k: number, bias: "none" | "pointwise" | "both") =>
  cin * k * k + cin * cout + (bias === "none" ? 0 : bias === "pointwise" ? cout : cin + cout);
const grouped = (cin: number, cout: number, k: number, g: number) =>
  cout * (cin / g) * k * k + cout;
const paths = (C: number, P: number, d: number, k: number) =>
  P * ((C * d + d) + (d * d * k * k + d) + (d * C + C));
const bottleneck = (C: number, w: number, k: number) =>
  (C * w + w) + (w * w * k * k + w) + (w * C + C);

Deno.test("the closed forms here give the documents' counts: 108 + 4, 39 / 43 / 46, 213,504 and 78,592", () => {
  assert.equal(standard(3, 4, 3), 112);
  assert.equal(standard(3, 4, 3) - 4, 108);
  assert.deepEqual(
    (["none", "pointwise", "both"] as const).map((b) => separable(3, 4, 3, b)),
    [39, 43, 46],
  );
  assert.equal(bottleneck(256, 128, 3), 213504);
  assert.equal(paths(256, 32, 4, 3), 78592);
  assert.equal(grouped(3, 3, 3, 3), 3 * 9 + 3, "3 groups of one channel: depthwise with biases");
});

Deno.test("convolution/filter-recovery: for seeds 0 … 999, sliding the answer over the prompt's x gives its y, and the answer is whole", () => {
  for (const instance of instances("filter-recovery")) {
    const x = vectorIn(instance.prompt, "x");
    const y = vectorIn(instance.prompt, "y");
    const h = instance.answer.kind === "vector" ? [...instance.answer.value as number[]] : [];
    assert.equal(h.length, x.length - y.length + 1);
    assert.ok(h.every(Number.isInteger), `seed ${instance.seed}: ${h}`);
    const slid = y.map((_, j) => h.reduce((sum, tap, t) => sum + tap * x[j + t], 0));
    assert.deepEqual(slid, y, `seed ${instance.seed}`);
    // The flipped filter, the named slip, does not give y.
    const flipped = [...h].reverse();
    assert.notDeepEqual(y.map((_, j) => flipped.reduce((s, tap, t) => s + tap * x[j + t], 0)), y);
  }
});

Deno.test("convolution/transposed-1d: for seeds 0 … 999, the answer is the prompt's x scattered through h at stride 2", () => {
  for (const instance of instances("transposed-1d")) {
    const x = vectorIn(instance.prompt, "x");
    const h = vectorIn(instance.prompt, "h");
    const out = new Array((x.length - 1) * 2 + h.length).fill(0);
    x.forEach((xi, i) => h.forEach((ht, t) => (out[2 * i + t] += xi * ht)));
    assert.deepEqual(instance.answer.kind === "vector" && instance.answer.value, out);
  }
});

Deno.test("convolution/transposed-2d: for seeds 0 … 999, the answer is the prompt's 2 × 2 x scattered through h at stride 1", () => {
  for (const instance of instances("transposed-2d")) {
    const x = matrixIn(instance.prompt, "x");
    const h = matrixIn(instance.prompt, "h");
    const out = [0, 1, 2].map(() => [0, 0, 0]);
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < 2; b++) {
        for (let u = 0; u < 2; u++) {
          for (let v = 0; v < 2; v++) out[a + u][b + v] += x[a][b] * h[u][v];
        }
      }
    }
    assert.deepEqual(instance.answer.kind === "matrix" && instance.answer.value, out);
  }
});

const answerOf = (instance: ExerciseInstance) =>
  instance.answer.kind === "number" ? instance.answer.value : NaN;

Deno.test("convolution/standard-layer: for seeds 0 … 999, the answer is C_out·C_in·k² + C_out for the prompt's sizes", () => {
  for (const instance of instances("standard-layer")) {
    const [k, , cin, cout] = integersIn(
      instance.prompt,
      /(\d+) × (\d+) convolution from (\d+) to (\d+) channels/,
    );
    assert.equal(answerOf(instance), standard(cin, cout, k), `seed ${instance.seed}`);
  }
});

Deno.test("convolution/separable-layer: for seeds 0 … 999, the answer is C_in·k² + C_in·C_out plus the biases the prompt names", () => {
  for (const instance of instances("separable-layer")) {
    const [cin, cout, k] = integersIn(instance.prompt, /takes (\d+) channels to (\d+): a (\d+) ×/);
    const bias = /with no biases/.test(instance.prompt)
      ? "none"
      : /pointwise part only/.test(instance.prompt)
      ? "pointwise"
      : /biases on both parts/.test(instance.prompt)
      ? "both"
      : assert.fail(instance.prompt);
    assert.equal(answerOf(instance), separable(cin, cout, k, bias), `seed ${instance.seed}`);
  }
});

Deno.test("convolution/grouped-layer: for seeds 0 … 999, the answer is C_out·(C_in/g)·k² + C_out for the prompt's sizes", () => {
  for (const instance of instances("grouped-layer")) {
    const [k, , cin, cout, g] = integersIn(
      instance.prompt,
      /(\d+) × (\d+) convolution from (\d+) to (\d+) channels is split into (\d+) groups/,
    );
    assert.equal(answerOf(instance), grouped(cin, cout, k, g), `seed ${instance.seed}`);
  }
});

Deno.test("convolution/summed-paths: for seeds 0 … 999, the answer is P paths of 1×1 C → d, k×k d → d, 1×1 d → C with biases", () => {
  for (const instance of instances("summed-paths")) {
    const [P] = integersIn(instance.prompt, /runs (\d+) paths/);
    const [C, d] = integersIn(instance.prompt, /from (\d+) channels to (\d+),/);
    const [k] = integersIn(instance.prompt, /, a (\d+) × \d+ convolution from/);
    assert.equal(answerOf(instance), paths(C, P, d, k), `seed ${instance.seed}`);
  }
});
