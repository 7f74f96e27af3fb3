/**
 * The two headers that make the site cross-origin isolated, so the live worker may run
 * tfjs-backend-wasm's threaded SIMD build (SharedArrayBuffer needs isolation). serve.ts sends them
 * (`deno task start` and the tests); the build writes them as `_headers` into the site for static
 * hosts that read that file (Netlify, Cloudflare Pages). The site loads nothing from another
 * origin (tests/offline.test.ts), so `require-corp` blocks nothing. Without them the site runs
 * single-threaded, as before.
 */
export const isolationHeaders: Readonly<Record<string, string>> = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

/** The `_headers` file: the same headers for every path. */
export function headersFile(): string {
  const lines = Object.entries(isolationHeaders).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join("\n")}\n`;
}

/** Writes `_headers` into a built site. */
export async function writeHeadersFile(site: string): Promise<void> {
  await Deno.writeTextFile(`${site}/_headers`, headersFile());
}
