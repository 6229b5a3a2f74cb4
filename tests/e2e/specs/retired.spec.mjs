// Retired lesson ids: the test lessons' modules.toml
// (core/tests/fixtures/test-lessons, served with --extra-lessons) declares
// `[[lecons-retirees]] id = "ancien-essai", vers = "essai-activites#questions-a-choix"`.
// `cargo xtask dist` writes `lecon/ancien-essai/index.html`: no script, the
// app's CSP, a `<meta http-equiv="refresh">` and a visible link, with relative
// URLs. Opening the old address lands on the new lesson, at the root and
// under the sub-path; the page itself, kept from leading on, shows a link
// that works and passes axe.
// Guards (console, network, axe on the final page, cookies) are applied by the harness.

import assert from 'node:assert/strict';

const OLD = 'ancien-essai';
const NEW = 'essai-activites';
const ANCHOR = 'questions-a-choix';
const TARGET = `../../lecon/${NEW}/#${ANCHOR}`;

/** The old page as served, and the CSP line of the app's own entry page. */
async function pages(ctx) {
  const old = await ctx.context.request.get(ctx.url(`lecon/${OLD}/`));
  assert.equal(old.status(), 200, `lecon/${OLD}/`);
  const home = await ctx.context.request.get(ctx.url(''));
  const csp = (await home.text()).split('\n').find((l) => l.includes('Content-Security-Policy'));
  assert.ok(csp, 'the entry page has a CSP meta');
  return { html: await old.text(), csp };
}

/** The title of the new lesson, from the served index. */
async function newTitle(ctx) {
  const res = await ctx.context.request.get(ctx.url('lecons/index.json'));
  const lesson = (await res.json()).lessons.find((l) => l.id === NEW);
  assert.ok(lesson, `${NEW} in lecons/index.json`);
  return lesson.title;
}

async function expectNewLesson(ctx, title) {
  await ctx.page.waitForURL(ctx.url(`lecon/${NEW}/#${ANCHOR}`), { timeout: 10_000 });
  await ctx.page.locator(`[data-testid="lecon"][data-lecon="${NEW}"]`).waitFor({ state: 'visible' });
  assert.equal((await ctx.page.locator('h1').first().innerText()).trim(), title);
}

export const tests = [
  {
    name: 'leçons retirées: l’ancienne adresse mène à la nouvelle leçon, sans script',
    bases: ['root', 'subpath'],
    run: async (ctx) => {
      const { html, csp } = await pages(ctx);
      assert.ok(html.includes(`<meta http-equiv="refresh" content="0; url=${TARGET}">`), html);
      assert.ok(html.includes(`<a href="${TARGET}" data-testid="lecon-deplacee">`), html);
      assert.ok(html.includes(csp), `same CSP as the app: ${csp}`);
      assert.ok(!/<script/i.test(html), 'no script');
      assert.ok(!/(href|src|url)=\//.test(html), 'relative URLs only');
      const title = await newTitle(ctx);
      await ctx.goto(`lecon/${OLD}/`);
      await expectNewLesson(ctx, title);
      await ctx.screenshot('arrivee');
    },
  },
  {
    name: 'leçons retirées: la page d’étape montre un lien qui mène à la leçon',
    bases: ['root', 'subpath'],
    run: async (ctx) => {
      const { html } = await pages(ctx);
      const title = await newTitle(ctx);
      const still = html.replace(/<meta http-equiv="refresh"[^>]*>\n?/, '');
      assert.notEqual(still, html, 'the refresh line was found');
      // the same page, kept from leading on by itself, to read and use it
      await ctx.page.route(ctx.url(`lecon/${OLD}/`), (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: still }),
      );
      await ctx.goto(`lecon/${OLD}/`);
      const link = ctx.page.getByRole('link', { name: title });
      await link.waitFor({ state: 'visible' });
      await ctx.expectText('h1', 'Cette leçon a changé d’adresse');
      await ctx.checkA11y('page d’étape');
      await ctx.screenshot('etape');
      await link.click();
      await expectNewLesson(ctx, title);
    },
  },
];
