import assert from "node:assert/strict";
import {
  graphLayout,
  type Point,
  VERTICAL_BELOW,
} from "../../../src/components/rnn-gradients/brnnGraphLayout.ts";
import { unrolledBrnnGraph } from "../../../src/compute/rnn-gradients/unrolledGraph.ts";

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

Deno.test("graphLayout: nodes inside the drawing and apart, and no edge passes through a node it does not join, across and down", () => {
  for (const steps of [1, 3, 5]) {
    const graph = unrolledBrnnGraph(steps);
    for (const width of [320, VERTICAL_BELOW - 1, VERTICAL_BELOW, 1280]) {
      for (const [edges, reversed] of [[graph.forward, false], [graph.gradient, true]] as const) {
        const layout = graphLayout(graph, edges, width, { reversed });
        assert.equal(layout.vertical, width < VERTICAL_BELOW);
        const r = layout.radius;
        for (const node of layout.nodes) {
          assert.ok(node.x - r >= 0 && node.x + r <= layout.width, `${node.id} x`);
          assert.ok(node.y - r >= 0 && node.y + r <= layout.height, `${node.id} y`);
        }
        for (const [i, a] of layout.nodes.entries()) {
          for (const b of layout.nodes.slice(i + 1)) assert.ok(distance(a, b) > 3 * r);
        }
        for (const placed of layout.edges) {
          const ends = [placed.edge.from, placed.edge.to];
          for (let k = 0; k <= 50; k++) {
            const u = k / 50;
            const p = {
              x: (1 - u) ** 2 * placed.start.x + 2 * u * (1 - u) * placed.control.x +
                u ** 2 * placed.end.x,
              y: (1 - u) ** 2 * placed.start.y + 2 * u * (1 - u) * placed.control.y +
                u ** 2 * placed.end.y,
            };
            for (const node of layout.nodes) {
              if (ends.includes(node.id)) continue;
              assert.ok(
                distance(p, node) > r + 4,
                `${ends.join(" → ")} passes ${node.id} at ${width} px`,
              );
            }
          }
          const label = placed.labelAt;
          assert.ok(
            label.x > 0 && label.x < layout.width && label.y > 0 && label.y < layout.height,
          );
        }
      }
    }
  }
});
