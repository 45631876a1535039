// Enhances the static tag graph: neighbour highlighting on hover and focus, a filter box,
// zoom and pan (wheel, drag, pinch, buttons, keys). The SVG works without any of it.
import { createViewport } from "./graph-viewport.ts";

export function enhanceGraph(): void {
  const root = document.querySelector<HTMLElement>("[data-graph-explorer]");
  const svg = root?.querySelector<SVGSVGElement>("svg.tag-graph");
  if (!root || !svg) return;
  root.querySelector<HTMLElement>(".graph-controls")!.hidden = false;
  root.querySelector<HTMLElement>(".graph-help")!.hidden = false;

  const nodes = new Map([...svg.querySelectorAll<SVGAElement>("a.node")].map((a) => [a.dataset.id!, a]));
  const edges = [...svg.querySelectorAll<SVGLineElement>("line.edge")];
  let lit: Element[] = [];

  const highlight = (id: string | undefined) => {
    for (const el of lit) el.classList.remove("is-active", "is-neighbour");
    lit = [];
    svg.classList.toggle("highlighting", id !== undefined);
    if (id === undefined) return;
    const node = nodes.get(id)!;
    node.classList.add("is-active");
    lit.push(node);
    for (const other of (node.dataset.neighbours ?? "").split(" ").filter(Boolean)) {
      const neighbour = nodes.get(other);
      if (neighbour) neighbour.classList.add("is-neighbour"), lit.push(neighbour);
    }
    for (const edge of edges) {
      if (edge.dataset.source === id || edge.dataset.target === id) edge.classList.add("is-active"), lit.push(edge);
    }
  };
  for (const [id, node] of nodes) {
    node.addEventListener("pointerenter", () => highlight(id));
    node.addEventListener("focus", () => highlight(id));
    node.addEventListener("pointerleave", () => highlight(undefined));
    node.addEventListener("blur", () => highlight(undefined));
  }

  const filter = root.querySelector<HTMLInputElement>("#graph-filter")!;
  const status = root.querySelector<HTMLElement>(".graph-filter-status")!;
  filter.addEventListener("input", () => {
    const query = filter.value.trim().toLowerCase();
    let matches = 0;
    for (const node of nodes.values()) {
      const match = query !== "" && (node.getAttribute("aria-label") ?? "").toLowerCase().includes(query);
      node.classList.toggle("is-match", match);
      if (match) matches++;
    }
    svg.classList.toggle("filtering", query !== "");
    status.textContent = query ? `${matches} tag${matches === 1 ? "" : "s"} match` : "";
  });
  filter.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    svg.querySelector<SVGAElement>("a.node.is-match")?.focus();
  });

  const viewport = createViewport(svg, root.querySelector<HTMLElement>(".graph-viewport")!);
  root.querySelectorAll<HTMLButtonElement>("[data-zoom]").forEach((button) =>
    button.addEventListener("click", () => {
      const action = button.dataset.zoom;
      if (action === "reset") viewport.reset();
      else viewport.zoom(action === "in" ? 1.4 : 1 / 1.4);
    }),
  );
}
