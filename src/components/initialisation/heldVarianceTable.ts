/**
 * The initialisation page's table of what Xavier, He and PyTorch's default hold at 1. On a phone
 * the table scrolls sideways, so it is a named region that the keyboard can reach.
 */
import * as Inputs from "@observablehq/inputs";
import type { HeldVarianceRow } from "../../compute/initialisation/layerTables.js";
import { sigText } from "../depthFormat.js";

export function heldVarianceTable(rows: HeldVarianceRow[]): HTMLElement {
  const fmt4 = (v: number) => sigText(v, 4);
  const table = Inputs.table(rows, {
    layout: "auto",
    select: false,
    format: { "Var(a₁)": fmt4, "Var(a₂)": fmt4, "Var(a₁₀)": fmt4 },
  }) as HTMLElement;
  table.tabIndex = 0;
  table.setAttribute("role", "region");
  table.setAttribute("aria-label", "Pre-activation variance by layer for each scheme");
  return table;
}
