// « Profils »: several learners in one browser (create, choose, modify,
// delete after retyping the pseudonym), the real-name advice, the current
// profile in the header, export / import / class file, layouts.
// Guards (console, network, axe, cookies, final screenshot) are applied by the harness.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const BOTH = ['root', 'subpath'];
const BADGE = '[data-testid="profil-actuel"]';
const MESSAGE = '[data-testid="message-profils"]';

/** Open « Profils » in `page` and wait for the app. */
export async function openProfiles(ctx, page = ctx.page) {
  await ctx.goto('profils/', { page });
  await page.locator('[data-testid="page-profils"]').waitFor({ state: 'visible' });
}

/** Create a profile through the form; it becomes the current one. */
export async function createProfile(ctx, name, { colour, avatar, page = ctx.page } = {}) {
  const form = page.locator('[data-testid="creer-profil"]');
  await form.getByLabel('Pseudonyme', { exact: true }).fill(name);
  if (colour) await form.getByRole('radio', { name: colour, exact: true }).check();
  if (avatar) await form.getByRole('radio', { name: avatar, exact: true }).check();
  await form.getByRole('button', { name: 'Créer le profil' }).click();
  await ctx.expectText(page.locator(BADGE), name, { page });
}

/** The list item of a profile. */
export function item(page, name) {
  return page.locator(`[data-testid="profil"][data-pseudonyme="${name}"]`);
}

/** Every key and value of localStorage. */
export async function snapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** The profiles of the stored index. */
export async function storedProfiles(page) {
  const meta = await page.evaluate(() => localStorage.getItem('communs.meta'));
  return meta ? JSON.parse(meta).profiles.map((p) => p.name) : [];
}

/** A profile export as Communs writes it (format documented in docs/storage.md). */
export function exportFile({ id, pseudonym, attempts = [], at = 1_760_000_000 }) {
  return JSON.stringify({
    format: 'communs-export',
    version: 1,
    exported_at: at + 3600,
    pseudonym,
    profile: { id, pseudonym, colour: 2, avatar: 3, created: at - 86_400 },
    progress: [{ lesson: 'droit-auteur', status: 'en_cours', position: 2, updated: at }],
    attempts: attempts.map(([attemptId, activity], i) => ({
      id: attemptId,
      at: at + i,
      lesson: 'droit-auteur',
      activity,
      score: 100,
      duration: 12,
      response: { k: 'b', v: true },
    })),
  });
}

/** Import `text` as the file `name` through the import field of `page`. */
export async function importText(page, text, name = 'sauvegarde.json') {
  await page.getByTestId('importer').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Click `button` and return the downloaded file's name and text. */
export async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(path, 'utf8') };
}

export const tests = [
  {
    name: 'profils: deux profils — créer, changer, renommer, supprimer en recopiant le pseudonyme',
    bases: BOTH,
    run: async (ctx) => {
      const { page } = ctx;
      await openProfiles(ctx);
      await ctx.expectText('h1', 'Profils');
      await ctx.expectText(BADGE, 'Aucun profil');
      await ctx.expectText('[data-testid="avertissement-partage"]', /ne sont pas protégés les uns des autres/);
      await ctx.expectText('[data-testid="aucun-profil"]', /Aucun profil pour l’instant/);

      // Real-name advice, live, in one sentence.
      const form = page.locator('[data-testid="creer-profil"]');
      await form.getByLabel('Pseudonyme', { exact: true }).fill('Léa Martin');
      await ctx.expectText('[data-testid="creer-conseil"]', /ressemble à un vrai prénom/);
      await ctx.checkA11y('conseil de pseudonyme');
      await form.getByLabel('Pseudonyme', { exact: true }).fill('Renard bleu');
      await ctx.waitFor(async () => (await page.getByTestId('creer-conseil').innerText()).trim() === '', {
        message: 'le conseil disparaît pour un pseudonyme',
      });

      await createProfile(ctx, 'Renard bleu', { colour: 'vert', avatar: 'hibou' });
      await ctx.expectText(MESSAGE, /Profil créé/);
      await ctx.expectText(item(page, 'Renard bleu'), /avatar hibou, couleur vert/);
      await createProfile(ctx, 'Chat rapide', { colour: 'bleu ciel', avatar: 'chat' });
      assert.deepEqual(await storedProfiles(page), ['Renard bleu', 'Chat rapide']);
      assert.equal(await item(page, 'Chat rapide').getByTestId('marque-actuel').count(), 1);

      // Switch.
      await item(page, 'Renard bleu').getByRole('button', { name: 'Choisir Renard bleu' }).click();
      await ctx.expectText(BADGE, 'Renard bleu');
      assert.equal(await item(page, 'Renard bleu').getByTestId('marque-actuel').count(), 1);

      // Rename (and restyle).
      await item(page, 'Renard bleu').getByRole('button', { name: 'Modifier Renard bleu' }).click();
      const edit = page.getByTestId('modifier-profil');
      await edit.getByLabel('Pseudonyme', { exact: true }).fill('Hibou malin');
      await edit.getByRole('radio', { name: 'orange', exact: true }).check();
      await ctx.checkA11y('formulaire de modification');
      await edit.getByRole('button', { name: 'Enregistrer' }).click();
      await ctx.expectText(BADGE, 'Hibou malin');
      await ctx.expectText(item(page, 'Hibou malin'), /couleur orange/);
      assert.deepEqual(await storedProfiles(page), ['Hibou malin', 'Chat rapide']);

      // Delete: the pseudonym must be retyped.
      await item(page, 'Chat rapide').getByRole('button', { name: 'Supprimer Chat rapide' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'visible' });
      await ctx.expectText(dialog.locator('h2'), 'Supprimer le profil « Chat rapide » ?');
      await ctx.checkA11y('dialogue de suppression');
      await ctx.screenshot('dialogue-suppression');
      await dialog.getByLabel('Pseudonyme à recopier').fill('Chat');
      await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
      await ctx.expectText('[data-testid="suppression-erreur"]', /ne correspond pas/);
      assert.deepEqual(await storedProfiles(page), ['Hibou malin', 'Chat rapide']);
      await dialog.getByLabel('Pseudonyme à recopier').fill('Chat rapide');
      await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await ctx.expectText(MESSAGE, /ont été effacés/);
      assert.equal(await item(page, 'Chat rapide').count(), 0);
      assert.deepEqual(await storedProfiles(page), ['Hibou malin']);

      // Everything survives a reload; the badge is on every page.
      await openProfiles(ctx);
      await ctx.expectText(BADGE, 'Hibou malin');
      await ctx.goto('a-propos/');
      await ctx.expectText(BADGE, 'Hibou malin');
      await ctx.goto('');
      await page.locator(BADGE).getByRole('link').click();
      await ctx.expectText('h1', 'Profils');
    },
  },
  {
    name: 'profils: supprimer avec Échap annule, le pseudonyme vide est refusé',
    run: async (ctx) => {
      const { page } = ctx;
      await openProfiles(ctx);
      const form = page.locator('[data-testid="creer-profil"]');
      await form.getByRole('button', { name: 'Créer le profil' }).click();
      await ctx.expectText('[data-testid="creer-erreur"]', /entre 1 et 40 caractères/);
      await createProfile(ctx, 'Tortue');
      await item(page, 'Tortue').getByRole('button', { name: 'Supprimer Tortue' }).click();
      await page.getByRole('dialog').waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      assert.deepEqual(await storedProfiles(page), ['Tortue']);
    },
  },
  {
    name: 'profils: sauvegarde téléchargée puis réimportée, « dernière sauvegarde » affichée',
    bases: BOTH,
    run: async (ctx) => {
      const { page } = ctx;
      await openProfiles(ctx);
      await createProfile(ctx, 'Baleine');
      await ctx.expectText('[data-testid="derniere-sauvegarde"]', /jamais/);
      const file = await download(page, page.getByTestId('exporter'));
      assert.match(file.name, /^communs-sauvegarde-baleine-\d{4}-\d{2}-\d{2}\.json$/);
      const doc = JSON.parse(file.text);
      assert.equal(doc.format, 'communs-export');
      assert.equal(doc.profile.pseudonym, 'Baleine');
      await ctx.expectText('[data-testid="message-export"]', /Sauvegarde téléchargée/);
      await ctx.waitFor(async () => !/jamais/.test(await page.getByTestId('derniere-sauvegarde').innerText()), {
        message: 'date de la dernière sauvegarde',
      });
      await ctx.expectText('[data-testid="espace-utilise"]', /Ko sur environ/);

      // Erase, then bring it back from the file.
      await item(page, 'Baleine').getByRole('button', { name: 'Supprimer Baleine' }).click();
      await page.getByRole('dialog').getByLabel('Pseudonyme à recopier').fill('Baleine');
      await page.getByRole('dialog').getByRole('button', { name: 'Supprimer définitivement' }).click();
      await ctx.expectText(BADGE, 'Aucun profil');
      await importText(page, file.text, file.name);
      await ctx.expectText(MESSAGE, /Sauvegarde importée/);
      await ctx.expectText(BADGE, 'Baleine');

      // An import with answers adds them, a second time adds nothing.
      const text = exportFile({ id: 'Abeille01', pseudonym: 'Abeille', attempts: [['abeille1', 'q1'], ['abeille2', 'q2']] });
      await importText(page, text);
      await ctx.expectText(MESSAGE, 'Sauvegarde importée : 2 réponses ajoutées, 0 déjà présente.');
      await importText(page, text);
      await ctx.expectText(MESSAGE, 'Sauvegarde importée : 0 réponse ajoutée, 2 déjà présentes.');
      await ctx.expectText(BADGE, 'Abeille');
    },
  },
  {
    name: 'profils: un fichier hostile ou trop gros ne change rien et reçoit un message en français',
    run: async (ctx) => {
      const { page } = ctx;
      await openProfiles(ctx);
      await createProfile(ctx, 'Escargot');
      const before = await snapshot(page);
      const cases = [
        ['pas-du-json.json', 'ceci n’est pas du JSON', /n’est pas une sauvegarde de Communs/],
        ['autre.json', JSON.stringify({ format: 'autre-chose', version: 1 }), /format inconnu/],
        ['profond.json', '['.repeat(5000) + ']'.repeat(5000), /trop imbriquée/],
        ['futur.json', JSON.stringify({ format: 'communs-export', version: 9 }), /version plus récente/],
        ['enorme.json', 'x'.repeat(8_500_000), /trop volumineux/],
      ];
      for (const [name, text, expected] of cases) {
        await importText(page, text, name);
        await ctx.expectText(MESSAGE, expected);
        assert.deepEqual(await snapshot(page), before, `${name} a modifié le stockage`);
      }
      await ctx.expectText(BADGE, 'Escargot');
    },
  },
  {
    name: 'profils: espace enseignant — fichier de classe à partir de plusieurs sauvegardes',
    run: async (ctx) => {
      const { page } = ctx;
      await openProfiles(ctx);
      const zone = page.getByTestId('espace-enseignant');
      await ctx.expectText(zone.locator('h2'), 'Espace enseignant');
      await zone.getByRole('button', { name: 'Créer le fichier de classe' }).click();
      await ctx.expectText('[data-testid="classe-resultat"]', /Choisissez d’abord/);
      await zone.getByLabel(/Sauvegardes des élèves/).setInputFiles([
        { name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(exportFile({ id: 'Ours0001', pseudonym: 'Ours', attempts: [['ours0001', 'q1']] })) },
        { name: 'lapin.json', mimeType: 'application/json', buffer: Buffer.from(exportFile({ id: 'Lapin001', pseudonym: 'Lapin', attempts: [['lapin001', 'q1'], ['lapin002', 'q2']] })) },
        { name: 'intrus.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"autre"}') },
      ]);
      const file = await download(page, zone.getByRole('button', { name: 'Créer le fichier de classe' }));
      assert.match(file.name, /^communs-classe-\d{4}-\d{2}-\d{2}\.json$/);
      const doc = JSON.parse(file.text);
      assert.equal(doc.format, 'communs-class');
      assert.deepEqual(doc.pupils.map((p) => p.pseudonym), ['Lapin', 'Ours']);
      assert.equal(doc.pupils[0].attempts.length, 2);
      await ctx.expectText('[data-testid="classe-resultat"]', 'Fichier de classe téléchargé : 2 élèves.');
      await ctx.expectText('[data-testid="classe-problemes"]', /intrus\.json : Ce fichier n’est pas une sauvegarde/);
      // Nothing of the pupils lands in this browser's storage.
      assert.deepEqual(await storedProfiles(page), []);
    },
  },
  {
    name: 'profils: captures téléphone et bureau, zoom 200 % sans défilement horizontal',
    viewport: 'phone',
    run: async (ctx) => {
      const { page } = ctx;
      await openProfiles(ctx);
      await createProfile(ctx, 'Renard bleu', { colour: 'vert', avatar: 'renard' });
      await createProfile(ctx, 'Étoile filante du matin', { colour: 'jaune', avatar: 'étoile' });
      await page.locator('[data-testid="creer-profil"]').getByLabel('Pseudonyme', { exact: true }).fill('Jean Dupont');
      for (const vp of ['phone', 'desktop']) {
        await ctx.setViewport(vp);
        await ctx.checkA11y(`profils ${vp}`);
        await ctx.screenshot(`profils-${vp}`);
      }
      await ctx.zoom200();
      const { scroll, width } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= width, `« Profils » déborde : ${scroll} px pour ${width} px visibles`);
      await ctx.screenshot('profils-zoom200');
    },
  },
];
