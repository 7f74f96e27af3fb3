/**
 * The initialisation page's first chart, the variance through PyTorch's default initialisation
 * against the build's Monte Carlo check: the page draws it with `pytorchCheckChart`, and the
 * build draws the same from the same loader file into the HTML (src/tasks/prerender.ts).
 */
import { pytorchVarianceRecursion } from "../../compute/schemes.js";
import { layerChart } from "../depthCharts.js";
import type { FirstChart } from "../firstChart.js";
import { pytorchRecursionSpec } from "./chartSpecs.js";

type MonteCarlo = Parameters<typeof pytorchRecursionSpec>[2];

/** The loader's PyTorch check (src/loaders/initialisation.json.ts), as far as the chart reads it. */
export interface PytorchCheck {
  widths: number[];
  monteCarlo: MonteCarlo;
}

/** The recursion's variance at each layer beside the Monte Carlo estimate. */
export function pytorchCheckChart(check: PytorchCheck, width: number): HTMLElement {
  const recursion = pytorchVarianceRecursion(check.widths);
  return layerChart({ ...pytorchRecursionSpec(check.widths, recursion, check.monteCarlo), width });
}

export const firstChart: FirstChart = {
  name: "pytorch-recursion",
  width: 704,
  draw: async (width, loaderOutput) => {
    const data = await loaderOutput("initialisation.json") as { pytorchCheck: PytorchCheck };
    return pytorchCheckChart(data.pytorchCheck, width);
  },
};
