// Reflow (WCAG 1.4.10, RGAA 10.11) at 320 CSS px, where a phone user or a
// 400 % zoom starts: every entry page of dist/ (each static route and each
// lesson, as listed in the service worker's precache list, which `xtask dist`
// writes from `core::routes` and `lecons/index.json`) must not scroll
// sideways, and passes axe (WCAG and best practices) at that width.
// The guard itself is proven by the harness self-tests (reflow-violation.html).

import assert from 'node:assert/strict';

/** The entry pages of the served dist/ (`./`, `parcours/`, `lecon/<id>/`…), from its sw.js. */
export async function entryPages(ctx) {
  const res = await ctx.context.request.get(ctx.url('sw.js'));
  assert.equal(res.status(), 200, 'sw.js');
  const pages = [...(await res.text()).matchAll(/"((?:[a-z0-9-]+\/)*|\.\/)"/g)].map((m) => (m[1] === './' ? '' : m[1]));
  return [...new Set(pages)];
}

export const tests = [
  {
    name: 'reflow: chaque page et chaque leçon à 320 px, sans défilement horizontal',
    viewport: 'reflow',
    timeout: 120_000,
    run: async (ctx) => {
      const pages = await entryPages(ctx);
      const index = await (await ctx.context.request.get(ctx.url('lecons/index.json'))).json();
      for (const l of index.lessons) assert.ok(pages.includes(`lecon/${l.id}/`), `lecon/${l.id}/ absente des pages d’entrée`);
      assert.ok(pages.includes('') && pages.includes('parcours/'), `pages d’entrée : ${pages.join(', ')}`);
      const problems = [];
      const live = new Set(index.lessons.map((l) => `lecon/${l.id}/`));
      for (const p of pages) {
        // A retired lesson id's page only leads on to its new place (retired.spec.mjs checks it).
        if (p.startsWith('lecon/') && !live.has(p)) continue;
        await ctx.goto(p);
        await ctx.page.locator('main h1').first().waitFor({ state: 'visible' });
        if (p.startsWith('lecon/')) {
          const id = p.split('/')[1];
          const lesson = await (await ctx.context.request.get(ctx.url(`lecons/${id}.json`))).json();
          const n = lesson.activities.length;
          await ctx.waitFor(async () => (await ctx.page.locator('[data-testid="activite"]').count()) === n, {
            message: `${n} activités montées dans « ${id} »`,
          });
        }
        await ctx.screenshot(p ? p.replace(/\/$/, '') : 'accueil');
        for (const check of [ctx.checkReflow, ctx.checkA11y]) {
          try {
            await check(`/${p}`);
          } catch (e) {
            problems.push(e.message);
          }
        }
      }
      assert.equal(problems.length, 0, `${problems.length} problème(s) à 320 px :\n${problems.join('\n')}`);
    },
  },
];
