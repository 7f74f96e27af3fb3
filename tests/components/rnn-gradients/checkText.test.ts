/**
 * The BRNN check's rows, description and table, and the three-fates chart, word for word against
 * the code the page used to build them inline (copied here verbatim as the oracle): for every
 * sequence length the page offers, several seeds, with and without tfjs's autodiff, stopped or not.
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
import {
  boundLineRows,
  measuredRows,
  textFromLog10,
} from "../../../src/components/rnn-gradients/rnnRows.ts";
import { num } from "../../../src/components/math.ts";
import { brnnReference } from "../../../src/compute/rnn-gradients/liveBrnnCheck.ts";
import { fateRuns, FATES } from "../../../src/compute/rnn-gradients/examples.ts";
import { slopeCeiling } from "../../../src/compute/rnn-gradients/recurrence.ts";

Deno.test("checkRows(sizes, formula, finite, auto), checkDescription(formula, finiteGap, auto), gapTable(formula, finiteGap, auto, stopped)", () => {
  for (const blen of [1, 2, 3, 5, 8]) {
    for (const bseed of [0, 1, 57, 100]) {
      const { brnn, formula, finite, finiteGap } = brnnReference({ seed: bseed, steps: blen });
      // A stand-in for tfjs's float32 gradients: the formulas off by a little.
      const tf = {
        wf: Array.from(formula.wf, (v) => v * (1 + 3e-7)),
        ub: Array.from(formula.ub, (v) => v * (1 - 2e-7)),
      };
      for (const auto of [undefined, { values: tf, gap: { wf: 3e-7, ub: 2.5e-7 } }]) {
        const entryName = (k: number, cols: number) =>
          `(${Math.floor(k / cols) + 1}, ${(k % cols) + 1})`;
        const gapRows = (
          method: string,
          values: { wf: ArrayLike<number>; ub: ArrayLike<number> },
        ) => {
          const { inputs: m, hidden: h } = brnn.sizes;
          const wf = Array.from(
            formula.wf,
            (f, k) => ({
              weight: "Wᶠ",
              entry: entryName(k, m),
              index: k,
              formula: f,
              method,
              value: values.wf[k],
            }),
          );
          const ub = Array.from(
            formula.ub,
            (f, k) => ({
              weight: "Uᵇ",
              entry: entryName(k, h),
              index: wf.length + k,
              formula: f,
              method,
              value: values.ub[k],
            }),
          );
          return [...wf, ...ub];
        };
        assert.deepEqual(checkRows(brnn.sizes, formula, finite, auto), [
          ...(auto ? gapRows("tfjs autodiff (float32)", auto.values) : []),
          ...gapRows("finite differences", finite),
        ]);
        assert.equal(
          checkDescription(formula, finiteGap, auto),
          `For each of the ${formula.wf.length} entries of ∇Wᶠ and ${formula.ub.length} of ∇Uᵇ, how far ${
            auto ? "TensorFlow.js's autodiff and " : ""
          }central finite differences land from the formulas: ${
            auto
              ? `autodiff within ${
                textFromLog10(Math.log10(Math.max(auto.gap.wf, auto.gap.ub)), 2)
              } of the largest entry, `
              : ""
          }finite differences within ${
            textFromLog10(Math.log10(Math.max(finiteGap.wf, finiteGap.ub)), 2)
          }.`,
        );
        for (const stopped of [false, true]) {
          const table = gapTable(formula, finiteGap, auto, stopped);
          const oldRows = [
            {
              name: "∇Wᶠ L",
              size: Math.max(...Array.from(formula.wf, Math.abs)),
              tf: auto?.gap.wf,
              fd: finiteGap.wf,
            },
            {
              name: "∇Uᵇ L",
              size: Math.max(...Array.from(formula.ub, Math.abs)),
              tf: auto?.gap.ub,
              fd: finiteGap.ub,
            },
          ];
          const oldCells = oldRows.map((r) => [
            r.name,
            num(r.size, 4),
            r.tf !== undefined
              ? textFromLog10(Math.log10(r.tf), 2)
              : stopped
              ? "stopped"
              : "running…",
            textFromLog10(Math.log10(r.fd), 2),
          ]);
          assert.deepEqual(table.columns.map((c) => c.label), [
            "gradient",
            "largest entry",
            "autodiff − formula",
            "finite differences − formula",
          ]);
          assert.deepEqual(table.rows.map((r) => table.columns.map((c) => c.format(r))), oldCells);
          assert.equal(
            table.caption,
            "Largest difference from the formula, relative to the gradient's largest entry",
          );
        }
      }
    }
  }
  assert.deepEqual([AUTODIFF, FINITE], ["tfjs autodiff (float32)", "finite differences"]);
});

Deno.test("threeFatesSpec(fates): the three-fates chart as the page drew it", () => {
  const fates = fateRuns();
  const fateT = FATES.explodes.steps;
  const gammas = { tanh: slopeCeiling("tanh") };
  const last = (run: (typeof fates)["explodes"]) => run.steps[run.steps.length - 1];
  const fateLabels: Record<string, string> = {
    explodes: "at rest at 0",
    saturated: `at rest at ${FATES.saturated.rest}`,
    driven: `driven, a = ${FATES.driven.drive}`,
  };
  assert.deepEqual(threeFatesSpec(fates), {
    name: "three-fates",
    title: `One W with γs = ${gammas.tanh * FATES.explodes.norm}: explode or vanish`,
    description:
      `‖∂hₜ/∂h₀‖ for the same tanh network with s = ${FATES.explodes.norm} over ${fateT} steps: at rest at 0 it follows the bound ${FATES.explodes.norm}ᵗ up to ${
        textFromLog10(last(fates.explodes).log10Norm, 2)
      }; at rest at ${FATES.saturated.rest} it falls to ${
        textFromLog10(last(fates.saturated).log10Norm, 2)
      }; driven by inputs of size ${FATES.driven.drive} it falls to ${
        textFromLog10(last(fates.driven).log10Norm, 2)
      }.`,
    rows: [
      ...Object.entries(fates).flatMap(([k, run]) => measuredRows(fateLabels[k], run.steps)),
      ...boundLineRows("bound (γs)ᵗ", "tanh", FATES.explodes.norm, fateT),
    ],
    series: [fateLabels.explodes, "bound (γs)ᵗ", fateLabels.saturated, fateLabels.driven],
  });
});
