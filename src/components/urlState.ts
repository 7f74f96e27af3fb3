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

/**
 * TensorFlow.js backends a link may force with `?backend=`, in the order the live worker tries
 * them (compute/tfStart.ts).
 */
export const backendNames = ["webgpu", "wasm", "webgl", "cpu"] as const;
export type BackendName = (typeof backendNames)[number];

/** Longest link value quoted in full; a longer one would stretch the notice and the page. */
const quotedLength = 40;

/** A link value as a message quotes it: at most 40 characters, then "…" and its length. */
export function quoteValue(text: string): string {
  const characters = [...text];
  if (characters.length <= quotedLength) return text;
  const length = characters.length.toLocaleString("en-US");
  return `${characters.slice(0, quotedLength).join("")}… (${length} characters)`;
}

interface LinkValue {
  /** The one value the link gives, or undefined when it gives none or gives the key twice. */
  text?: string;
  /** The message for a key the link gives more than once. */
  problem?: string;
}

/** The value of `key` in a link, refusing a key that appears twice (which value would win?). */
function linkValue(params: URLSearchParams, key: string, fallback: string): LinkValue {
  const all = params.getAll(key);
  if (all.length === 0) return {};
  if (all.length === 1) return { text: all[0] };
  const given = all.map((text) => `${key}=${quoteValue(text)}`).join("&");
  return {
    problem: `The link sets ${given}, but ${key} may be set only once; using ${fallback}.`,
  };
}

/**
 * The backend a link forces, if any, and the message for a bad `?backend=`: every page reads it
 * through here (readParams for its notice, the live worker for its choice), so both agree.
 */
export function readBackend(search: string): { backend?: BackendName; problem?: string } {
  const fallback = "the first backend this browser supports";
  const { text, problem } = linkValue(new URLSearchParams(search), "backend", fallback);
  if (problem) return { problem };
  if (text === undefined) return {};
  const backend = backendNames.find((name) => name === text);
  if (backend) return { backend };
  return {
    problem: `The link sets backend=${quoteValue(text)}, but backend must be one of ${
      backendNames.join(", ")
    }; using ${fallback}.`,
  };
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
    values[key] = spec.default;
    const { text, problem } = linkValue(params, key, String(spec.default));
    if (problem) problems.push(problem);
    if (text === undefined) continue;
    try {
      values[key] = spec.parse(text);
    } catch (error) {
      problems.push(
        `The link sets ${key}=${quoteValue(text)}, but ${
          (error as Error).message
        }; using ${spec.default}.`,
      );
    }
  }
  // Site-wide parameters: every page reports them with its own, in the same notice.
  const backend = readBackend(search).problem;
  if (backend && !("backend" in specs)) problems.push(backend);
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
