// Code split by page (`src/app/split.rs`, `xtask/src/split.rs`): each page's
// code is a wasm chunk under `app-<build id>/`, fetched when the page first
// shows. A deep link preloads its page's chunks from the entry page's head,
// so the split loader reuses those downloads instead of asking again. A chunk
// that fails to arrive (network cut in the middle of a visit) shows a French
// message with « Réessayer », and the retry loads the page.
// The service worker is kept out of these tests (its script request is
// aborted): once it has cached the app, chunks never reach the network, and
// the failure under test is the one of a visit before that.
// Guards (console, network, axe on the final page, cookies) are applied by the harness.

import assert from 'node:assert/strict';

const BOTH = ['root', 'subpath'];
// what Chromium logs when the service worker's script is refused
const NO_SW = 'An unknown error occurred when fetching the script.';
const CHUNK = /\/app-[0-9a-f]{16}\/(split_[a-z_]+|chunk_\d+)\.wasm$/;

/** Keeps the service worker from installing, so chunk requests go to the network. */
async function withoutServiceWorker(ctx) {
  await ctx.context.route(/\/sw\.js$/, (route) => route.abort());
}

/** The chunk files the browser asked for, by name, with their count. */
function chunkRequests(ctx) {
  const seen = new Map();
  ctx.page.on('request', (req) => {
    const m = req.url().match(CHUNK);
    if (m) seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
  });
  return seen;
}

/** The chunks an entry page preloads, from its head. */
async function preloadedChunks(ctx, path) {
  const res = await ctx.context.request.get(ctx.url(path));
  const html = await res.text();
  return [...html.matchAll(/<link rel="preload" href="[^"]*\/((?:split_[a-z_]+|chunk_\d+))\.wasm" as="fetch" crossorigin>/g)].map(
    (m) => m[1],
  );
}

export const tests = [
  {
    name: 'découpage: un lien profond vers une leçon précharge ses morceaux et ne les demande qu’une fois',
    bases: BOTH,
    expectConsole: [NO_SW],
    run: async (ctx) => {
      await withoutServiceWorker(ctx);
      const preloaded = await preloadedChunks(ctx, 'lecon/essai-activites/');
      assert.ok(preloaded.includes('split_lesson'), `préchargés : ${preloaded.join(', ')}`);
      const seen = chunkRequests(ctx);
      await ctx.goto('lecon/essai-activites/');
      await ctx.page.locator('[data-testid="lecon"][data-lecon="essai-activites"]').waitFor({ state: 'visible' });
      await ctx.page.locator('[data-testid="activite"]').first().waitFor({ state: 'visible' });
      for (const name of preloaded) {
        assert.equal(seen.get(name), 1, `${name} demandé ${seen.get(name) ?? 0} fois`);
      }
      const extra = [...seen.keys()].filter((n) => !preloaded.includes(n));
      assert.deepEqual(extra, [], 'morceaux demandés sans préchargement');
    },
  },
  {
    name: 'découpage: un morceau qui ne se charge pas affiche « Réessayer », qui charge la page',
    bases: BOTH,
    // the refused service worker, the cut request, and the split loader's report of it
    expectConsole: [NO_SW, /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/, /^TypeError: Failed to fetch/],
    run: async (ctx) => {
      await withoutServiceWorker(ctx);
      const { page } = ctx;
      await ctx.goto('');
      await page.locator('[data-testid="page-accueil"]').waitFor({ state: 'visible' });
      // the catalogue's own chunk: cut the first request, let the next ones through
      let aborted = 0;
      let passed = 0;
      await page.route(/\/split_catalogue\.wasm$/, (route) => {
        if (aborted === 0) {
          aborted += 1;
          return route.abort('internetdisconnected');
        }
        passed += 1;
        return route.continue();
      });
      await page.locator('[data-testid="accueil-parcours"]').click();
      const failed = page.locator('[data-testid="chargement-echoue"]');
      await failed.waitFor({ state: 'visible' });
      await ctx.expectText(failed, /Cette page n’a pas pu être chargée/);
      assert.equal(await failed.getAttribute('role'), 'alert');
      assert.equal(aborted, 1);
      // the app is still alive: its header and navigation answer
      await ctx.expectText('[data-testid="entete"]', 'Communs');
      await ctx.checkA11y('message d’échec du chargement');
      await ctx.screenshot('echec');
      await page.getByRole('button', { name: 'Réessayer' }).click();
      await page.locator('[data-testid="page-parcours"]').waitFor({ state: 'visible' });
      await ctx.expectText('h1', /./);
      assert.equal(passed, 1, 'le nouvel essai a redemandé le morceau');
      assert.equal(await failed.count(), 0, 'le message a disparu');
    },
  },
];
