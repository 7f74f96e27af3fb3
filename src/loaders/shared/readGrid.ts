/**
 * A grid file read and checked, with every failure naming the file: cannot be read, is not JSON,
 * or (from the page's own parser in src/compute/<slug>/grid.ts) which field is wrong and why.
 */
export async function readGrid<T>(path: string, parse: (raw: unknown) => T): Promise<T> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new Error(`cannot read grid ${path}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`grid ${path} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return parse(raw);
  } catch (e) {
    throw new Error(`grid ${path}: ${(e as Error).message}`);
  }
}
