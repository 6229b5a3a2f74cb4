// « Effacer ma progression »: a learner answers an activity, then erases
// the progress of the profile on « Profils » (retyping the pseudonym); the
// profile stays (pseudonym, colour, avatar), with no attempt and no
// progress left, in the page, in localStorage and after a reload.
// Guards (console, network, axe, cookies, final screenshot) are applied by the harness.

import assert from 'node:assert/strict';
import { openProfiles, createProfile, item, snapshot, download } from './profiles.spec.mjs';

const MESSAGE = '[data-testid="message-profils"]';
const ACT = (id) => `[data-testid="activite"][data-activite="${id}"]`;

/** The first lesson of the build with a « vrai ou faux » activity: `{ id, act }`. */
async function oneTrueFalse(ctx) {
  const index = await (await ctx.context.request.get(ctx.url('lecons/index.json'))).json();
  for (const { id } of index.lessons) {
    const lesson = await (await ctx.context.request.get(ctx.url(`lecons/${id}.json`))).json();
    let act = null;
    const walk = (o) => {
      if (act) return;
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        if (o.type === 'vrai-faux' && typeof o.id === 'string') act = o.id;
        else Object.values(o).forEach(walk);
      }
    };
    walk(lesson);
    if (act) return { id, act };
  }
  return null;
}

/** The profile keys (`communs.p.…`) of localStorage. */
async function profileKeys(page) {
  return Object.keys(await snapshot(page)).filter((k) => k.startsWith('communs.p.'));
}

export const tests = [
  {
    name: 'profils: effacer ma progression — les réponses partent, le profil reste',
    bases: ['root', 'subpath'],
    run: async (ctx) => {
      const { page } = ctx;
      const lesson = await oneTrueFalse(ctx);
      assert.ok(lesson, 'the build has a lesson with a « vrai ou faux » activity');
      await openProfiles(ctx);
      await createProfile(ctx, 'Baleine bleue', { colour: 'vert', avatar: 'baleine' });

      // Answer one activity; the attempt and the lesson position are written.
      await ctx.goto(`lecon/${lesson.id}/`);
      const section = page.locator(ACT(lesson.act));
      await section.waitFor({ state: 'visible' });
      await section.locator('[data-testid="choix"][data-valeur="vrai"]').check();
      await section.locator('[data-testid="valider"]').click();
      await ctx.waitFor(async () => (await section.getAttribute('data-attempts')) === '1', { message: 'une tentative affichée' });
      await ctx.waitFor(async () => (await profileKeys(page)).some((k) => !k.endsWith('.progress')), {
        message: 'la tentative est enregistrée',
      });
      assert.ok((await profileKeys(page)).some((k) => k.endsWith('.progress')), 'the lesson progress is stored');

      // Erase: the pseudonym must be retyped.
      await openProfiles(ctx);
      const before = JSON.parse(await page.evaluate(() => localStorage.getItem('communs.meta'))).profiles;
      await item(page, 'Baleine bleue').getByRole('button', { name: 'Effacer ma progression Baleine bleue' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'visible' });
      await ctx.expectText(dialog.locator('h2'), 'Effacer la progression de « Baleine bleue » ?');
      await ctx.expectText(dialog, /le profil reste, avec son pseudonyme, sa couleur et son avatar/);
      await ctx.checkA11y('dialogue d’effacement de la progression');
      await dialog.getByLabel('Pseudonyme à recopier').fill('Baleine');
      await dialog.getByRole('button', { name: 'Effacer la progression' }).click();
      await ctx.expectText('[data-testid="suppression-erreur"]', /rien n’a été effacé/);
      assert.equal((await profileKeys(page)).length, 2, 'nothing erased yet');
      await dialog.getByLabel('Pseudonyme à recopier').fill('Baleine bleue');
      await dialog.getByRole('button', { name: 'Effacer la progression' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await ctx.expectText(MESSAGE, /La progression a été effacée/);

      // The profile stays, the same; nothing of its progress is left.
      await ctx.expectText(item(page, 'Baleine bleue'), /avatar baleine, couleur vert/);
      assert.equal(await item(page, 'Baleine bleue').getByTestId('marque-actuel').count(), 1);
      assert.deepEqual(await profileKeys(page), []);
      const after = JSON.parse(await page.evaluate(() => localStorage.getItem('communs.meta'))).profiles;
      assert.deepEqual(after, before);
      const file = await download(page, page.getByTestId('exporter'));
      const exported = JSON.parse(file.text);
      assert.equal(exported.pseudonym, 'Baleine bleue');
      assert.deepEqual(exported.attempts, []);
      assert.deepEqual(exported.progress, []);

      // After a reload too, and the activity starts afresh.
      await openProfiles(ctx);
      await ctx.expectText(item(page, 'Baleine bleue'), /avatar baleine, couleur vert/);
      await ctx.goto(`lecon/${lesson.id}/`);
      await section.waitFor({ state: 'visible' });
      assert.equal(await section.getAttribute('data-attempts'), '0');
      assert.equal(await page.getByTestId('reprendre').count(), 0);
    },
  },
];
