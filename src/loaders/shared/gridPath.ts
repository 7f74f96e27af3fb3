/**
 * Where a loader's grid comes from: the first command-line argument, else the environment
 * variable <SLUG>_GRID (CNN_TRAINING_GRID for cnn-training; the tests feed small and bad grids
 * both ways), else the committed data/<slug>.json.
 */
import { envVariable } from "./env.js";

/** The environment variable that overrides a page's grid: its slug in capitals, then _GRID. */
export const gridVariable = (slug: string) => `${slug.toUpperCase().replaceAll("-", "_")}_GRID`;

export function gridPath(slug: string, args: readonly string[] = Deno.args): string {
  return args[0] || envVariable(gridVariable(slug)) ||
    new URL(`../../../data/${slug}.json`, import.meta.url).pathname;
}
