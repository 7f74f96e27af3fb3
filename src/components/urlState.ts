/**
 * Every parameter a reader sets lives in the page URL, so a view can be shared by its link.
 * Values from a link are checked like any input: a bad one is reported and replaced by its default.
 */
export interface ParamSpec<T> {
  default: T;
  /** Turns the URL text into a value, throwing a RangeError with a reader-facing message. */
  parse(text: string): T;
}

export type Specs<T> = { [K in keyof T]: ParamSpec<T[K]> };

export interface ReadResult<T> {
  values: T;
  /** One sentence per rejected URL value. */
  problems: string[];
}

export function readParams<T extends Record<string, unknown>>(
  specs: Specs<T>,
  search: string,
): ReadResult<T> {
  const params = new URLSearchParams(search);
  const values = {} as T;
  const problems: string[] = [];
  for (const key of Object.keys(specs) as (keyof T & string)[]) {
    const spec = specs[key];
    const text = params.get(key);
    values[key] = spec.default;
    if (text === null) continue;
    try {
      values[key] = spec.parse(text);
    } catch (error) {
      problems.push(
        `The link sets ${key}=${text}, but ${(error as Error).message}; using ${spec.default}.`,
      );
    }
  }
  return { values, problems };
}

/**
 * Rewrites the query string in place (no new history entry), keeping parameters we do not own;
 * a null value removes its parameter.
 */
export function writeParams(values: Record<string, string | number | boolean | null>): void {
  const url = new URL(globalThis.location.href);
  for (const [key, value] of Object.entries(values)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  if (url.href !== globalThis.location.href) globalThis.history.replaceState(null, "", url);
}
