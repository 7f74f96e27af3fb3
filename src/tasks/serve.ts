/**
 * A small static file server for the built site: Framework's clean URLs map to .html files. Every
 * response is cross-origin isolated (headers.ts), as a host serving the site's `_headers` makes it.
 */
import { isolationHeaders } from "./headers.ts";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function contentType(path: string): string {
  const dot = path.lastIndexOf(".");
  return types[dot >= 0 ? path.slice(dot) : ""] ?? "application/octet-stream";
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

export async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const clean = decodeURIComponent(pathname).replace(/\/+/g, "/");
  if (clean.split("/").includes("..")) return undefined;
  const base = `${root}${clean}`;
  const candidates = clean.endsWith("/") ? [`${base}index.html`] : [base, `${base}.html`];
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return undefined;
}

export function serveStatic(
  root: string,
  { hostname = "127.0.0.1", port = 0 }: { hostname?: string; port?: number } = {},
): Deno.HttpServer<Deno.NetAddr> {
  return Deno.serve({ hostname, port, onListen: () => {} }, async (request) => {
    const { pathname } = new URL(request.url);
    const file = await resolveFile(root, pathname);
    if (!file) {
      const notFound = await resolveFile(root, "/404");
      return new Response(notFound ? await Deno.readFile(notFound) : "Not found", {
        status: 404,
        headers: { ...isolationHeaders, "content-type": "text/html; charset=utf-8" },
      });
    }
    return new Response(await Deno.readFile(file), {
      headers: {
        ...isolationHeaders,
        "content-type": contentType(file),
        "cache-control": "no-cache",
      },
    });
  });
}
