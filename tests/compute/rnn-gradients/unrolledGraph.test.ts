import assert from "node:assert/strict";
import {
  gradientSources,
  nodeId,
  unrolledBrnnGraph,
} from "../../../src/compute/rnn-gradients/unrolledGraph.ts";

Deno.test("unrolledBrnnGraph(3): 17 nodes (h₀ᶠ and h₄ᵇ included) and each weight on 3 edges, in the direction of the recurrence", () => {
  const graph = unrolledBrnnGraph(3);
  assert.equal(graph.nodes.length, 17);
  assert.deepEqual(
    graph.nodes.filter((n) => n.row === "forward").map((n) => n.label),
    ["h₀ᶠ", "h₁ᶠ", "h₂ᶠ", "h₃ᶠ"],
  );
  assert.deepEqual(
    graph.nodes.filter((n) => n.row === "backward").map((n) => n.label).sort(),
    ["h₁ᵇ", "h₂ᵇ", "h₃ᵇ", "h₄ᵇ"],
  );
  for (const weight of ["Wᶠ", "Uᶠ", "Vᶠ", "Wᵇ", "Uᵇ", "Vᵇ"]) {
    assert.equal(graph.forward.filter((e) => e.label === weight).length, 3, weight);
  }
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const edge of [...graph.forward, ...graph.gradient]) {
    assert.ok(ids.has(edge.from) && ids.has(edge.to), `${edge.from} → ${edge.to}`);
  }
  // Uᶠ runs forward in time, Uᵇ backward.
  assert.ok(
    graph.forward.some((e) =>
      e.from === nodeId("forward", 1) && e.to === nodeId("forward", 2) && e.label === "Uᶠ"
    ),
  );
  assert.ok(
    graph.forward.some((e) =>
      e.from === nodeId("backward", 3) && e.to === nodeId("backward", 2) && e.label === "Uᵇ"
    ),
  );
});

Deno.test("gradientSources: ∇_{hₜᶠ}L gathers yₜ and hₜ₊₁ᶠ, ∇_{hₜᵇ}L gathers yₜ and hₜ₋₁ᵇ, the chains' ends and initial states one term each", () => {
  const graph = unrolledBrnnGraph(3);
  const from = (id: string) => gradientSources(graph, id).map((e) => e.from).sort();
  assert.deepEqual(from(nodeId("forward", 2)), [nodeId("forward", 3), nodeId("output", 2)].sort());
  assert.deepEqual(from(nodeId("forward", 3)), [nodeId("output", 3)]);
  assert.deepEqual(from(nodeId("forward", 0)), [nodeId("forward", 1)]);
  assert.deepEqual(
    from(nodeId("backward", 2)),
    [nodeId("backward", 1), nodeId("output", 2)].sort(),
  );
  assert.deepEqual(from(nodeId("backward", 1)), [nodeId("output", 1)]);
  assert.deepEqual(from(nodeId("backward", 4)), [nodeId("backward", 3)]);
  assert.equal(graph.gradient.length, 15);
  assert.throws(() => unrolledBrnnGraph(0), /steps T/);
});
