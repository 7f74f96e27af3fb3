/** The residual page's live comparison: its controls' defaults (tested in mlp.test.ts). */
import type { LiveResidualParams } from "./liveNetwork.js";

export const RESIDUAL_DEFAULTS: LiveResidualParams = {
  depth: 30,
  width: 64,
  activation: "sigmoid",
  sigma: 1,
  seed: 1,
  intervention: "none",
  layer: 20,
};
