"""NumPy's float32 time for the initialisation page's depth run (tests/bench/liveSpeed.ts).

The same arithmetic as runLiveDepth with one activation (ReLU) and the backward pass: weights
drawn per layer, then per layer h = relu(h W^T) and the tangent t = relu'(a) * (t W^T) forward,
and g = (relu'(a) * g) W backward, each with its sums of squares. Prints the best of three runs
in ms. Usage: depth_numpy.py DEPTH WIDTH BATCH
"""
import sys
import time

import numpy as np

depth, width, batch = (int(a) for a in sys.argv[1:4])


def run(rng):
    c = np.float32(1.41 / np.sqrt(width))
    h = rng.standard_normal((batch, width), dtype=np.float32)
    t = rng.standard_normal((batch, width), dtype=np.float32)
    weights, slopes, sums = [], [], []
    for _ in range(depth):
        w = rng.standard_normal((width, width), dtype=np.float32) * c
        a = h @ w.T
        d = (a > 0).astype(np.float32)
        h = a * d
        t = d * (t @ w.T)
        sums.append(((a * a).sum(), (d * d).sum(), (t * t).sum(), (h * h).sum()))
        t /= np.sqrt((t * t).sum() / batch)
        weights.append(w)
        slopes.append(d)
    g = rng.standard_normal((batch, width), dtype=np.float32)
    for w, d in zip(reversed(weights), reversed(slopes)):
        g = (d * g) @ w
        sums.append((g * g).sum())
        g /= np.sqrt((g * g).sum() / batch)
    return sums


times = []
for k in range(3):
    started = time.perf_counter()
    run(np.random.default_rng(k))
    times.append((time.perf_counter() - started) * 1000)
print(f"{min(times):.1f}")
