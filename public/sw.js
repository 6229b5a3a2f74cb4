/* Communs — service worker (EUPL-1.2).
 * Precaches every file of the build on install (the list and the version are
 * written by `cargo xtask dist`), then answers from the cache first, so the
 * app works with no network after the first visit. Navigations to a page that
 * is not cached fall back to the app's entry page. It only ever talks to the
 * app's own origin.
 */
'use strict';
var VERSION = "%VERSION%";
var CACHE = 'communs-' + VERSION;
var PRECACHE = [] /* %PRECACHE% */;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(PRECACHE.map(function (p) { return new Request(p, { cache: 'reload' }); }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) {
        return k.indexOf('communs-') === 0 && k !== CACHE;
      }).map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(req, { ignoreSearch: req.mode === 'navigate' }).then(function (hit) {
        if (hit) return hit;
        return fetch(req).catch(function (err) {
          if (req.mode === 'navigate') {
            return cache.match(new URL('./', self.registration.scope).href).then(function (page) {
              return page || Promise.reject(err);
            });
          }
          return Promise.reject(err);
        });
      });
    })
  );
});
