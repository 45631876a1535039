// Zoom and pan by rewriting the SVG's viewBox: wheel and pinch zoom at the pointer, drag pans,
// and with the viewport focused the arrow keys pan and + / - zoom. No animation is used, so
// prefers-reduced-motion needs nothing extra here.

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function createViewport(svg: SVGSVGElement, container: HTMLElement) {
  const viewBox = svg.viewBox.baseVal;
  const initial: Box = { x: viewBox.x, y: viewBox.y, w: viewBox.width, h: viewBox.height };
  let box: Box = { ...initial };
  const apply = () => svg.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);

  /** Zooms by `factor` around a point given as fractions of the visible area. */
  const zoom = (factor: number, fx = 0.5, fy = 0.5) => {
    const w = Math.min(initial.w * 4, Math.max(initial.w / 8, box.w / factor));
    const h = (w / box.w) * box.h;
    box = { x: box.x + (box.w - w) * fx, y: box.y + (box.h - h) * fy, w, h };
    apply();
  };
  const pan = (dx: number, dy: number) => {
    box = { ...box, x: box.x + dx, y: box.y + dy };
    apply();
  };
  const toFraction = (event: { clientX: number; clientY: number }) => {
    const rect = svg.getBoundingClientRect();
    return [(event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height] as const;
  };

  svg.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, ...toFraction(event));
    },
    { passive: false },
  );

  const scrolls = () => container.scrollWidth > container.clientWidth || container.scrollHeight > container.clientHeight;
  // Start a scrolling frame at the middle of the drawing, where the best-connected tags sit.
  if (scrolls()) {
    container.scrollLeft = (container.scrollWidth - container.clientWidth) / 2;
    container.scrollTop = (container.scrollHeight - container.clientHeight) / 2;
  }

  const pointers = new Map<number, { x: number; y: number }>();
  let pinchDistance = 0;
  svg.addEventListener("pointerdown", (event) => {
    if ((event.target as Element).closest("a.node") && event.pointerType === "mouse") return; // let links be clicked
    // On a phone the graph is drawn at full size in a frame that scrolls (global.css): a finger scrolls it natively.
    if (event.pointerType === "touch" && scrolls()) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const rect = svg.getBoundingClientRect();
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinchDistance) zoom(distance / pinchDistance, ...toFraction({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 }));
      pinchDistance = distance;
    } else {
      pan(((last.x - event.clientX) / rect.width) * box.w, ((last.y - event.clientY) / rect.height) * box.h);
    }
  });
  const release = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinchDistance = 0;
  };
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);

  container.tabIndex = 0;
  container.setAttribute("role", "group");
  container.setAttribute("aria-label", "Tag graph viewport: arrow keys pan, plus and minus zoom");
  container.addEventListener("keydown", (event) => {
    if (event.target !== container) return;
    const step = box.w / 10;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => pan(-step, 0),
      ArrowRight: () => pan(step, 0),
      ArrowUp: () => pan(0, -step),
      ArrowDown: () => pan(0, step),
      "+": () => zoom(1.4),
      "=": () => zoom(1.4),
      "-": () => zoom(1 / 1.4),
      "0": () => reset(),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  });

  const reset = () => {
    box = { ...initial };
    apply();
  };
  return { zoom, pan, reset };
}
