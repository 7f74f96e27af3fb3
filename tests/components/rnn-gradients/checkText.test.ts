/**
 * The BRNN check's rows, description and table, and the three-fates chart, against golden texts
 * computed once from the page's code and written out here: two sequence lengths and seeds, with
 * and without tfjs's autodiff, stopped or running. Each golden number changes its printed digits
 * under a 2 % change (mutation-checked on checkDescription's finite-difference gap).
 */
import assert from "node:assert/strict";
import {
  AUTODIFF,
  checkDescription,
  checkRows,
  FINITE,
  gapTable,
} from "../../../src/components/rnn-gradients/checkText.ts";
import { threeFatesSpec } from "../../../src/components/rnn-gradients/threeFates.ts";
import { brnnReference } from "../../../src/compute/rnn-gradients/liveBrnnCheck.ts";
import { fateRuns } from "../../../src/compute/rnn-gradients/examples.ts";

/** The gradient entries in the page's order: Wᶠ is 4 × 3 (hidden × inputs), Uᵇ is 4 × 4. */
const ENTRIES: [string, string][] = [
  ...["(1, 1)", "(1, 2)", "(1, 3)", "(2, 1)", "(2, 2)", "(2, 3)"],
  ...["(3, 1)", "(3, 2)", "(3, 3)", "(4, 1)", "(4, 2)", "(4, 3)"],
].map((entry): [string, string] => ["Wᶠ", entry]).concat(
  [
    ...["(1, 1)", "(1, 2)", "(1, 3)", "(1, 4)", "(2, 1)", "(2, 2)", "(2, 3)", "(2, 4)"],
    ...["(3, 1)", "(3, 2)", "(3, 3)", "(3, 4)", "(4, 1)", "(4, 2)", "(4, 3)", "(4, 4)"],
  ].map((entry): [string, string] => ["Uᵇ", entry]),
);

/** Golden texts per (sequence length, seed): description and table cells, without and with autodiff. */
const GOLDEN = [
  {
    steps: 1,
    seed: 0,
    description: [
      "For each of the 12 entries of ∇Wᶠ and 16 of ∇Uᵇ, how far central finite differences land from the formulas: finite differences within 2.0 × 10⁻¹⁰.",
      "For each of the 12 entries of ∇Wᶠ and 16 of ∇Uᵇ, how far TensorFlow.js's autodiff and central finite differences land from the formulas: autodiff within 3.0 × 10⁻⁷ of the largest entry, finite differences within 2.0 × 10⁻¹⁰.",
    ],
    cells: [
      ["∇Wᶠ L", "1.6806", "9.2 × 10⁻¹¹"],
      ["∇Uᵇ L", "0.9019", "2.0 × 10⁻¹⁰"],
    ],
  },
  {
    steps: 8,
    seed: 57,
    description: [
      "For each of the 12 entries of ∇Wᶠ and 16 of ∇Uᵇ, how far central finite differences land from the formulas: finite differences within 2.1 × 10⁻¹⁰.",
      "For each of the 12 entries of ∇Wᶠ and 16 of ∇Uᵇ, how far TensorFlow.js's autodiff and central finite differences land from the formulas: autodiff within 3.0 × 10⁻⁷ of the largest entry, finite differences within 2.1 × 10⁻¹⁰.",
    ],
    cells: [
      ["∇Wᶠ L", "2.1564", "2.1 × 10⁻¹⁰"],
      ["∇Uᵇ L", "3.4210", "1.0 × 10⁻¹⁰"],
    ],
  },
];
/** The autodiff column: the stand-in's gaps, else "running…" or "stopped". */
const AUTODIFF_CELLS = ["3.0 × 10⁻⁷", "2.5 × 10⁻⁷"];

Deno.test("checkRows(sizes, formula, finite, auto), checkDescription(formula, finiteGap, auto), gapTable(formula, finiteGap, auto, stopped): golden texts", () => {
  for (const { steps, seed, description, cells } of GOLDEN) {
    const { brnn, formula, finite, finiteGap } = brnnReference({ seed, steps });
    // A stand-in for tfjs's float32 gradients: the formulas off by a little.
    const tf = {
      wf: Array.from(formula.wf, (v) => v * (1 + 3e-7)),
      ub: Array.from(formula.ub, (v) => v * (1 - 2e-7)),
    };
    for (const auto of [undefined, { values: tf, gap: { wf: 3e-7, ub: 2.5e-7 } }]) {
      const rows = checkRows(brnn.sizes, formula, finite, auto);
      const methods = auto ? [AUTODIFF, FINITE] : [FINITE];
      assert.deepEqual(
        rows.map((r) => [r.weight, r.entry, r.index, r.method]),
        methods.flatMap((method) =>
          ENTRIES.map(([weight, entry], k) => [weight, entry, k, method])
        ),
      );
      const formulas = [...formula.wf, ...formula.ub];
      assert.deepEqual(rows.map((r) => r.formula), methods.flatMap(() => formulas));
      assert.deepEqual(
        rows.map((r) => r.value),
        [...(auto ? [...tf.wf, ...tf.ub] : []), ...finite.wf, ...finite.ub],
      );
      assert.equal(checkDescription(formula, finiteGap, auto), description[auto ? 1 : 0]);
      for (const stopped of [false, true]) {
        const table = gapTable(formula, finiteGap, auto, stopped);
        assert.deepEqual(table.columns.map((c) => c.label), [
          "gradient",
          "largest entry",
          "autodiff − formula",
          "finite differences − formula",
        ]);
        const autodiffCell = (k: number) =>
          auto ? AUTODIFF_CELLS[k] : stopped ? "stopped" : "running…";
        assert.deepEqual(
          table.rows.map((r) => table.columns.map((c) => c.format(r))),
          cells.map(([name, size, fd], k) => [name, size, autodiffCell(k), fd]),
        );
        assert.equal(
          table.caption,
          "Largest difference from the formula, relative to the gradient's largest entry",
        );
      }
    }
  }
  assert.deepEqual([AUTODIFF, FINITE], ["tfjs autodiff (float32)", "finite differences"]);
});

Deno.test("threeFatesSpec(fates): golden title, description and series; measured rows from the runs, the bound 2ᵗ", () => {
  const fates = fateRuns();
  const { rows, ...text } = threeFatesSpec(fates);
  assert.deepEqual(text, {
    name: "three-fates",
    title: "One W with γs = 2: explode or vanish",
    description:
      "‖∂hₜ/∂h₀‖ for the same tanh network with s = 2 over 60 steps: at rest at 0 it follows the bound 2ᵗ up to 1.2 × 10¹⁸; at rest at 1.5 it falls to 3.0 × 10⁻²⁷; driven by inputs of size 3 it falls to 4.1 × 10⁻¹³.",
    series: ["at rest at 0", "bound (γs)ᵗ", "at rest at 1.5", "driven, a = 3"],
  });
  const labels = { explodes: "at rest at 0", saturated: "at rest at 1.5", driven: "driven, a = 3" };
  for (const [fate, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
    assert.deepEqual(
      rows.filter((r) => r.series === label).map((r) => [r.kind, r.t, r.log10]),
      fates[fate].steps.filter((d) => Number.isFinite(d.log10Norm)).map((
        d,
      ) => ["measured", d.t, d.log10Norm]),
    );
  }
  const bound = rows.filter((r) => r.series === "bound (γs)ᵗ");
  assert.deepEqual(
    bound.map((r) => [r.kind, r.t]),
    Array.from({ length: 61 }, (_, t) => ["bound", t]),
  );
  bound.forEach((r) => assert.ok(Math.abs(r.log10 - r.t * Math.log10(2)) <= 1e-12, `t = ${r.t}`));
  assert.ok(rows.every((r) => text.series.includes(r.series)));
});
