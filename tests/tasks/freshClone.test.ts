/**
 * Every task works from a fresh clone: each `deno task` installs node_modules (and Chromium where it
 * drives a browser) before it imports anything from node_modules.
 *
 * Each task runs in a scratch copy of the project without node_modules. `npm` and `apt-get` on PATH
 * are stubs that log their call; the npm stub installs a fake node_modules whose Framework and
 * playwright-core modules log their import and end the process, so no task gets further than its
 * first import from node_modules and the whole test takes seconds. A task that imported before
 * installing would fail to load the module (as `deno task build` once did) and log no import.
 */
import assert from "node:assert/strict";

const fakeModules: Record<string, string> = {
  "@observablehq/framework/package.json": JSON.stringify({
    name: "@observablehq/framework",
    type: "module",
  }),
  "@observablehq/framework/dist/node.js": importLogger("import @observablehq/framework") +
    "export function resolveNodeImport() {}\n",
  "@observablehq/framework/dist/bin/observable.js": importLogger("run observable"),
  "playwright-core/package.json": JSON.stringify({
    name: "playwright-core",
    type: "module",
    exports: "./index.js",
  }),
  "playwright-core/index.js": importLogger("import playwright-core") +
    "export const chromium = {};\n",
};

/** A module that logs one line and ends the process while it is being evaluated. */
function importLogger(line: string): string {
  return `import { appendFileSync } from "node:fs";
import process from "node:process";
appendFileSync(process.env.TASK_LOG, ${JSON.stringify(line + "\n")});
process.exit(0);
`;
}

const npmStub = `#!/bin/sh
echo "npm $*" >> "$TASK_LOG"
cp -r "$FAKE_NODE_MODULES" node_modules
`;
const aptStub = `#!/bin/sh
echo "apt-get $*" >> "$TASK_LOG"
case "$*" in *install*) touch "$CHROMIUM_PATH" ;; esac
`;

async function run(command: string, args: string[], cwd?: string): Promise<void> {
  const { code, stderr } = await new Deno.Command(command, { args, cwd, stderr: "piped" }).output();
  assert.equal(code, 0, `${command} ${args.join(" ")}: ${new TextDecoder().decode(stderr)}`);
}

/** The project as a clone has it: sources, data and tests, no node_modules, no build output. */
async function freshClone(dir: string): Promise<void> {
  for (const path of ["deno.json", "package.json", "package-lock.json", "observablehq.config.ts"]) {
    await Deno.copyFile(path, `${dir}/${path}`).catch(() => {});
  }
  await run("cp", ["-r", "src", "data", "tests", dir]);
  await Deno.remove(`${dir}/src/.observablehq`, { recursive: true }).catch(() => {});
  await Deno.remove(`${dir}/tests/output`, { recursive: true }).catch(() => {});
}

async function writeTree(root: string, files: Record<string, string>, mode?: number) {
  for (const [path, text] of Object.entries(files)) {
    const file = `${root}/${path}`;
    await Deno.mkdir(file.slice(0, file.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(file, text, mode ? { mode } : {});
  }
}

async function readLog(path: string): Promise<string[]> {
  const text = await Deno.readTextFile(path).catch(() => "");
  return text.split("\n").filter((line) => line);
}

/** Only what Deno itself needs from this environment: no EXPLORABLES_DIST or CHROMIUM_PATH. */
function inherited(): Record<string, string> {
  const names = ["HOME", "DENO_DIR", "XDG_CACHE_HOME", "TMPDIR"];
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = Deno.env.get(name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

const denoDir = Deno.execPath().slice(0, Deno.execPath().lastIndexOf("/"));
const root = Deno.uid() === 0;
// Chromium is "missing" (CHROMIUM_PATH names a file that does not exist yet): as root the tasks
// install it with apt-get; otherwise they stop before any import and say how to install it.
const chromiumInstall = ["apt-get update -qq", "apt-get install -y -qq chromium"];

/** What each task must log, in order; a task that is not listed here fails the test. */
const expected: Record<string, { args?: string[]; log: string[]; browser?: boolean }> = {
  start: { log: ["npm install --no-audit --no-fund", "import @observablehq/framework"] },
  dev: { log: ["npm install --no-audit --no-fund", "import @observablehq/framework"] },
  build: { log: ["npm install --no-audit --no-fund", "import @observablehq/framework"] },
  data: { log: ["npm install --no-audit --no-fund", "import @observablehq/framework"] },
  test: {
    browser: true,
    log: ["npm install --no-audit --no-fund", ...chromiumInstall, "import @observablehq/framework"],
  },
  bench: {
    browser: true,
    log: ["npm install --no-audit --no-fund", ...chromiumInstall, "import @observablehq/framework"],
  },
  // With the build already there, the load part goes straight to the browser harness.
  "bench --only=load": {
    browser: true,
    log: ["npm install --no-audit --no-fund", ...chromiumInstall, "import playwright-core"],
  },
  // ok's first check after installing is `deno fmt --check`, which the planted file fails.
  ok: { log: ["npm install --no-audit --no-fund"] },
};

Deno.test({
  name: "deno task NAME (every task) installs node_modules and Chromium before importing them",
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "explorables-clone-" });
    try {
      const project = `${dir}/project`;
      await Deno.mkdir(project);
      await freshClone(project);
      await writeTree(`${dir}/fake_node_modules`, fakeModules);
      await writeTree(`${dir}/bin`, { npm: npmStub, "apt-get": aptStub }, 0o755);
      const planted = "tests/zz_not_formatted.ts";
      await Deno.writeTextFile(`${project}/${planted}`, "export const  x =1\n");

      const tasks = Object.keys(
        (JSON.parse(await Deno.readTextFile("deno.json")) as { tasks: Record<string, string> })
          .tasks,
      );
      const covered = new Set(Object.keys(expected).map((name) => name.split(" ")[0]));
      assert.deepEqual(tasks.filter((task) => !covered.has(task)), [], "tasks with no check");

      for (const [name, { log, browser }] of Object.entries(expected)) {
        const [task, ...args] = name.split(" ");
        const taskLog = `${dir}/${name.replaceAll(/\W+/g, "_")}.log`;
        const chromium = `${dir}/chromium`;
        await Deno.remove(`${project}/node_modules`, { recursive: true }).catch(() => {});
        await Deno.remove(chromium).catch(() => {});
        const { stderr } = await new Deno.Command(Deno.execPath(), {
          args: ["task", task, ...args],
          cwd: project,
          clearEnv: true,
          env: {
            ...inherited(),
            PATH: `${dir}/bin:${denoDir}:${Deno.env.get("PATH")}`,
            TASK_LOG: taskLog,
            FAKE_NODE_MODULES: `${dir}/fake_node_modules`,
            CHROMIUM_PATH: chromium,
            // Names a build, so `--only=load` measures it instead of building first.
            ...(args.includes("--only=load") ? { EXPLORABLES_DIST: `${dir}/dist` } : {}),
            NO_COLOR: "1",
          },
          stdout: "null",
          stderr: "piped",
        }).output();
        const errors = new TextDecoder().decode(stderr);
        const lines = await readLog(taskLog);
        if (browser && !root) {
          // Not root: the task stops at Chromium with the command to run, before any import.
          assert.deepEqual(lines, log.slice(0, 1), `${name}:\n${errors}`);
          assert.match(errors, /apt-get install -y chromium/, name);
        } else {
          assert.deepEqual(lines, log, `${name}:\n${errors}`);
        }
        if (task === "ok") assert.match(errors, new RegExp(planted), `ok:\n${errors}`);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("src/tasks/*.ts: no module in a task's graph names an npm package by bare specifier (import it by path under node_modules)", async () => {
  // In a fresh clone a task starts before npm has installed node_modules. A bare specifier in its
  // module graph (static, or a dynamic import with a literal) then left Deno's resolver unable to
  // find packages installed after: `deno task build` failed on Framework's import of
  // "@rollup/plugin-commonjs" once prerender.ts imported "jsdom" by name.
  const bare: string[] = [];
  for await (const entry of Deno.readDir("src/tasks")) {
    if (!entry.isFile || !entry.name.endsWith(".ts")) continue;
    const { stdout } = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", `src/tasks/${entry.name}`],
      stdout: "piped",
      stderr: "null",
    }).output();
    const graph = JSON.parse(new TextDecoder().decode(stdout)) as {
      modules: { specifier: string; dependencies?: { specifier: string }[] }[];
    };
    for (const module of graph.modules) {
      if (!module.specifier.startsWith("file:") || module.specifier.includes("/node_modules/")) {
        continue;
      }
      for (const { specifier } of module.dependencies ?? []) {
        if (!/^(\.|\/|file:|node:)/.test(specifier)) {
          bare.push(`${module.specifier.replace(/^.*\/src\//, "src/")} → ${specifier}`);
        }
      }
    }
  }
  assert.deepEqual([...new Set(bare)], []);
});
