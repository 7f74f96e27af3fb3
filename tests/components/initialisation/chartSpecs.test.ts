/**
 * The initialisation page's chart texts, word for word against the template literals the page used
 * to build inline (copied here verbatim as the oracle), over every activation and scheme the
 * page offers and rows whose values run from 10⁻¹⁸ to 10⁶ (both of sigText's notations).
 */
import assert from "node:assert/strict";
import {
  activationLabel,
  backwardGradientSpec,
  firstLayerGradientSpec,
  forwardVarianceSpec,
  histogramText,
  liveGradientSpec,
  liveRaceSpec,
  liveVarianceSpec,
  MONTE_CARLO_NAME,
  pytorchRecursionSpec,
  RECURSION_NAME,
  slopeProductSpec,
} from "../../../src/components/initialisation/chartSpecs.ts";
import type { LayerRow } from "../../../src/components/depthCharts.ts";
import { schemeLabel, spanAtEnd } from "../../../src/components/depthRows.ts";
import { sigText } from "../../../src/components/depthFormat.ts";
import { ACTIVATIONS } from "../../../src/compute/activations.ts";
import { pytorchVarianceRecursion } from "../../../src/compute/schemes.ts";

const SCHEMES = ["pytorch", "xavier", "he", "sigma-1.5"];
const WIDTHS = ["16", "64", "256"];

/** Rows for each series and kind over depth+1 layers, values spread over many decades. */
function rowsFor(series: string[], depth: number, scale: number, upTo = depth): LayerRow[] {
  return series.flatMap((name, i) =>
    (["theory", "measured", "bound"] as const).flatMap((kind, k) =>
      Array.from({ length: upTo + 1 }, (_, x) => {
        const y = scale * Math.exp(-(i + 1) * (k + 1) * x / 3);
        return { series: name, kind, x, y, lo: y / 2, hi: y * 2 };
      })
    )
  );
}

Deno.test("activationLabel(a): ReLU by its name, the others as they read", () => {
  assert.deepEqual(
    ACTIVATIONS.map(activationLabel),
    ACTIVATIONS.map((a) => a === "relu" ? "ReLU" : a),
  );
});

Deno.test("pytorchRecursionSpec(fanIns, recursion, mc): the chart the page drew inline", () => {
  for (const fanIns of [[784, 512, 256, 10], [3, 5], [100, 100, 100, 100, 100, 100]]) {
    const recursion = pytorchVarianceRecursion(fanIns);
    const L4 = fanIns.length;
    for (
      const mc of [{ meanSquare: 0.0123, meanSquareSe: 0.0004 }, {
        meanSquare: 3.2e-7,
        meanSquareSe: 1e-9,
      }]
    ) {
      assert.deepEqual(pytorchRecursionSpec(fanIns, recursion, mc), {
        name: "pytorch-recursion",
        title: `Var(yₗ) layer by layer at widths [${fanIns.join(", ")}]`,
        description:
          `Under PyTorch's default with identity activations the recursion (line) takes the variance from ${
            sigText(recursion[0], 4)
          } at the input to ${sigText(recursion[L4], 4)} at the output, against ${
            sigText(3 ** -L4, 4)
          } from the input alone (dashed); the one Monte Carlo value, at the output only (dot), is ${
            sigText(mc.meanSquare, 4)
          } ± ${sigText(2 * mc.meanSquareSe, 2)} (two standard errors).`,
        series: [RECURSION_NAME, "input alone, 3⁻ˡ", MONTE_CARLO_NAME],
        rows: [
          ...recursion.map((y, l) => ({ series: RECURSION_NAME, kind: "theory", x: l, y })),
          ...recursion.map((_, l) => ({
            series: "input alone, 3⁻ˡ",
            kind: "bound",
            x: l,
            y: 3 ** -l,
          })),
          {
            series: MONTE_CARLO_NAME,
            kind: "measured",
            x: L4,
            y: mc.meanSquare,
            lo: mc.meanSquare - 2 * mc.meanSquareSe,
            hi: mc.meanSquare + 2 * mc.meanSquareSe,
          },
        ],
        xLabel: "layer ℓ",
        yLabel: "Var(yₗ)",
        bandLabel: "± 2 standard errors",
        errorBars: true,
      });
    }
  }
  assert.equal(RECURSION_NAME, "recursion with biases (computed)");
  assert.equal(MONTE_CARLO_NAME, "Monte Carlo, output only");
});

Deno.test("forwardVarianceSpec(choice, rows, networks) and backwardGradientSpec(choice, rows, depth) for every table setting", () => {
  for (const tact of ACTIVATIONS) {
    for (const twidth of WIDTHS) {
      for (const [depth, scale] of [[30, 1], [50, 1e6], [5, 1e-3]]) {
        const schemeOrder = SCHEMES.map(schemeLabel);
        const forwardRows = rowsFor(schemeOrder, depth, scale);
        const backwardRows = rowsFor(schemeOrder, depth, 1 / scale);
        const choice = { activation: tact, width: twidth, schemes: schemeOrder };
        const networks = 200;
        assert.deepEqual(forwardVarianceSpec(choice, forwardRows, networks), {
          name: "forward-variance",
          title: `Pre-activation variance, ${activationLabel(tact)}, width ${twidth}`,
          description:
            `Variance of each layer's pre-activations for ${schemeOrder.length} schemes with ${
              activationLabel(tact)
            } at width ${twidth}: the theory runs ${
              spanAtEnd(forwardRows)
            } layers deep, with the Monte Carlo mean over ${networks} networks as dots and their 10th–90th percentiles as bands.`,
          rows: forwardRows,
          series: schemeOrder,
          xLabel: "layer ℓ",
          yLabel: "Var(aₗ)",
          bandLabel: "10th–90th percentile",
        });
        assert.deepEqual(backwardGradientSpec(choice, backwardRows, depth), {
          name: "backward-gradient",
          title: `Gradient norm per layer, ${activationLabel(tact)}, width ${twidth}`,
          description:
            `Root mean square of ‖∂f/∂hₗ‖ for a unit readout f at the top of a ${depth}-layer network, from layer ${depth} (where it is 1) back to the input: the theory ends ${
              spanAtEnd(backwardRows.filter((d) => d.x === 0 || d.kind !== "theory"))
            }, with Monte Carlo means and 10th–90th percentiles.`,
          rows: backwardRows,
          series: schemeOrder,
          xLabel: "layer ℓ",
          yLabel: "RMS ‖∂f/∂hₗ‖",
          bandLabel: "10th–90th percentile",
        });
      }
    }
  }
});

Deno.test("liveVarianceSpec, liveGradientSpec and histogramText(layers, settings) for every activation, mid-run and done", () => {
  for (const activation of ACTIVATIONS) {
    for (
      const [depth, sigma, batch, dim, done] of [[30, 1.41, 64, 128, 30], [1, 0.5, 2, 8, 0], [
        200,
        3,
        512,
        1024,
        57,
      ]]
    ) {
      const liveName = `σ = ${sigma}, ${activationLabel(activation)}`;
      const varianceRows = rowsFor([liveName], depth, sigma ** 2, done);
      const gradRows = rowsFor([liveName], depth, 1 / sigma, done);
      const measuredPre = varianceRows.filter((d) => d.kind === "measured");
      const network = { depth, sigma, activation, name: liveName };
      assert.deepEqual(liveVarianceSpec(network, varianceRows, measuredPre.length), {
        name: "live-variance",
        title: "Your network: pre-activation variance",
        description:
          `Measured variance of the pre-activations at ${measuredPre.length} of ${depth} layers (dots) against the theory for σ = ${sigma} with ${
            activationLabel(activation)
          } (line), which runs ${spanAtEnd(varianceRows)} layers deep.`,
        rows: varianceRows,
        series: [liveName],
        xLabel: "layer ℓ",
        yLabel: "Var(aₗ)",
        live: true,
      });
      assert.deepEqual(liveGradientSpec(network, gradRows), {
        name: "live-gradient",
        title: "Your network: gradient norm per layer, backward",
        description:
          `Root mean square over the batch of ‖∂f/∂hₗ‖ for a unit readout at layer ${depth}, measured at ${
            gradRows.filter((d) => d.kind === "measured").length
          } of ${depth + 1} layers so far (dots), against the theory (line), which reaches ${
            spanAtEnd(gradRows.filter((d) => d.kind === "theory" && d.x === 0))
          }.`,
        rows: gradRows,
        series: [liveName],
        xLabel: "layer ℓ",
        yLabel: "RMS ‖∂f/∂hₗ‖",
        live: true,
      });
      const bounded = activation === "tanh" || activation === "sigmoid";
      for (const histogramRows of [[], [0, 0, 1, 1, 5, 5, 29].map((layer) => ({ layer }))]) {
        assert.deepEqual(
          histogramText(histogramRows.map((d) => d.layer), {
            activation,
            bounded,
            batch,
            width: dim,
          }),
          {
            xLabel: bounded ? `h = ${activation}(a)` : "h / RMS(h)",
            description: histogramRows.length
              ? `Histograms of the activations hₗ at layers ${
                [...new Set(histogramRows.map((d) => d.layer))].join(", ")
              } of your network, ${
                bounded
                  ? `on the ${activation}'s own range`
                  : "each divided by its layer's root mean square"
              }, ${Math.min(32, batch)} inputs × ${dim} units each.`
              : "Waiting for the first layers…",
          },
        );
      }
    }
  }
});

Deno.test("slopeProductSpec, firstLayerGradientSpec and liveRaceSpec for every scheme, width and σ", () => {
  for (const tscheme of SCHEMES) {
    for (const twidth of WIDTHS) {
      const gridDepth = 30;
      const productRows = rowsFor(["ReLU", "sigmoid", "(1/4)ˡ"], gridDepth, 1);
      const inputGradRows = rowsFor(["ReLU", "sigmoid"], gridDepth, 1);
      const sigmoidAt = Array.from({ length: gridDepth }, (_, l) => 0.25 ** (l + 1));
      const reluAt = Array.from({ length: gridDepth }, (_, l) => 1 - l / 100);
      assert.deepEqual(slopeProductSpec(tscheme, twidth, gridDepth, productRows), {
        name: "slope-product",
        title: `Product of slopes over depth, ${schemeLabel(tscheme)}, width ${twidth}`,
        description:
          `The running product over layers of the root mean square slope √mean φ′(aₗ)² for the sigmoid and ReLU (dots: Monte Carlo; lines: theory), against the sigmoid's ceiling (1/4)ˡ (dashed); after ${gridDepth} layers the measured products are ${
            productRows.filter((d) => d.kind === "measured" && d.x === gridDepth).map((d) =>
              `${sigText(d.y, 2)} (${d.series})`
            ).join(
              " and ",
            )
          }.`,
        rows: productRows,
        series: ["ReLU", "sigmoid", "(1/4)ˡ"],
        xLabel: "depth ℓ",
        yLabel: "∏ RMS φ′(aₖ)",
      });
      assert.deepEqual(
        firstLayerGradientSpec(tscheme, twidth, gridDepth, inputGradRows, { sigmoidAt, reluAt }),
        {
          name: "first-layer-gradient",
          title: `Gradient reaching the first layer, ${schemeLabel(tscheme)}, width ${twidth}`,
          description:
            `Root mean square of ‖∂f/∂x‖ for networks of depth 1 to ${gridDepth} (Monte Carlo dots with 10th–90th percentile bands, theory lines) and each network's bound γᴸ∏‖Wₗ‖₂ (dashed): at depth ${gridDepth} the sigmoid network passes ${
              sigText(sigmoidAt[gridDepth - 1], 2)
            } and the ReLU network ${sigText(reluAt[gridDepth - 1], 2)}.`,
          rows: inputGradRows,
          series: ["ReLU", "sigmoid"],
          xLabel: "depth L",
          yLabel: "RMS ‖∂f/∂x‖",
          bandLabel: "10th–90th percentile",
        },
      );
    }
  }
  for (const sigma of [0.5, 1.41, 3]) {
    for (const raceSnap of [undefined, { layersDone: 0 }, { layersDone: 17 }]) {
      const raceRowsNow = rowsFor(["ReLU", "sigmoid"], 17, 1);
      assert.deepEqual(liveRaceSpec(sigma, raceRowsNow, raceSnap ? raceSnap.layersDone : 0), {
        name: "live-first-layer-gradient",
        title: "Your weights: gradient reaching the input, sigmoid against ReLU",
        description: `Root mean square of ‖∂f/∂x‖ for your network cut after each of its first ${
          raceSnap ? raceSnap.layersDone : 0
        } layers (dots), the theory for σ = ${sigma} (lines) and the bound γᴸ∏‖Wₗ‖₂ from your weights (dashed), for the sigmoid and ReLU.`,
        rows: raceRowsNow,
        series: ["ReLU", "sigmoid"],
        xLabel: "depth L",
        yLabel: "RMS ‖∂f/∂x‖",
        live: true,
      });
    }
  }
});
