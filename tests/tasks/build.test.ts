/**
 * A build whose loader fails must fail loudly and leave the last good site untouched. Runs the real
 * build task in a scratch copy of the project whose dropout grid is broken.
 */
import assert from "node:assert/strict";

async function copyProject(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "explorables-build-" });
  for (const path of ["deno.json", "package.json", "observablehq.config.ts"]) {
    await Deno.copyFile(path, `${dir}/${path}`);
  }
  const { code } = await new Deno.Command("cp", { args: ["-r", "src", "data", dir] }).output();
  assert.equal(code, 0);
  await Deno.remove(`${dir}/src/.observablehq`, { recursive: true }).catch(() => {});
  await Deno.symlink(`${Deno.cwd()}/node_modules`, `${dir}/node_modules`);
  return dir;
}

Deno.test({
  name: "deno task build: a failing loader fails the build and leaves dist/ as it was",
  sanitizeResources: false,
  async fn() {
    const dir = await copyProject();
    try {
      await Deno.writeTextFile(`${dir}/data/dropout-toy.json`, JSON.stringify({ rates: [1.5] }));
      await Deno.mkdir(`${dir}/dist`);
      await Deno.writeTextFile(`${dir}/dist/index.html`, "last good site");
      const { code, stderr } = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "src/tasks/build.ts"],
        cwd: dir,
        stdout: "null",
        stderr: "piped",
      }).output();
      const log = new TextDecoder().decode(stderr);
      assert.notEqual(code, 0, "the build should fail");
      assert.match(log, /site build failed/);
      assert.equal(await Deno.readTextFile(`${dir}/dist/index.html`), "last good site");
      const staging = await Deno.stat(`${dir}/dist.staging`).then(() => true, () => false);
      assert.equal(staging, false, "a failed build must not leave its staging folder");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
