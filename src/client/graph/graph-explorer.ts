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

  // Highlighting copies the node, its neighbours and their edges into an overlay on top, and
  // dims the whole drawing underneath with one veil. Restyling hundreds of nodes one by one
  // cost ~150 ms per hover on a 300-tag graph; this costs a few.
  const base = document.createElementNS("http://www.w3.org/2000/svg", "g");
  base.setAttribute("class", "graph-base");
  base.append(...[...svg.children].filter((child) => child.tagName !== "title" && child.tagName !== "desc"));
  const overlay = document.createElementNS("http://www.w3.org/2000/svg", "g");
  overlay.setAttribute("class", "graph-overlay");
  overlay.setAttribute("aria-hidden", "true");
  svg.append(base, overlay);

  const copy = (element: Element, className: string) => {
    const clone = element.cloneNode(true) as SVGElement;
    clone.classList.add(className);
    clone.removeAttribute("href");
    clone.removeAttribute("aria-label");
    clone.setAttribute("tabindex", "-1");
    return clone;
  };
  // The drawing is dimmed by a veil in the overlay, a rectangle of the page's background at 80%
  // opacity under the copies: over a plain background that looks exactly like the drawing at 20%
  // opacity, but the drawing itself is left alone. Fading the drawing's own opacity repainted all
  // of it on every frame of the fade, and hovering across nodes then made tasks of 50-95 ms.
  const veil = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  veil.setAttribute("class", "graph-veil");
  const { x, y, width, height } = svg.viewBox.baseVal;
  // Far beyond the drawing, so that no zoom or pan (graph-viewport.ts) shows its edge.
  for (const [name, value] of [["x", x - 10 * width], ["y", y - 10 * height], ["width", 21 * width], ["height", 21 * height]] as const) veil.setAttribute(name, String(value));
  const highlight = (id: string | undefined) => {
    overlay.replaceChildren();
    svg.classList.toggle("highlighting", id !== undefined);
    if (id === undefined) return;
    const touching = edges.filter((edge) => edge.dataset.source === id || edge.dataset.target === id);
    const neighbours = (nodes.get(id)!.dataset.neighbours ?? "").split(" ").filter((n) => nodes.has(n));
    overlay.append(
      veil,
      ...touching.map((edge) => copy(edge, "is-active")),
      ...neighbours.map((n) => copy(nodes.get(n)!, "is-neighbour")),
      copy(nodes.get(id)!, "is-active"),
    );
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
