/**
 * The service worker's source, generated at build time with the exact list of built files: after the first visit the
 * app opens and works with the network off. A new version installs in the background and waits; the page asks the
 * user before switching to it (never in the middle of an edit).
 *
 * Plain JavaScript in a string because it is emitted as its own file, outside the app bundle.
 */
export function serviceWorkerSource(version: string, files: readonly string[]): string {
  return `// 三清单 offline cache, version ${version}
const CACHE = ${JSON.stringify(`sanqingdan-${version}`)};
const FILES = ${JSON.stringify(files)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sanqingdan-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// the app's own files from the cache (ignoring Vary: module scripts are requested with an Origin header the
// cached copies were not); a page request falls back to the cached index.html when offline
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('./index.html', { ignoreSearch: true, ignoreVary: true })));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(request)));
});
`;
}
