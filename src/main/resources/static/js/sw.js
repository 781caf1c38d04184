// chibo's service worker (served as /sw.js so that it looks after every page).
// Offline, a member can still read the pages kept here: the start page, the meetings opened (their agenda)
// and the documents shared with them, as last seen online. Everything else, and every change (checking
// in among them), needs a connection: then the offline page says so. The pages kept are the signed-in
// member's own: the login page asks to forget them (see pwa.js).
const PAGES = 'chibo-pages-v1';
const ASSETS = 'chibo-assets-v1';
const OFFLINE = '/offline';
const KEPT = /^\/(meetings\/\d+(\/documents\/\d+(\/read)?)?)?$/;
const STATIC = /^\/(assets|webjars)\//;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(PAGES).then((cache) => cache.add(OFFLINE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

const keep = (request, response) => {
  if (response.ok && !response.redirected && response.type === 'basic') {
    const copy = response.clone();
    caches.open(PAGES).then((cache) => cache.put(request, copy));
  }
  return response;
};

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method === 'POST' && url.pathname === '/check-in') {
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
    return;
  }
  if (request.method !== 'GET') {
    return;
  }
  // Styles and scripts: from the network while online (so a new version arrives at once), the copy
  // kept when offline.
  if (STATIC.test(url.pathname)) {
    event.respondWith(fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(ASSETS).then((cache) => cache.put(request, copy));
      }
      return response;
    }).catch(() => caches.match(request)));
    return;
  }
  if (KEPT.test(url.pathname) && !url.search && !request.headers.get('HX-Request')) {
    event.respondWith(fetch(request).then((response) => keep(request, response))
        .catch(() => caches.match(request).then((hit) => hit || caches.match(OFFLINE))));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
  }
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (Array.isArray(data.keep)) {
    event.waitUntil(caches.open(PAGES).then((cache) => Promise.all(data.keep
        .filter((path) => KEPT.test(new URL(path, self.location.origin).pathname))
        .map((path) => fetch(path, { credentials: 'same-origin' })
            .then((response) => response.ok && !response.redirected ? cache.put(path, response) : null)
            .catch(() => null))))
        .then(() => event.source && event.source.postMessage({ kept: data.keep.length })));
  }
  if (data.forget) {
    event.waitUntil(caches.delete(PAGES).then(() => caches.open(PAGES)).then((cache) => cache.add(OFFLINE)));
  }
});
