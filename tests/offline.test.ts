/**
 * The site builds and runs from the npm registry alone: no page, module or built file may point at
 * a CDN, and no source may use Framework's `npm:` imports (which Framework fetches from a CDN).
 */
import assert from "node:assert/strict";

const cdnHosts = [
  "cdn.jsdelivr.net",
  "unpkg.com",
  "esm.sh",
  "esm.run",
  "cdnjs.cloudflare.com",
  "cdn.skypack.dev",
  "fonts.googleapis.com",
  "fonts.gstatic.com",
  "ga.jspm.io",
];
/** The built site under test: EXPLORABLES_DIST (as for the browser tests), else dist/. */
const distDir = Deno.env.get("EXPLORABLES_DIST") ?? "dist";
const npmImport = /(?:from\s*|import\s*\(\s*|import\s+)["']npm:|["']npm:[@\w]/;

async function* files(dir: string, extensions: RegExp): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory && entry.name !== ".observablehq") yield* files(path, extensions);
    else if (entry.isFile && extensions.test(entry.name)) yield path;
  }
}

async function offenders(dir: string, extensions: RegExp, patterns: (string | RegExp)[]) {
  const found: string[] = [];
  for await (const path of files(dir, extensions)) {
    const text = await Deno.readTextFile(path);
    for (const pattern of patterns) {
      const hit = typeof pattern === "string" ? text.includes(pattern) : pattern.test(text);
      if (hit) found.push(`${path}: ${pattern}`);
    }
  }
  return found;
}

Deno.test("src/ names no CDN and uses no npm: import", async () => {
  const found = await offenders("src", /\.(ts|js|md|css|html)$/, [...cdnHosts, npmImport]);
  assert.deepEqual(found, []);
});

Deno.test("observablehq.config.ts drops Framework's default web-font stylesheet", async () => {
  const config = (await import("../observablehq.config.ts")).default;
  assert.deepEqual(config.globalStylesheets, []);
});

async function assertBuilt(): Promise<void> {
  try {
    await Deno.stat(`${distDir}/index.html`);
  } catch {
    assert.fail(`${distDir}/ is missing: run \`deno task build\` (the test task builds first)`);
  }
}

Deno.test(`${distDir}/ (the built site) refers to no CDN and holds no CDN-fetched npm module`, async () => {
  await assertBuilt();
  const found = await offenders(distDir, /\.(html|js|css|json)$/, cdnHosts);
  assert.deepEqual(found, []);
  const npmDir = await Deno.stat(`${distDir}/_npm`).then(() => true, () => false);
  assert.equal(
    npmDir,
    false,
    `${distDir}/_npm exists: something was fetched through an npm: import`,
  );
});

Deno.test(`${distDir}/: page search is served from the site (minisearch bundled, local index)`, async () => {
  await assertBuilt();
  const names = [];
  for await (const entry of Deno.readDir(`${distDir}/_observablehq`)) names.push(entry.name);
  const client = names.find((name) => /^search\.[0-9a-f]+\.js$/.test(name));
  const index = names.find((name) => /^minisearch\.[0-9a-f]+\.json$/.test(name));
  assert.ok(client && index, `search client or index missing from ${distDir}/_observablehq`);
  const code = await Deno.readTextFile(`${distDir}/_observablehq/${client}`);
  // Bundled: the client imports nothing, so minisearch cannot come from anywhere else.
  assert.doesNotMatch(code, /\bimport\s*(?:[\w{*][^;]*?from\s*)?["'`]|\bimport\(/);
  assert.match(code, /loadJS/, "minisearch's MiniSearch.loadJS is in the client bundle");
  const html = await Deno.readTextFile(`${distDir}/index.html`);
  assert.ok(html.includes(`_observablehq/${client}`), "the page loads the local search client");
});

Deno.test(`${distDir}/: the live worker is one bundled file of the site, with tfjs inside`, async () => {
  await assertBuilt();
  const dir = `${distDir}/_file/loaders`;
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  const worker = names.find((name) => /^live-worker\.[0-9a-f]+\.js$/.test(name));
  assert.ok(worker, `no live-worker.<hash>.js in ${dir}: ${names.join(", ")}`);
  const code = await Deno.readTextFile(`${dir}/${worker}`);
  // Bundled (src/loaders/live-worker.js.ts): a module worker can fetch nothing but its own file.
  assert.doesNotMatch(code, /\bimport\s*(?:[\w{*][^;]*?from\s*)?["'`]|\bimport\(\s*["'`]/);
  assert.match(code, /tfjs-backend-wasm/, "the wasm backend is inside the worker");
});

Deno.test("offenders() catches a CDN reference (the check itself can fail)", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(
    `${dir}/page.md`,
    '```js\nimport * as Plot from "npm:@observablehq/plot";\n```\n',
  );
  await Deno.writeTextFile(`${dir}/style.css`, '@import url("https://fonts.googleapis.com/x");');
  const found = await offenders(dir, /\.(md|css)$/, [...cdnHosts, npmImport]);
  assert.equal(found.length, 2);
  await Deno.remove(dir, { recursive: true });
});
