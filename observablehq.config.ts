// Observable Framework configuration. The CLI runs under Deno (see src/tasks/framework.ts).
import process from "node:process";
import { sidebar } from "./src/site.ts";
import { embedHead } from "./src/components/embedHead.ts";

export default {
  root: "src",
  // The build task writes to a staging folder and swaps it in only when the whole build succeeds.
  output: process.env.EXPLORABLES_OUTPUT ?? "dist",
  title: "DNN Explorables",
  // Links name their files (./pages/momentum.html, ./index.html), so the built site works on any
  // plain static server, under any sub-path, with no clean-URL rewriting.
  preserveExtension: true,
  preserveIndex: true,
  // The sidebar: one section per topic, pages in manifest order (src/site.ts).
  pages: sidebar(),
  // The default stylesheet pulls a web font from a CDN; the site must load with no other origin.
  globalStylesheets: [],
  style: "style.css",
  // An empty icon: without one the browser asks for /favicon.ico and logs a 404.
  head: '<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">' +
    embedHead,
  footer:
    "DNN Explorables: every number on these pages is computed, at build time or in your browser.",
  // Page search works offline: Framework bundles its client (and minisearch, from node_modules)
  // into _observablehq/search.js and builds the index into _observablehq/minisearch.json.
  search: true,
  // Loaders are TypeScript run by the same Deno that runs the CLI, with read-only permissions, and
  // leave to run a program: src/loaders/live-worker.js.ts runs esbuild's binary from node_modules.
  interpreters: {
    ".ts": [
      process.execPath,
      "run",
      "--allow-read",
      "--allow-env",
      "--allow-run",
      "--config",
      "deno.json",
    ],
  },
};
