/* Communs — boot script (EUPL-1.2).
 * Loaded by every entry page with a relative URL, so the folder it comes from
 * is the app's root whatever page opened first: it stores that path in
 * <html data-base>, where the app's router reads it. Then it loads the
 * WebAssembly app through start.js. Written in ES5 so that an old browser can
 * still run it and say, in French, that it is too old.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var root = script && script.src ? script.src.replace(/[^\/]*$/, '') : '';
  var a = document.createElement('a');
  a.href = root;
  document.documentElement.setAttribute('data-base', a.pathname);
  // The app changes the address without reloading: pin the head's relative
  // links (icon, manifest) to absolute URLs so they do not re-resolve from
  // the new address under a sub-path.
  var links = document.querySelectorAll('link[href]');
  for (var i = 0; i < links.length; i++) {
    links[i].setAttribute('href', links[i].href);
  }

  function tooOld() {
    var msg = document.getElementById('demarrage-message');
    if (msg) {
      msg.textContent = 'Navigateur trop ancien : Communs a besoin de Chrome ou Edge 97, ' +
        'Firefox 102, Safari 16 ou d’une version plus récente. Demande à la personne ' +
        'qui s’occupe du numérique dans ton école de mettre le navigateur à jour.';
      msg.className = 'demarrage-erreur';
    }
  }
  window.communsTooOld = tooOld;

  var supportsModules = 'noModule' in document.createElement('script');
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function' || !supportsModules || !root) {
    tooOld();
    return;
  }
  var s = document.createElement('script');
  s.type = 'module';
  s.src = root + 'start.js';
  s.onerror = tooOld;
  document.head.appendChild(s);

  // Offline after the first visit: the service worker precaches the app.
  if ('serviceWorker' in navigator && window.isSecureContext) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register(root + 'sw.js', { scope: root }).catch(function (err) {
        console.warn('Communs : mode hors ligne indisponible', err);
      });
    });
  }
}());
