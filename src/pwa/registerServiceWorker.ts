import { useSyncExternalStore } from 'react';

/**
 * Registers the service worker (built app only) and tracks whether a new version is waiting. Switching to it reloads
 * the page, so it happens only when the user asks; a first install (which also takes control) never reloads.
 */
let applyUpdate: (() => void) | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  let userAsked = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (userAsked) location.reload();
  });
  const offer = (waiting: ServiceWorker) => {
    applyUpdate = () => {
      userAsked = true;
      waiting.postMessage('skip-waiting');
    };
    changed();
  };
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .then((reg) => {
        if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const w = reg.installing;
          w?.addEventListener('statechange', () => {
            if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
          });
        });
      })
      .catch((e: unknown) => console.warn('离线缓存不可用：', e));
  });
}

export function useUpdateAvailable(): (() => void) | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => applyUpdate,
  );
}
