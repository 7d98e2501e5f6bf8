/**
 * Pointer, wheel and keyboard handling on the timeline canvas. Translates input into view
 * changes (zoom/pan/scroll/fit), hover and click; knows nothing about drawing.
 *
 * Wheel: Ctrl/Cmd+wheel zooms at the cursor; Shift+wheel or horizontal wheel pans;
 *        plain wheel scrolls lanes when they overflow, otherwise zooms.
 * Drag:  pans (and scrolls vertically). Click: reveal source / seek.
 * Keys:  W/+ zoom in, S/- zoom out, A/← D/→ pan, ↑/↓ scroll, F/0/Home fit all.
 */
import { panBy, zoomAt, type Viewport } from './viewport';

export interface InteractionHost {
  view(): Viewport;
  scrollY(): number;
  setView(v: Viewport, scrollY: number): void;
  fitAll(): void;
  /** content height and visible plot height (CSS px) */
  heights(): { content: number; plot: number };
  /** plot-area origin in canvas CSS coordinates */
  plotOrigin(): { x: number; y: number };
  hover(px: number, cy: number, clientX: number, clientY: number): void;
  leave(): void;
  click(px: number, cy: number): void;
}

const ZOOM_STEP = 1.25;

export function attachInteraction(canvas: HTMLCanvasElement, host: InteractionHost): () => void {
  canvas.tabIndex = 0;
  let drag: { x: number; y: number; moved: boolean; id: number } | undefined;

  const local = (ev: MouseEvent): { px: number; cy: number } => {
    const r = canvas.getBoundingClientRect();
    const o = host.plotOrigin();
    return { px: ev.clientX - r.left - o.x, cy: ev.clientY - r.top - o.y + host.scrollY() };
  };
  const clampScroll = (y: number): number => {
    const { content, plot } = host.heights();
    return Math.max(0, Math.min(y, Math.max(0, content - plot)));
  };

  const onWheel = (ev: WheelEvent): void => {
    ev.preventDefault();
    const v = host.view();
    const { px } = local(ev);
    const scale = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1;
    const dx = ev.deltaX * scale;
    const dy = ev.deltaY * scale;
    const { content, plot } = host.heights();
    if (ev.ctrlKey || ev.metaKey || (!ev.shiftKey && Math.abs(dy) >= Math.abs(dx) && content <= plot)) {
      host.setView(zoomAt(v, Math.max(0, px), Math.exp(dy * 0.0025)), host.scrollY());
    } else if (ev.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      host.setView(panBy(v, -(ev.shiftKey ? dy || dx : dx)), host.scrollY());
    } else {
      host.setView(v, clampScroll(host.scrollY() + dy));
    }
  };

  const onDown = (ev: PointerEvent): void => {
    if (ev.button !== 0) return;
    canvas.focus();
    drag = { x: ev.clientX, y: ev.clientY, moved: false, id: ev.pointerId };
    canvas.setPointerCapture(ev.pointerId);
  };
  const onMove = (ev: PointerEvent): void => {
    if (drag) {
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true;
      drag.x = ev.clientX;
      drag.y = ev.clientY;
      canvas.style.cursor = 'grabbing';
      host.setView(panBy(host.view(), dx), clampScroll(host.scrollY() - dy));
      host.leave();
      return;
    }
    const { px, cy } = local(ev);
    host.hover(px, cy, ev.clientX, ev.clientY);
  };
  const onUp = (ev: PointerEvent): void => {
    if (!drag) return;
    const wasDrag = drag.moved;
    if (canvas.hasPointerCapture(drag.id)) canvas.releasePointerCapture(drag.id);
    drag = undefined;
    canvas.style.cursor = '';
    if (!wasDrag) {
      const { px, cy } = local(ev);
      if (px >= 0) host.click(px, cy);
    }
  };
  const onKey = (ev: KeyboardEvent): void => {
    const v = host.view();
    const mid = v.width / 2;
    const step = v.width * 0.15;
    let handled = true;
    switch (ev.key) {
      case 'w': case 'W': case '+': case '=': host.setView(zoomAt(v, mid, 1 / ZOOM_STEP), host.scrollY()); break;
      case 's': case 'S': case '-': case '_': host.setView(zoomAt(v, mid, ZOOM_STEP), host.scrollY()); break;
      case 'a': case 'A': case 'ArrowLeft': host.setView(panBy(v, step), host.scrollY()); break;
      case 'd': case 'D': case 'ArrowRight': host.setView(panBy(v, -step), host.scrollY()); break;
      case 'ArrowUp': host.setView(v, clampScroll(host.scrollY() - 40)); break;
      case 'ArrowDown': host.setView(v, clampScroll(host.scrollY() + 40)); break;
      case 'f': case 'F': case '0': case 'Home': host.fitAll(); break;
      default: handled = false;
    }
    if (handled) ev.preventDefault();
  };
  const onLeave = (): void => host.leave();

  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('keydown', onKey);
  return () => {
    canvas.removeEventListener('wheel', onWheel);
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointerleave', onLeave);
    canvas.removeEventListener('keydown', onKey);
  };
}
