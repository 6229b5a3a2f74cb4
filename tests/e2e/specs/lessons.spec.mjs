// Lessons: the catalogue (/parcours) with its filters, a lesson page
// (/lecon/<id>) with its table of contents, glossary, in-app links, deep links
// from a fresh tab, « mark as done » reflected in the catalogue, and the print
// view. The lessons are read from the served `lecons/index.json`, so new
// lessons join these tests without new test code.
// Guards (console, network, axe, cookies, final screenshot) are applied by the harness.

import assert from 'node:assert/strict';
import { createProfile, openProfiles } from './profiles.spec.mjs';

const BOTH = ['root', 'subpath'];
const CARD = '[data-testid="carte-lecon"]';
const COUNT = '[data-testid="compte-lecons"]';

async function index(ctx) {
  const res = await ctx.context.request.get(ctx.url('lecons/index.json'));
  assert.equal(res.status(), 200, 'lecons/index.json');
  return res.json();
}

async function openCatalogue(ctx, query = '') {
  await ctx.goto(`parcours/${query}`);
  await ctx.page.locator('[data-testid="page-parcours"] ' + COUNT).waitFor({ state: 'visible' });
}

async function cardIds(page) {
  return page.locator(CARD).evaluateAll((els) => els.map((e) => e.getAttribute('data-lecon')));
}

async function openLesson(ctx, id) {
  await ctx.goto(`lecon/${id}/`);
  await ctx.page.locator(`[data-testid="lecon"][data-lecon="${id}"]`).waitFor({ state: 'visible' });
}

export const tests = [
  {
    name: 'leçons: le parcours liste chaque leçon de l’index, groupée par module',
    bases: BOTH,
    run: async (ctx) => {
      const idx = await index(ctx);
      await openCatalogue(ctx);
      const ids = await cardIds(ctx.page);
      assert.deepEqual([...ids].sort(), idx.lessons.map((l) => l.id).sort());
      const count = (await ctx.page.locator(COUNT).innerText()).replace(/\s+/g, ' ');
      assert.equal(count, `${idx.lessons.length} leçons`);
      for (const l of idx.lessons) {
        const card = ctx.page.locator(`${CARD}[data-lecon="${l.id}"]`);
        const title = (await card.locator('h4').innerText()).replace(/\s+/g, ' ');
        assert.equal(title, l.title.replace(/\s+/g, ' '));
        await ctx.expectText(card.locator('[data-testid="statut-lecon"]'), 'Pas commencée');
      }
      assert.equal(await ctx.page.locator('[data-testid="module"]').count(), new Set(idx.lessons.map((l) => l.module)).size);
      await ctx.screenshot('parcours');
    },
  },
  {
    name: 'leçons: filtres par public, compétence et recherche, gardés dans l’adresse',
    bases: BOTH,
    run: async (ctx) => {
      const idx = await index(ctx);
      const { page } = ctx;
      await openCatalogue(ctx);
      // Audience
      await page.getByLabel('Public', { exact: true }).selectOption('cycle3');
      const cycle3 = idx.lessons.filter((l) => l.audience === 'cycle3').map((l) => l.id).sort();
      await ctx.waitFor(async () => JSON.stringify((await cardIds(page)).sort()) === JSON.stringify(cycle3), { message: 'filtre cycle 3' });
      assert.match(page.url(), /[?&]public=cycle3/);
      await ctx.checkA11y('parcours filtré');
      // The filter survives a fresh page (it is in the query string).
      await openCatalogue(ctx, '?public=cycle3');
      assert.deepEqual((await cardIds(page)).sort(), cycle3);
      assert.equal(await page.getByLabel('Public', { exact: true }).inputValue(), 'cycle3');
      // Competence
      await page.getByRole('button', { name: 'Effacer les filtres' }).click();
      const code = idx.lessons[0].crcn[0].code;
      await page.getByLabel('Compétence', { exact: true }).selectOption(code);
      const withCode = idx.lessons.filter((l) => l.crcn.some((c) => c.code === code)).map((l) => l.id).sort();
      await ctx.waitFor(async () => JSON.stringify((await cardIds(page)).sort()) === JSON.stringify(withCode), { message: `filtre ${code}` });
      // Search, accents and case ignored
      await page.getByRole('button', { name: 'Effacer les filtres' }).click();
      await page.getByLabel('Rechercher', { exact: true }).fill('LICENCE');
      await ctx.waitFor(async () => {
        const ids = await cardIds(page);
        return ids.length > 0 && ids.every((id) => {
          const l = idx.lessons.find((x) => x.id === id);
          return `${l.title} ${l.summary} ${l.keywords.join(' ')}`.toLowerCase().includes('licence');
        });
      }, { message: 'recherche « licence »' });
      await page.getByLabel('Rechercher', { exact: true }).fill('zzzz introuvable');
      await ctx.expectText(COUNT, 'Aucune leçon');
      await ctx.screenshot('parcours-aucun-resultat');
    },
  },
  {
    name: 'leçons: de l’accueil au parcours, ouvrir une leçon, sommaire et glossaire au clavier',
    run: async (ctx) => {
      const { page } = ctx;
      await ctx.goto('');
      await page.getByRole('link', { name: 'Voir les leçons' }).click();
      await page.locator('[data-testid="page-parcours"] ' + COUNT).waitFor({ state: 'visible' });
      // After an in-app navigation the keyboard focus is on the new page's main content.
      await ctx.waitFor(async () => (await ctx.focused())?.id === 'contenu', { message: 'focus sur main#contenu' });
      await page.locator(`${CARD}[data-lecon="communs-numeriques"] h4 a`).click();
      await page.locator('[data-testid="lecon"][data-lecon="communs-numeriques"]').waitFor();
      assert.ok(page.url().endsWith('/lecon/communs-numeriques'), page.url());
      await ctx.expectText('h1', 'Les communs numériques');
      // Table of contents: every entry leads to a heading of the text, with the focus.
      const toc = page.locator('[data-testid="sommaire"]');
      const links = toc.locator('a[data-section]');
      assert.ok((await links.count()) >= 3, 'sommaire');
      const second = links.nth(1);
      const target = await second.getAttribute('data-section');
      assert.equal(await page.locator(`[data-testid="lecon-corps"] #${target}`).count(), 1, `titre #${target}`);
      await second.focus();
      await page.keyboard.press('Enter');
      await ctx.waitFor(async () => (await ctx.focused())?.id === target, { message: `focus sur #${target}` });
      assert.ok(page.url().endsWith(`#${target}`), page.url());
      // Glossary: a disclosure opened with the keyboard, not a hover tooltip.
      const term = page.locator('[data-testid="lecon-corps"] details.glossaire').first();
      await term.locator('summary').focus();
      await page.keyboard.press('Enter');
      assert.equal(await term.evaluate((d) => d.open), true, 'la définition s’ouvre');
      assert.ok((await term.locator('span').innerText()).length > 10, 'définition visible');
      await ctx.checkA11y('leçon, glossaire ouvert');
      // À retenir, sources, licence
      assert.ok((await page.locator('[data-testid="a-retenir"] .a-retenir-bloc').count()) >= 1, 'À retenir');
      await ctx.expectText('.sources h2', 'Sources');
      await ctx.expectText('.credits', 'CC BY-SA 4.0');
    },
  },
  {
    name: 'leçons: lien profond vers une leçon depuis une page neuve, et leçon inconnue',
    bases: BOTH,
    // The browser itself logs the 404 of the unknown lesson's file.
    expectConsole: [/Failed to load resource.*404/],
    run: async (ctx) => {
      const idx = await index(ctx);
      const first = idx.lessons[0];
      await openLesson(ctx, first.id);
      await ctx.expectText('h1', first.title);
      assert.equal(await ctx.page.title(), `${first.title} · Communs`);
      // An id no build knows: the app says so in French (reached by the router, as a stale link would be).
      await ctx.page.evaluate((href) => {
        history.pushState(null, '', href);
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }, ctx.url('lecon/lecon-qui-n-existe-pas'));
      await ctx.expectText('[data-testid="erreur-contenu"]', 'Cette leçon n’existe pas');
    },
  },
  {
    name: 'leçons: un lien « lecon: » du texte mène à l’autre leçon dans l’application',
    bases: BOTH,
    run: async (ctx) => {
      await openLesson(ctx, 'communs-numeriques');
      const link = ctx.page.locator('[data-testid="lecon-corps"] a[data-lecon="licences-creative-commons"]').first();
      assert.equal(await link.getAttribute('href'), new URL(ctx.url('lecon/licences-creative-commons')).pathname);
      await link.click();
      await ctx.page.locator('[data-testid="lecon"][data-lecon="licences-creative-commons"]').waitFor();
      await ctx.expectText('h1', 'licences Creative Commons');
    },
  },
  {
    name: 'leçons: « J’ai terminé cette leçon » se voit dans le parcours',
    run: async (ctx) => {
      const { page } = ctx;
      await openProfiles(ctx);
      await createProfile(ctx, 'Loutre curieuse');
      await openLesson(ctx, 'droit-auteur-cycle3');
      await ctx.expectText('[data-testid="lecon"] [data-testid="statut-lecon"]', 'En cours');
      await page.getByRole('button', { name: 'J’ai terminé cette leçon' }).click();
      await ctx.expectText('[data-testid="lecon-terminee"]', 'Leçon terminée');
      await ctx.checkA11y('leçon terminée');
      await page.locator('nav[aria-label="Navigation principale"]').getByRole('link', { name: 'Parcours' }).click();
      const card = page.locator(`${CARD}[data-lecon="droit-auteur-cycle3"]`);
      await ctx.expectText(card.locator('[data-testid="statut-lecon"]'), 'Terminée');
      // Another lesson opened only: in progress.
      await openLesson(ctx, 'droit-auteur');
      await openCatalogue(ctx);
      await ctx.expectText(page.locator(`${CARD}[data-lecon="droit-auteur"] [data-testid="statut-lecon"]`), 'En cours');
      await ctx.expectText(page.locator(`${CARD}[data-lecon="droit-auteur-cycle3"] [data-testid="statut-lecon"]`), 'Terminée');
      // Finished stays finished after a reload.
      await openLesson(ctx, 'droit-auteur-cycle3');
      await ctx.expectText('[data-testid="lecon-terminee"]', 'Leçon terminée');
    },
  },
  {
    name: 'leçons: vue d’impression (sans navigation ni réponses) et largeur téléphone',
    run: async (ctx) => {
      const { page } = ctx;
      await openLesson(ctx, 'communs-numeriques');
      await ctx.setViewport('phone');
      await ctx.screenshot('lecon-telephone');
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
      assert.ok(scroll <= width, `la leçon déborde au téléphone : ${scroll} px pour ${width} px`);
      await ctx.setViewport('desktop');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('nav[aria-label="Navigation principale"]').isVisible(), false, 'navigation masquée');
      assert.equal(await page.locator('[data-testid="sommaire"]').isVisible(), false, 'sommaire masqué');
      const buttons = page.locator('[data-testid="lecon-corps"] button');
      for (let i = 0; i < (await buttons.count()); i++) {
        assert.equal(await buttons.nth(i).isVisible(), false, 'pas de bouton à l’impression');
      }
      await ctx.expectText('h1', 'Les communs numériques');
      await page.screenshot({ path: `${process.env.E2E_ARTIFACTS || 'tests/e2e/artifacts'}/lecon-impression.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    },
  },
];
