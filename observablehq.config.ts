export default {
  root: "src",
  title: "smoke",
  globalStylesheets: [],
  interpreters: { ".ts": [Deno.execPath(), "run", "--allow-read", "--config", "deno.json"] },
};
