/* Communs — starts the WebAssembly app (EUPL-1.2). Loaded by boot.js. */
import init from './communs.js';

init({ module_or_path: new URL('communs_bg.wasm', import.meta.url) }).catch(function (err) {
  // A browser without 'wasm-unsafe-eval' in its CSP support, or a broken
  // download, ends here: say so in French instead of a blank page.
  console.warn('Communs n’a pas pu démarrer :', err);
  if (window.communsTooOld) window.communsTooOld();
});
