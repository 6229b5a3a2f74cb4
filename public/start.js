/* Communs — starts the WebAssembly app (EUPL-1.2). Loaded by boot.js.
 * `cargo xtask dist` writes the folder of the build (app-<id>/) in place of
 * %APP%: the bindings, the split loader and every chunk of one build live
 * there together, so a page never mixes two builds. */
import init from './%APP%/communs.js';

init({ module_or_path: new URL('./%APP%/communs_bg.wasm', import.meta.url) }).catch(function (err) {
  // A browser without 'wasm-unsafe-eval' in its CSP support, or a broken
  // download, ends here: say so in French instead of a blank page.
  console.warn('Communs n’a pas pu démarrer :', err);
  if (window.communsTooOld) window.communsTooOld();
});
