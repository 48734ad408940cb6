import { useSyncExternalStore } from 'react';

/** The grid's text zoom, in percent: remembered in this browser, like a spreadsheet's zoom. */
const KEY = 'sanqingdan.gridZoom.v1';
export const ZOOM_STEPS = [70, 80, 90, 100, 110, 125, 150, 175, 200] as const;
export const DEFAULT_ZOOM = 100;

function read(): number {
  try {
    const v = Number(localStorage.getItem(KEY));
    return (ZOOM_STEPS as readonly number[]).includes(v) ? v : DEFAULT_ZOOM;
  } catch {
    return DEFAULT_ZOOM;
  }
}

let zoom = typeof localStorage === 'undefined' ? DEFAULT_ZOOM : read();
const listeners = new Set<() => void>();

export const getZoom = (): number => zoom;

export function setZoom(next: number): void {
  const snapped = ZOOM_STEPS.reduce((best, s) => (Math.abs(s - next) < Math.abs(best - next) ? s : best), DEFAULT_ZOOM as number);
  if (snapped === zoom) return;
  zoom = snapped;
  try {
    localStorage.setItem(KEY, String(zoom));
  } catch {
    // not remembered, still applied
  }
  for (const l of listeners) l();
}

/** One step in or out (+1 / -1). */
export function stepZoom(direction: 1 | -1): void {
  const i = ZOOM_STEPS.indexOf(zoom as (typeof ZOOM_STEPS)[number]);
  const next = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, (i < 0 ? ZOOM_STEPS.indexOf(DEFAULT_ZOOM) : i) + direction))]!;
  setZoom(next);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useZoom = (): number => useSyncExternalStore(subscribe, getZoom);

/** Ctrl+wheel over `el` zooms the grid's text instead of the page. */
export function zoomOnCtrlWheel(el: HTMLElement): () => void {
  const onWheel = (e: WheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    if (e.deltaY !== 0) stepZoom(e.deltaY < 0 ? 1 : -1);
  };
  el.addEventListener('wheel', onWheel, { passive: false });
  return () => el.removeEventListener('wheel', onWheel);
}
