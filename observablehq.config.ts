// Observable Framework configuration. The CLI runs under Deno (see src/tasks/framework.ts).
import process from "node:process";

export default {
  root: "src",
  // The build task writes to a staging folder and swaps it in only when the whole build succeeds.
  output: process.env.EXPLORABLES_OUTPUT ?? "dist",
  title: "DNN Explorables",
  pages: [
    {
      name: "Regularisation",
      pages: [
        { name: "Dropout on a two-feature toy", path: "/pages/dropout-toy" },
        { name: "Dropout and noise as penalties", path: "/pages/dropout-noise" },
        { name: "Dropout on real digits", path: "/pages/dropout-digits" },
        { name: "Double descent and the tuned ridge", path: "/pages/double-descent" },
      ],
    },
    {
      name: "Depth and initialisation",
      pages: [
        { name: "Initialisation through depth", path: "/pages/initialisation" },
        { name: "Vanishing gradients and residual connections", path: "/pages/residual" },
      ],
    },
    {
      name: "Normalisation",
      pages: [
        { name: "Batch and layer normalisation", path: "/pages/normalisation" },
        {
          name: "What normalisation does to data and weights",
          path: "/pages/normalisation-geometry",
        },
      ],
    },
    {
      name: "Convolution",
      pages: [
        { name: "Convolution arithmetic and parameter counts", path: "/pages/convolution" },
        { name: "A small CNN trained in your browser", path: "/pages/cnn-training" },
      ],
    },
    {
      name: "Optimisation",
      pages: [
        { name: "Momentum, running averages and Adam's correction", path: "/pages/momentum" },
      ],
    },
    {
      name: "Recurrent networks",
      pages: [{ name: "Gradients through time", path: "/pages/rnn-gradients" }],
    },
  ],
  // The default stylesheet pulls a web font from a CDN; the site must load with no other origin.
  globalStylesheets: [],
  style: "style.css",
  // An empty icon: without one the browser asks for /favicon.ico and logs a 404.
  head: '<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">',
  footer:
    "DNN Explorables: every number on these pages is computed, at build time or in your browser.",
  // Page search works offline: Framework bundles its client (and minisearch, from node_modules)
  // into _observablehq/search.js and builds the index into _observablehq/minisearch.json.
  search: true,
  // Loaders are TypeScript run by the same Deno that runs the CLI, with read-only permissions.
  interpreters: {
    ".ts": [process.execPath, "run", "--allow-read", "--allow-env", "--config", "deno.json"],
  },
};
