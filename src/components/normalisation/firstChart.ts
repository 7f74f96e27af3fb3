/**
 * The normalisation page's first chart, the axes each method averages over: the page draws it with
 * `axesChart` from its controls, whose defaults are AXES_DEFAULTS, and the build draws it at those
 * defaults into the HTML (src/tasks/prerender.ts).
 */
import { cellIndex, type NormMethod } from "../../compute/normalisation/normAxes.js";
import { AXES_SHAPE, sampleActivation } from "../../compute/normalisation/normTensor.js";
import type { FirstChart } from "../firstChart.js";
import { normAxesDiagram } from "./normAxesDiagram.js";

/** Group norm's group counts for the diagram's shape: the divisors of its channel count. */
export const AXES_GROUP_CHOICES = Array.from({ length: AXES_SHAPE.c }, (_, i) => i + 1)
  .filter((g) => AXES_SHAPE.c % g === 0).map(String);

/** The diagram's controls at the page's defaults (1-based example and channel, as the page shows them). */
export const AXES_DEFAULTS = {
  method: "batch" as NormMethod,
  groups: AXES_GROUP_CHOICES[1] ?? AXES_GROUP_CHOICES[0],
  example: "1",
  channel: "2",
  seed: 1,
};

/** The activation of the given seed, with the chosen method's groups and the chosen cell marked. */
export function axesChart(
  settings: { method: NormMethod; groups: number; example: number; channel: number },
  values: ArrayLike<number>,
  width: number,
): HTMLElement {
  const selected = cellIndex(AXES_SHAPE, settings.example - 1, settings.channel - 1, 0, 0);
  return normAxesDiagram(
    { shape: AXES_SHAPE, method: settings.method, groups: settings.groups, selected, values },
    { width },
  );
}

export const firstChart: FirstChart = {
  name: "norm-axes",
  width: 704,
  draw: (width) =>
    axesChart(
      {
        method: AXES_DEFAULTS.method,
        groups: Number(AXES_DEFAULTS.groups),
        example: Number(AXES_DEFAULTS.example),
        channel: Number(AXES_DEFAULTS.channel),
      },
      sampleActivation(AXES_SHAPE, AXES_DEFAULTS.seed),
      width,
    ),
};
