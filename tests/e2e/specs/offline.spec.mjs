// Offline: after a first visit, the service worker has precached the build;
// with the network cut, a deep link to a lesson and the catalogue still open.
// Guards (console, network, axe, cookies, final screenshot) are applied by the harness.

import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'hors ligne: après une première visite, leçon et parcours s’ouvrent sans réseau',
    bases: ['root', 'subpath'],
    run: async (ctx) => {
      const { page, context } = ctx;
      await ctx.goto('');
      await page.locator('[data-testid="entete"]').waitFor({ state: 'visible' });
      await ctx.waitFor(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), { message: 'service worker prêt' });
      // The worker claims the page once it has cached every file.
      await ctx.waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { message: 'page contrôlée par le service worker' });
      const index = await (await context.request.get(ctx.url('lecons/index.json'))).json();
      const lesson = index.lessons[index.lessons.length - 1];
      await context.setOffline(true);
      try {
        await ctx.goto(`lecon/${lesson.id}/`);
        await page.locator(`[data-testid="lecon"][data-lecon="${lesson.id}"]`).waitFor({ state: 'visible' });
        assert.equal((await page.locator('h1').innerText()).replace(/\s+/g, ' '), lesson.title.replace(/\s+/g, ' '));
        await ctx.goto('parcours/');
        await ctx.waitFor(async () => (await page.locator('[data-testid="carte-lecon"]').count()) === index.lessons.length, { message: 'parcours complet hors ligne' });
        await ctx.screenshot('parcours-hors-ligne');
      } finally {
        await context.setOffline(false);
      }
    },
  },
];
