"""NumPy reference of the double-descent sweep in src/loaders/double-descent.json.ts.

Same sizes, p grid, λ grid and trial count (read from data/double-descent.json or the path given
as the first argument), the same model and the same error definitions, but NumPy's own random
numbers, so the curves agree statistically, not digit for digit. Each (trial, p) costs one thin
SVD X̃ = U S Vᵀ, after which every λ is a diagonal rescaling:
θ(λ) = V diag(s / (s² + λ)) Uᵀ Y.

Prints one JSON object on stdout: elapsed seconds and the median curves, so the bench can compare
both speed and the location of the peak.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np


def lambda_grid(spec):
    lo, hi, count = spec["min"], spec["max"], spec["count"]
    return np.array([lo * (hi / lo) ** (k / (count - 1)) for k in range(count)])


def run(config):
    n, n_val, n_test, d = config["nTrain"], config["nVal"], config["nTest"], config["d"]
    sigma, p_grid = config["sigma"], config["pGrid"]
    lambdas = lambda_grid(config["lambdaGrid"])
    index_a = int(np.argmin(np.abs(lambdas - config["lambdaA"])))
    p_max = p_grid[-1]
    trials = config["trials"]
    test_a = np.empty((trials, len(p_grid)))
    test_b = np.empty((trials, len(p_grid)))
    for t in range(trials):
        rng = np.random.default_rng(config["seed"] + t)
        beta = rng.standard_normal(d) / np.sqrt(d)
        x = rng.standard_normal((n + n_val + n_test, d))
        y = x @ beta + sigma * rng.standard_normal(n + n_val + n_test)
        w0 = rng.standard_normal((p_max, d))
        # W = W0 / sqrt(p) and ReLU is positively homogeneous, so one product serves every p.
        phi_all = np.maximum(x @ w0.T, 0.0)
        y_train, y_val, y_test = y[:n], y[n : n + n_val], y[n + n_val :]
        for i, p in enumerate(p_grid):
            phi = phi_all[:, :p] / np.sqrt(p)
            u, s, vt = np.linalg.svd(phi[:n], full_matrices=False)
            shrink = s[None, :] / (s[None, :] ** 2 + lambdas[:, None])  # L × r
            theta = (shrink * (u.T @ y_train)[None, :]) @ vt  # L × p
            val = np.mean((phi[n : n + n_val] @ theta.T - y_val[:, None]) ** 2, axis=0)
            test = np.mean((phi[n + n_val :] @ theta.T - y_test[:, None]) ** 2, axis=0)
            test_a[t, i] = test[index_a]
            test_b[t, i] = test[int(np.argmin(val))]
    return test_a, test_b


def main():
    root = Path(__file__).resolve().parents[2]
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "data" / "double-descent.json"
    config = json.loads(path.read_text())
    started = time.perf_counter()
    test_a, test_b = run(config)
    elapsed = time.perf_counter() - started
    median_a = np.median(test_a, axis=0)
    median_b = np.median(test_b, axis=0)
    peak = int(np.argmax(median_a))
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "numpy": np.__version__,
                "p": config["pGrid"],
                "curveA": [round(float(v), 6) for v in median_a],
                "curveB": [round(float(v), 6) for v in median_b],
                "peakP": config["pGrid"][peak],
                "peakA": float(median_a[peak]),
                "maxB": float(np.max(median_b)),
            }
        )
    )


if __name__ == "__main__":
    main()
