// « Compétences » (/competences): the profile computed from the answers.
// A profile answers activities of « communs-numeriques » (two of the 5.2
// level 1, one right and one wrong of the 2.3 level 1), then the page shows
// the new levels and scores, and « Pourquoi ce niveau ? » (opened with the
// keyboard) lists exactly those attempts with the lesson, the date in French
// and the result. Also: the page without a profile, the deep link at both
// bases, phone and desktop captures.
// ctx.expectText folds every white space (no-break ones included) into one space.
// Guards (console, network, axe on the final page, cookies) are applied by the harness.

import assert from 'node:assert/strict';
import { createProfile, openLesson, lessonJson, answerAndCheck } from './walk.spec.mjs';

const LESSON = 'communs-numeriques';
const COMP = (code) => `[data-testid="competence"][data-code="${code}"]`;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Today as the page writes it (time zone of the context: Europe/Paris). */
function today() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', day: 'numeric', month: 'numeric', year: 'numeric' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  // en-GB may write the day with two digits (« 02 »); the app writes « 2 »
  const day = Number(parts.day) === 1 ? '1er' : String(Number(parts.day));
  return `${day}\u00a0${MONTHS[Number(parts.month) - 1]} ${parts.year}`;
}

async function openCompetences(ctx) {
  await ctx.goto('competences/');
  await ctx.page.locator('[data-testid="page-competences"]').waitFor({ state: 'visible' });
}

/** Level and score shown for a competence (data attributes of the visible line). */
async function levelOf(page, code) {
  const line = page.locator(`${COMP(code)} [data-testid="niveau-competence"]`);
  return { level: await line.getAttribute('data-niveau'), score: await line.getAttribute('data-score'), text: (await line.textContent()).trim() };
}

/** Answers some activities of the lesson: `plan` maps activity id → right (true) or wrong. */
async function answer(ctx, plan) {
  const lesson = await lessonJson(ctx, LESSON);
  await openLesson(ctx, LESSON, lesson.activities.length);
  for (const [id, right] of Object.entries(plan)) {
    const a = lesson.activities.find((x) => x.id === id);
    assert.ok(a, `activité « ${id} » dans ${LESSON}`);
    await answerAndCheck(ctx, a, right, { tries: 1 });
  }
  return lesson;
}

export const tests = [
  {
    name: 'compétences: répondre aux activités change le profil, avec les bonnes preuves',
    timeout: 90_000,
    run: async (ctx) => {
      const { page } = ctx;
      await createProfile(ctx, 'Camille');
      await openCompetences(ctx);
      await ctx.expectText('[data-testid="competences-vide"]', /Tu n’as encore répondu à aucune activité/);
      await ctx.expectText('[data-testid="estimation"]', /Positionnement estimé, non certifiant/);
      await ctx.expectText('[data-testid="estimation"]', /Ce n’est pas une certification Pix/);
      assert.deepEqual(await levelOf(page, '5.2'), { level: '0', score: '0', text: 'niveau\u00a00 – pas encore de niveau · 0/64' });
      await ctx.expectText('[data-testid="score-total"]', '0 point sur 1 024');
      // 16 competences in 5 domains, each bar an image with a text alternative.
      assert.equal(await page.locator('[data-testid="domaine"]').count(), 5);
      assert.equal(await page.locator('[data-testid="competence"]').count(), 16);
      const svg = page.locator(`${COMP('5.2')} svg[role="img"]`);
      const titleId = await svg.getAttribute('aria-labelledby');
      assert.match(await page.locator(`[id="${titleId}"]`).textContent(), /^5\.2 Évoluer dans un environnement numérique\u00a0: niveau\u00a00 sur 8/);
      // Only wording read in a primary text: 2.2's title (BO 2024), none for
      // 1.2 (named by its number), no level group names; the page says so.
      await ctx.expectText(`${COMP('2.2')} h4`, '2.2 Partager et publier');
      await ctx.expectText(`${COMP('1.2')} h4`, 'Compétence 1.2');
      assert.match(await page.locator(`${COMP('1.2')} .competence-description`).textContent(), /^Tu ranges/);
      await ctx.expectText('[data-testid="intitules-verifies"]', /lus dans un texte officiel/);
      await ctx.expectText('[data-testid="objectif-emi"][data-code="EMI2"] h3', 'EMI2 – Exploiter l’information de manière raisonnée');

      await answer(ctx, { 'quatre-libertes': true, 'libre-gratuit': true, 'trio-jardin': true, 'pas-un-commun': false });

      // Through the navigation link (in-app link with the router base).
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Compétences' }).click();
      await page.locator('[data-testid="page-competences"]').waitFor({ state: 'visible' });
      assert.equal(await page.locator('[data-testid="competences-vide"]').count(), 0, 'plus de message « aucune activité »');
      assert.deepEqual(await levelOf(page, '5.2'), { level: '1', score: '8', text: 'niveau\u00a01 · 8/64' });
      assert.deepEqual(await levelOf(page, '2.3'), { level: '0', score: '4', text: 'niveau\u00a00 – pas encore de niveau · 4/64' });
      await ctx.expectText('[data-testid="score-total"]', '12 points sur 1 024');
      assert.match(await page.locator(`[id="${titleId}"]`).textContent(), /niveau\u00a01 sur 8, 8\u00a0points sur 64/);
      const pageText = await page.locator('[data-testid="page-competences"]').textContent();
      for (const group of ['Novice', 'Indépendant', 'Avancé', 'Expert']) {
        assert.ok(!pageText.includes(group), `pas de nom de groupe de niveaux non vérifié (« ${group} »)`);
      }

      // « Pourquoi ce niveau ? » opened with the keyboard.
      const why = page.locator(`${COMP('5.2')} [data-testid="pourquoi"]`);
      assert.equal(await why.evaluate((d) => d.open), false);
      await why.locator('summary').focus();
      await page.keyboard.press('Enter');
      await ctx.waitFor(() => why.evaluate((d) => d.open), { message: '« Pourquoi ce niveau ? » ouvert au clavier' });
      const rows = why.locator('[data-testid="preuve"]');
      assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.dataset.activite).sort()), ['libre-gratuit', 'quatre-libertes']);
      const date = today();
      for (const row of await rows.all()) {
        const text = (await row.textContent()).replace(/\s+/g, ' ');
        assert.equal(await row.getAttribute('data-lecon'), LESSON);
        assert.ok(text.includes('Réussie (100 %)'), text); // \s+ above also folds the no-break spaces
        assert.ok(text.includes(date.replace(/\u00a0/g, ' ')), `date « ${date} » dans « ${text} »`);
        assert.ok(text.includes('compte pour ton niveau'), text);
        const href = await row.getByRole('link').getAttribute('href');
        assert.ok(href.endsWith(`lecon/${LESSON}`), href);
      }
      await ctx.expectText(why.locator('[data-testid="historique"]'), /niveau 1/);
      await page.keyboard.press('Enter');
      await ctx.waitFor(async () => !(await why.evaluate((d) => d.open)), { message: 'refermé au clavier' });
      await page.keyboard.press('Enter');

      // 2.3: one success, one attempt to work on again.
      const why23 = page.locator(`${COMP('2.3')} [data-testid="pourquoi"]`);
      await why23.locator('summary').click();
      const r23 = why23.locator('[data-testid="preuve"]');
      assert.equal(await r23.count(), 2);
      await ctx.expectText(why23.locator('[data-testid="preuve"][data-activite="pas-un-commun"] [data-testid="resultat-preuve"]'), 'À retravailler (0 %)');
      await ctx.expectText(why23.locator('[data-testid="preuve"][data-activite="trio-jardin"] [data-testid="resultat-preuve"]'), 'Réussie (100 %)');
      await ctx.expectText(why23.locator('[data-testid="prochain-niveau"]'), 'Prochain niveau : niveau 1 (1 réussite sur 2)');

      // EMI: 3 of the 4 activities succeeded for EMI1 (through item EMI1.1), EMI3 and EMI4.
      for (const goal of ['EMI1', 'EMI3', 'EMI4']) {
        await ctx.expectText(`[data-testid="objectif-emi"][data-code="${goal}"] [data-testid="maitrise-emi"]`, 'Maîtrise satisfaisante · 3 activités réussies sur 4');
      }
      await ctx.expectText('[data-testid="objectif-emi"][data-code="EMI2"] [data-testid="maitrise-emi"]', /^Non évalué/);

      // « Pour progresser »: the weakest competences, with lessons and the filtered catalogue.
      const todo = page.locator('[data-testid="a-travailler"]');
      assert.ok((await todo.count()) >= 1);
      const first = todo.first();
      const code = await first.getAttribute('data-code');
      assert.ok(code !== '5.2', '5.2 n’a plus de niveau à prouver');
      assert.ok((await first.locator('.lecons-suggerees a').count()) >= 1, 'des leçons proposées');
      const filtered = first.getByRole('link', { name: `Toutes les leçons de la compétence ${code}` });
      assert.ok((await filtered.getAttribute('href')).endsWith(`parcours?competence=${code}`));

      await ctx.checkA11y('preuves ouvertes');
      await ctx.screenshot('bureau');
      await filtered.click();
      await page.locator('[data-testid="page-parcours"]').waitFor({ state: 'visible' });
      assert.equal(await page.locator('[data-testid="filtre-competence"]').inputValue(), code);
    },
  },
  {
    name: 'compétences: sans profil, une phrase et un lien vers les profils (lien direct)',
    bases: ['root', 'subpath'],
    run: async (ctx) => {
      const { page } = ctx;
      await openCompetences(ctx);
      assert.equal(await page.title(), 'Tes compétences · Communs');
      await ctx.expectText('[data-testid="competences-sans-profil"]', /choisis d’abord ton profil/);
      await ctx.expectText('[data-testid="estimation"]', /non certifiant/);
      assert.equal(await page.locator('[data-testid="competence"]').count(), 0);
      await page.getByRole('link', { name: 'Choisir ou créer un profil' }).click();
      await page.locator('[data-testid="page-profils"]').waitFor({ state: 'visible' });
      assert.equal(new URL(page.url()).pathname, new URL(ctx.url('profils')).pathname);
    },
  },
  {
    name: 'compétences: au téléphone, barres et preuves lisibles sans défilement horizontal',
    viewport: 'phone',
    timeout: 60_000,
    run: async (ctx) => {
      const { page } = ctx;
      await createProfile(ctx, 'Sacha');
      await answer(ctx, { 'quatre-libertes': true, 'pas-un-commun': false });
      await openCompetences(ctx);
      assert.deepEqual(await levelOf(page, '5.2'), { level: '0', score: '4', text: 'niveau\u00a00 – pas encore de niveau · 4/64' });
      await page.locator(`${COMP('5.2')} [data-testid="pourquoi"] summary`).click();
      await page.locator(`${COMP('5.2')} [data-testid="preuve"]`).first().scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `défilement horizontal de ${overflow} px`);
      await ctx.screenshot('telephone-preuves', { fullPage: false });
      await ctx.screenshot('telephone');
    },
  },
];
