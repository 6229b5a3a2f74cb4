// The app shell: home page, deep links at the root and under a sub-path,
// unknown routes, skip link, layouts at phone / desktop / projector widths.
// Guards (console, network, axe, cookies, final screenshot) are applied by the harness.

import assert from 'node:assert/strict';

const ENTETE = '[data-testid="entete"]';
const NAV = 'nav[aria-label="Navigation principale"]';
const BOTH = ['root', 'subpath'];

/** Load `path` in a fresh page and wait until the app has mounted its shell. */
async function openApp(ctx, path = '') {
  await ctx.goto(path);
  await ctx.page.locator(ENTETE).waitFor({ state: 'visible' });
}

/** The page's single visible h1 text. */
async function h1(ctx) {
  const loc = ctx.page.locator('h1');
  await ctx.waitFor(async () => (await loc.count()) === 1 && loc.isVisible(), { message: 'un seul h1 visible' });
  return (await loc.innerText()).trim();
}

export const tests = [
  {
    name: 'shell: la page d’accueil se charge',
    bases: BOTH,
    run: async (ctx) => {
      await openApp(ctx, '');
      const { page } = ctx;
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      assert.ok((await page.title()).trim().length > 0, 'titre de document vide');
      assert.ok((await h1(ctx)).length > 0, 'h1 vide');
      await ctx.expectText(ENTETE, 'Communs');
      assert.equal(await page.locator(NAV).count(), 1, 'une seule navigation principale');
      assert.equal(await page.locator('main#contenu').count(), 1, 'main#contenu');
      await ctx.screenshot('accueil');
    },
  },
  {
    name: 'shell: lien profond vers « À propos » depuis une page neuve',
    bases: BOTH,
    run: async (ctx) => {
      await openApp(ctx, 'a-propos/');
      await ctx.expectText('h1', 'À propos');
      await ctx.expectText(ENTETE, 'Communs');
      assert.equal(await ctx.page.locator(NAV).count(), 1);
      await ctx.screenshot('a-propos');
    },
  },
  {
    name: 'shell: lien profond « a-propos » sans barre finale',
    bases: BOTH,
    run: async (ctx) => {
      await openApp(ctx, 'a-propos');
      await ctx.expectText('h1', 'À propos');
      assert.ok(ctx.page.url().startsWith(ctx.url('a-propos')), `adresse finale : ${ctx.page.url()}`);
    },
  },
  {
    name: 'shell: la navigation principale mène à « À propos » et revient à l’accueil',
    bases: BOTH,
    run: async (ctx) => {
      await openApp(ctx, '');
      const accueil = await h1(ctx);
      const nav = ctx.page.locator(NAV);
      await nav.getByRole('link', { name: 'À propos' }).click();
      await ctx.expectText('h1', 'À propos');
      assert.ok(ctx.page.url().startsWith(ctx.url('a-propos')), `adresse après clic : ${ctx.page.url()}`);
      await ctx.checkA11y('à propos (navigation interne)');
      await ctx.page.goBack();
      await ctx.expectText('h1', accueil);
      assert.equal(ctx.page.url(), ctx.url(''));
    },
  },
  {
    name: 'shell: une route inconnue affiche « Page introuvable » et un lien vers l’accueil',
    bases: BOTH,
    run: async (ctx) => {
      await openApp(ctx, '');
      const accueil = await h1(ctx);
      // A static host has no rewrite rule: unknown addresses are reached by the
      // app's own router (client-side navigation), as after a stale link.
      await ctx.page.evaluate((href) => {
        history.pushState(null, '', href);
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }, ctx.url('cette-page-n-existe-pas'));
      await ctx.expectText('h1', 'Page introuvable');
      await ctx.checkA11y('page introuvable');
      await ctx.screenshot('introuvable');
      const retour = ctx.page.locator('main').getByRole('link', { name: /accueil/i });
      assert.equal(await retour.count(), 1, 'un lien vers l’accueil dans le contenu');
      await retour.click();
      await ctx.expectText('h1', accueil);
      assert.equal(ctx.page.url(), ctx.url(''));
    },
  },
  {
    // 404.html is for hosts that serve it at the root of a site: it is served
    // at any depth, so its asset URLs start from `/` (documented in the README).
    name: 'shell: 404.html (si le site en fournit une) affiche « Page introuvable »',
    bases: ['root'],
    run: async (ctx) => {
      // Hosts such as GitHub Pages serve /404.html for unknown addresses.
      const res = await ctx.context.request.get(ctx.url('404.html'));
      if (res.status() === 404) return; // no such page in this build: nothing to check
      await openApp(ctx, '404.html');
      await ctx.expectText('h1', 'Page introuvable');
    },
  },
  {
    name: 'shell: le premier Tab atteint « Aller au contenu » qui mène à main#contenu',
    bases: BOTH,
    run: async (ctx) => {
      await openApp(ctx, '');
      await ctx.page.keyboard.press('Tab');
      const first = await ctx.focused();
      assert.ok(first, 'aucun élément focalisé après Tab');
      assert.equal(first.tag, 'a', `premier arrêt de tabulation : ${JSON.stringify(first)}`);
      assert.equal(first.text, 'Aller au contenu');
      assert.ok(await ctx.page.locator('a:focus').isVisible(), 'le lien d’évitement doit être visible quand il a le focus');
      await ctx.screenshot('lien-evitement');
      await ctx.page.keyboard.press('Enter');
      await ctx.waitFor(async () => (await ctx.focused())?.id === 'contenu', { message: 'focus sur main#contenu' });
      assert.equal((await ctx.focused()).tag, 'main');
    },
  },
  {
    name: 'shell: captures téléphone, bureau, vidéoprojecteur',
    run: async (ctx) => {
      await openApp(ctx, '');
      for (const vp of ['phone', 'desktop', 'projector']) {
        await ctx.setViewport(vp);
        await ctx.page.locator(NAV).waitFor({ state: 'attached' });
        await ctx.checkA11y(`accueil ${vp}`);
        await ctx.screenshot(`accueil-${vp}`);
      }
      for (const vp of ['phone', 'projector']) {
        await ctx.setViewport(vp);
        await openApp(ctx, 'a-propos/');
        await ctx.checkA11y(`à propos ${vp}`);
        await ctx.screenshot(`a-propos-${vp}`);
      }
    },
  },
  {
    name: 'shell: zoom 200 % sans défilement horizontal',
    viewport: 'zoom200',
    run: async (ctx) => {
      for (const path of ['', 'a-propos/']) {
        await openApp(ctx, path);
        const { scroll, width } = await ctx.page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: document.documentElement.clientWidth,
        }));
        assert.ok(scroll <= width, `« ${path || 'accueil'} » déborde : largeur ${scroll} px pour ${width} px visibles`);
        await ctx.screenshot(`zoom200-${path || 'accueil'}`);
      }
    },
  },
];
