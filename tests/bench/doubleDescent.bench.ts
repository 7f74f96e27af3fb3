/**
 * Times the full double-descent sweep of src/loaders/double-descent.json.ts against a NumPy
 * reference doing one thin SVD per (trial, p) (tests/bench/double_descent_numpy.py).
 *
 *   deno run -A tests/bench/doubleDescent.bench.ts [config.json]
 *
 * The loader runs as a subprocess, exactly as Observable Framework runs it, so the time includes
 * Deno's start-up and the workers. Without python3 + NumPy only our time is reported.
 */
const root = new URL("../../", import.meta.url);
const loader = new URL("src/loaders/double-descent.json.ts", root).pathname;
const numpyScript = new URL("tests/bench/double_descent_numpy.py", root).pathname;
const config = Deno.args[0] ?? new URL("data/double-descent.json", root).pathname;

interface Curves {
  p: number[];
  curveA: { test: { median: number[] } };
  curveB: { test: { median: number[] } };
}

function peakOf(p: number[], a: number[], b: number[]) {
  let peak = 0;
  a.forEach((v, i) => {
    if (v > a[peak]) peak = i;
  });
  return { peakP: p[peak], peakA: a[peak], maxB: Math.max(...b) };
}

async function timeLoader() {
  const started = performance.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-env", "--config", "deno.json", loader, config],
    cwd: root.pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - started) / 1000;
  if (!out.success) {
    throw new Error(`loader failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  const result = JSON.parse(new TextDecoder().decode(out.stdout)) as Curves;
  return {
    seconds,
    ...peakOf(result.p, result.curveA.test.median, result.curveB.test.median),
  };
}

async function timeNumpy() {
  for (const python of ["python3", "/usr/bin/python3"]) {
    let out: Deno.CommandOutput;
    try {
      out = await new Deno.Command(python, {
        args: ["-c", "import numpy"],
        stdout: "null",
        stderr: "null",
      }).output();
    } catch {
      continue;
    }
    if (!out.success) continue;
    const run = await new Deno.Command(python, {
      args: [numpyScript, config],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!run.success) {
      throw new Error(`NumPy reference failed:\n${new TextDecoder().decode(run.stderr)}`);
    }
    const result = JSON.parse(new TextDecoder().decode(run.stdout));
    return { python, ...result } as {
      python: string;
      seconds: number;
      numpy: string;
      peakP: number;
      peakA: number;
      maxB: number;
    };
  }
  return undefined;
}

const cores = navigator.hardwareConcurrency;
console.log(`double-descent sweep (${config}), ${cores} cores`);
const ours = await timeLoader();
console.log(
  `deno loader: ${ours.seconds.toFixed(2)} s wall; curve A peak ${
    ours.peakA.toFixed(3)
  } at p = ${ours.peakP}; curve B max ${ours.maxB.toFixed(3)}`,
);
const numpy = await timeNumpy();
if (!numpy) {
  console.log(
    "numpy reference: skipped, no python3 with NumPy found (tried python3, /usr/bin/python3)",
  );
} else {
  console.log(
    `numpy ${numpy.numpy} (${numpy.python}): ${
      numpy.seconds.toFixed(2)
    } s in-process; curve A peak ${numpy.peakA.toFixed(3)} at p = ${numpy.peakP}; curve B max ${
      numpy.maxB.toFixed(3)
    }`,
  );
  console.log(`ratio numpy / deno: ${(numpy.seconds / ours.seconds).toFixed(2)}×`);
}
