// Never lose data: corrupt or foreign data at start, data from a newer
// version, storage unavailable (blocked, private mode), storage full (real
// `setItem` failure and the quota estimate), two tabs writing at once.
// Each situation is set up by an init script that runs before the app.
// Guards (console, network, axe, cookies, final screenshot) are applied by the harness.

import assert from 'node:assert/strict';
import { openProfiles, createProfile, item, snapshot, storedProfiles, exportFile, importText, download } from './profiles.spec.mjs';

const BADGE = '[data-testid="profil-actuel"]';
const MESSAGE = '[data-testid="message-profils"]';
const ACT = (id) => `[data-testid="activite"][data-activite="${id}"]`;

/** The first lesson of the build with two « vrai ou faux » activities: `{ id, acts }`. */
async function twoTrueFalse(ctx) {
  const index = await (await ctx.context.request.get(ctx.url('lecons/index.json'))).json();
  for (const { id } of index.lessons) {
    const lesson = await (await ctx.context.request.get(ctx.url(`lecons/${id}.json`))).json();
    const acts = [];
    const walk = (o) => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        if (o.type === 'vrai-faux' && typeof o.id === 'string') acts.push(o.id);
        Object.values(o).forEach(walk);
      }
    };
    walk(lesson);
    if (acts.length >= 2) return { id, acts: acts.slice(0, 2) };
  }
  return null;
}

/** Seeds localStorage once per tab (not again on reload), before the app starts. */
async function seed(page, pairs) {
  await page.addInitScript((pairs) => {
    if (sessionStorage.getItem('e2e-seme')) return;
    sessionStorage.setItem('e2e-seme', '1');
    for (const [k, v] of Object.entries(pairs)) localStorage.setItem(k, v);
  }, pairs);
}

const META_OK = JSON.stringify({
  v: 3,
  profiles: [{ id: 'Renard01', name: 'Renard roux', colour: 0, avatar: 0, created: 1_759_000_000 }],
  current: 'Renard01',
  lessons: ['droit-auteur'],
  acts: [],
});
const PROGRESS_OK = JSON.stringify({ v: 3, l: [[0, 1, 3, 1_760_000_000]] });

export const tests = [
  {
    name: 'stockage: données corrompues au démarrage — l’application démarre, explique et propose le téléchargement',
    bases: ['root', 'subpath'],
    run: async (ctx) => {
      const { page } = ctx;
      await seed(page, {
        'communs.meta': META_OK,
        'communs.p.Renard01.progress': PROGRESS_OK,
        'communs.p.Renard01.2025-10': 'ceci n’est pas une tentative {{{',
        'communs.p.zz': 'valeur étrangère',
        'autre-application': 'à ne pas toucher',
      });
      await openProfiles(ctx);
      const banner = page.getByTestId('bandeau-mis-de-cote');
      await ctx.expectText(banner, /Des données illisibles ont été mises de côté/);
      await ctx.expectText(banner, /n’ont pas été effacées/);
      await ctx.checkA11y('bandeau des données mises de côté');
      await ctx.screenshot('bandeau-mis-de-cote');
      // The rest is intact: the profile, its progress, other applications' keys.
      await ctx.expectText(BADGE, 'Renard roux');
      const after = await snapshot(page);
      assert.equal(after['communs.p.Renard01.progress'], PROGRESS_OK);
      assert.equal(after['autre-application'], 'à ne pas toucher');
      assert.deepEqual(JSON.parse(after['communs.meta']).profiles.map((p) => p.name), ['Renard roux']);
      // The raw values are kept aside, not deleted…
      const aside = Object.entries(after).filter(([k]) => k.startsWith('communs.q.'));
      assert.equal(aside.length, 2, JSON.stringify(Object.keys(after)));
      assert.ok(aside.some(([, v]) => v.includes('ceci n’est pas une tentative {{{')));
      // … and offered as a file.
      const file = await download(page, banner.getByRole('button', { name: 'Télécharger les données mises de côté' }));
      assert.match(file.name, /^communs-donnees-mises-de-cote-.*\.json$/);
      const doc = JSON.parse(file.text);
      const raws = doc.valeurs.map((v) => v.donnees);
      assert.ok(raws.includes('ceci n’est pas une tentative {{{') && raws.includes('valeur étrangère'), file.text);
      // Next start: no alarm any more, but the page still offers the download.
      await openProfiles(ctx);
      assert.equal(await page.getByTestId('bandeau-mis-de-cote').count(), 0);
      await ctx.expectText('[data-testid="section-mis-de-cote"]', /Données mises de côté/);
      assert.deepEqual(await snapshot(page), after);
    },
  },
  {
    name: 'stockage: données d’une version plus récente — lecture seule, rien n’est modifié',
    run: async (ctx) => {
      const { page } = ctx;
      const future = JSON.stringify({ v: 7, profiles: [], nouveau: true });
      await seed(page, { 'communs.meta': future });
      await openProfiles(ctx);
      await ctx.expectText('[data-testid="bandeau-lecture-seule"]', /version plus récente de Communs/);
      const form = page.locator('[data-testid="creer-profil"]');
      await form.getByLabel('Pseudonyme', { exact: true }).fill('Ours');
      await form.getByRole('button', { name: 'Créer le profil' }).click();
      await ctx.expectText('[data-testid="creer-erreur"]', /lecture seule/);
      assert.deepEqual(await snapshot(page), { 'communs.meta': future });
    },
  },
  {
    name: 'stockage: indisponible (bloqué) — l’application fonctionne en mémoire et le dit',
    bases: ['root', 'subpath'],
    run: async (ctx) => {
      const { page } = ctx;
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('Le stockage est bloqué', 'SecurityError');
          },
        });
      });
      await openProfiles(ctx);
      const banner = page.getByTestId('bandeau-memoire');
      await ctx.expectText(banner, /Tes réponses ne seront pas gardées/);
      const link = banner.getByRole('link', { name: 'Ouvrir dans un nouvel onglet' });
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.equal(await link.getAttribute('href'), page.url());
      await ctx.expectText('[data-testid="persistance"]', /en mémoire seulement/);
      // Still usable, in memory.
      await createProfile(ctx, 'Lapin');
      await createProfile(ctx, 'Chat');
      await item(page, 'Lapin').getByRole('button', { name: 'Choisir Lapin' }).click();
      await ctx.expectText(BADGE, 'Lapin');
      await ctx.checkA11y('mode mémoire');
      await ctx.screenshot('mode-memoire');
    },
  },
  {
    name: 'stockage: écriture refusée dès le départ (navigation privée) — mode mémoire',
    run: async (ctx) => {
      const { page } = ctx;
      await page.addInitScript(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('Quota de 0 octet', 'QuotaExceededError');
        };
      });
      await openProfiles(ctx);
      await ctx.expectText('[data-testid="bandeau-memoire"]', /Tes réponses ne seront pas gardées/);
      await createProfile(ctx, 'Hibou');
      assert.deepEqual(await snapshot(page), {});
    },
  },
  {
    name: 'stockage: plein — message clair, aucune écriture partielle, une issue',
    run: async (ctx) => {
      const { page } = ctx;
      // Writes to profile data keys fail once the test says so; the index
      // (communs.meta) still succeeds, so a batch fails half-way.
      await page.addInitScript(() => {
        const real = Storage.prototype.setItem;
        window.e2eWrites = [];
        Storage.prototype.setItem = function (key, value) {
          if (sessionStorage.getItem('e2e-plein') && String(key).startsWith('communs.p.')) {
            throw new DOMException('Quota dépassé', 'QuotaExceededError');
          }
          if (this === window.localStorage) window.e2eWrites.push(String(key));
          return real.call(this, key, value);
        };
      });
      await openProfiles(ctx);
      await createProfile(ctx, 'Renard roux');
      await page.evaluate(() => sessionStorage.setItem('e2e-plein', '1'));
      const before = await snapshot(page);
      await page.evaluate(() => (window.e2eWrites = []));

      const text = exportFile({ id: 'Ours0001', pseudonym: 'Ours', attempts: [['ours0001', 'q1'], ['ours0002', 'q2']] });
      await importText(page, text);
      await ctx.expectText(MESSAGE, /Stockage plein : rien n’a été enregistré/);
      const banner = page.getByTestId('bandeau-plein');
      await ctx.expectText(banner, /Il n’y a plus de place pour enregistrer/);
      await ctx.checkA11y('stockage plein');
      await ctx.screenshot('stockage-plein');
      // The index was written, then rolled back: nothing half-written.
      assert.ok((await page.evaluate(() => window.e2eWrites)).includes('communs.meta'), 'la première écriture a eu lieu');
      assert.deepEqual(await snapshot(page), before);
      await ctx.expectText(BADGE, 'Renard roux');
      assert.equal(await item(page, 'Ours').count(), 0);

      // The way out: save, then delete old profiles; space is back.
      await banner.getByRole('link', { name: 'Gérer les profils' }).click();
      const saved = await download(page, page.getByTestId('exporter'));
      assert.equal(JSON.parse(saved.text).profile.pseudonym, 'Renard roux');
      await item(page, 'Renard roux').getByRole('button', { name: 'Supprimer Renard roux' }).click();
      await page.getByRole('dialog').getByLabel('Pseudonyme à recopier').fill('Renard roux');
      await page.getByRole('dialog').getByRole('button', { name: 'Supprimer définitivement' }).click();
      await ctx.expectText(BADGE, 'Aucun profil');
      await page.evaluate(() => sessionStorage.removeItem('e2e-plein'));
      await importText(page, text);
      await ctx.expectText(MESSAGE, /2 réponses ajoutées/);
      assert.equal(await page.getByTestId('bandeau-plein').count(), 0);
      assert.deepEqual(await storedProfiles(page), ['Ours']);
    },
  },
  {
    name: 'stockage: presque plein (estimation du quota) — refusé avant toute écriture',
    run: async (ctx) => {
      const { page } = ctx;
      // Another application of the origin already uses almost all of the budget.
      await seed(page, { 'autre-application': 'x'.repeat(4_999_900) });
      await openProfiles(ctx);
      const before = await snapshot(page);
      const form = page.locator('[data-testid="creer-profil"]');
      await form.getByLabel('Pseudonyme', { exact: true }).fill('Un pseudonyme assez long pour dépasser');
      await form.getByRole('button', { name: 'Créer le profil' }).click();
      await ctx.expectText('[data-testid="creer-erreur"]', /Stockage plein/);
      await ctx.expectText('[data-testid="bandeau-plein"]', /Stockage plein/);
      assert.deepEqual(await snapshot(page), before);
      await ctx.expectText(BADGE, 'Aucun profil');
    },
  },
  {
    name: 'stockage: deux onglets sur le même profil écrivent en même temps — aucune réponse perdue',
    run: async (ctx) => {
      const a = ctx.page;
      await openProfiles(ctx);
      // The profile and the activities it uses, known to both tabs.
      await importText(a, exportFile({ id: 'Renard01', pseudonym: 'Renard roux', attempts: [['base0001', 'q1'], ['base0002', 'q2']] }));
      await ctx.expectText(MESSAGE, /2 réponses ajoutées/);
      const b = await ctx.newPage();
      await openProfiles(ctx, b);
      await ctx.expectText(b.locator(BADGE), 'Renard roux', { page: b });

      // Both tabs write the same month of the same profile at once.
      const fromA = exportFile({ id: 'Renard01', pseudonym: 'Renard roux', at: 1_760_000_100, attempts: [['ongletA1', 'q1'], ['ongletA2', 'q2']] });
      const fromB = exportFile({ id: 'Renard01', pseudonym: 'Renard roux', at: 1_760_000_200, attempts: [['ongletB1', 'q2'], ['ongletB2', 'q1']] });
      await Promise.all([importText(a, fromA, 'a.json'), importText(b, fromB, 'b.json')]);
      await ctx.expectText(a.locator(MESSAGE), /Sauvegarde importée/);
      await ctx.expectText(b.locator(MESSAGE), /Sauvegarde importée/, { page: b });

      const ids = ['base0001', 'base0002', 'ongletA1', 'ongletA2', 'ongletB1', 'ongletB2'];
      const stored = async () => Object.values(await snapshot(a)).join('\n');
      await ctx.waitFor(async () => {
        const s = await stored();
        return ids.every((id) => s.includes(id));
      }, {
        message: 'les six réponses sont dans le stockage',
      });
      // A third tab reads them all back, through an export.
      const c = await ctx.newPage();
      await openProfiles(ctx, c);
      const file = await download(c, c.getByTestId('exporter'));
      const got = JSON.parse(file.text).attempts.map((x) => x.id).sort();
      assert.deepEqual(got, [...ids].sort());
    },
  },
  {
    name: 'stockage: deux onglets répondent dans une leçon avant de s’être entendus — chaque réponse reste à sa place',
    run: async (ctx) => {
      // Two activities of one lesson, answered for the first time in two tabs;
      // the second tab answers before the first tab's `storage` event reaches it
      // (delayed here), so both add new activity ids to the index « at once ».
      const lesson = await twoTrueFalse(ctx);
      if (!lesson) return; // no lesson with two « vrai ou faux » in this build
      const [first, second] = lesson.acts;
      const a = ctx.page;
      await openProfiles(ctx);
      await createProfile(ctx, 'Renard roux');
      const b = await ctx.newPage();
      await b.addInitScript(() => {
        const add = window.addEventListener;
        window.addEventListener = function (type, listener, options) {
          if (type !== 'storage') return add.call(this, type, listener, options);
          const late = (ev) => setTimeout(() => (typeof listener === 'function' ? listener(ev) : listener.handleEvent(ev)), 3000);
          return add.call(this, type, late, options);
        };
      });
      for (const page of [a, b]) {
        await ctx.goto(`lecon/${lesson.id}/`, { page });
        await page.locator(ACT(second)).waitFor({ state: 'visible' });
      }
      const answer = async (page, act, value) => {
        const section = page.locator(ACT(act));
        await section.locator(`[data-testid="choix"][data-valeur="${value}"]`).check();
        await section.locator('[data-testid="valider"]').click();
        await ctx.waitFor(async () => (await a.evaluate(() => localStorage.getItem('communs.meta') || '')).includes(act), {
          message: `« ${act} » enregistrée`,
        });
      };
      await answer(a, first, 'vrai');
      await answer(b, second, 'faux');
      const c = await ctx.newPage();
      await openProfiles(ctx, c);
      const file = await download(c, c.getByTestId('exporter'));
      const got = JSON.parse(file.text).attempts.map((x) => `${x.activity}=${x.response.v}`).sort();
      assert.deepEqual(got, [`${first}=true`, `${second}=false`].sort());
      await b.waitForTimeout(3500); // let the delayed events land: nothing changes
      const again = await download(c, c.getByTestId('exporter'));
      assert.deepEqual(JSON.parse(again.text).attempts.map((x) => `${x.activity}=${x.response.v}`).sort(), got);
    },
  },
];
