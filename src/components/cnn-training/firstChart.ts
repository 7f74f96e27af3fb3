/**
 * The CNN page's first chart, validation accuracy of the build's runs over seeds: the page draws
 * it with `validationChart`, and the build draws the same from the same loader file into the HTML
 * (src/tasks/prerender.ts).
 */
import { cnnFindings } from "../../compute/cnn-training/findings.js";
import {
  COMBINATIONS,
  type PrecomputedRun,
  type SummaryRow,
} from "../../compute/cnn-training/runSummary.js";
import type { FirstChart } from "../firstChart.js";
import { spreadChart } from "./cnnCharts.js";
import { spreadRows } from "./cnnRows.js";
import { validationDescription } from "./pageParts.js";

/** The loader's file (src/loaders/cnn-training.json.ts), as far as the chart reads it. */
export interface Precomputed {
  config: { seeds: readonly number[] };
  runs: readonly PrecomputedRun[];
  summary: readonly SummaryRow[];
}

/** Validation accuracy of each combination of batch norm and dropout: mean and range over seeds. */
export function validationChart(precomputed: Precomputed, width: number): HTMLElement {
  const rows = spreadRows(precomputed.summary, "validation");
  const last = cnnFindings(precomputed.runs).finalEpoch;
  return spreadChart({
    name: "precomputed-validation",
    title: `Validation accuracy, ${COMBINATIONS.length} ways, over seeds`,
    description: validationDescription(rows, last, precomputed.config.seeds.length),
    rows,
    yLabel: "validation accuracy (%)",
    width,
  });
}

export const firstChart: FirstChart = {
  name: "precomputed-validation",
  width: 310,
  draw: async (width, loaderOutput) =>
    validationChart(await loaderOutput("cnn-training.json") as Precomputed, width),
};
