// The generic walk: every lesson served by the app (lecons/index.json, which
// includes the test lessons in `cargo xtask test`), every activity answered
// from its answer key in lecons/<id>.json, once right and once wrong (twice
// for participation types), through the page's controls. Checks the verdict
// (word, never colour alone), the solution when the tries are spent, the
// participation views, and that each answer is recorded for the profile
// (`data-attempts` + 1, `data-last-score`). A new lesson or a new activity of
// a known type joins the walk without new test code.
// Guards (console, network, axe on the final answered page, cookies) are applied by the harness.

import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ACT = (id) => `[data-testid="activite"][data-activite="${id}"]`;

// ---------------------------------------------------------------- lessons

/** The lesson ids of the app under test, known when the specs are loaded. */
async function lessonIds() {
  try {
    if (process.env.COMMUNS_URL) {
      const res = await fetch(new URL('lecons/index.json', process.env.COMMUNS_URL));
      if (res.ok) return (await res.json()).lessons.map((l) => l.id);
    }
    const file = path.join(here, '..', '..', '..', 'dist', 'lecons', 'index.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).lessons.map((l) => l.id);
  } catch {
    /* reported by the test below */
  }
  return [];
}

// ---------------------------------------------------------------- helpers shared with keyboard.spec.mjs

/** Creates a profile through « Profils »; it becomes the current one. */
export async function createProfile(ctx, name = 'Camille') {
  const { page } = ctx;
  await ctx.goto('profils/');
  const form = page.locator('[data-testid="creer-profil"]');
  await form.waitFor({ state: 'visible' });
  await form.getByLabel('Pseudonyme', { exact: true }).fill(name);
  await form.getByRole('button', { name: 'Créer le profil' }).click();
  await ctx.expectText('[data-testid="profil-actuel"]', name);
}

/** Opens a lesson and waits until its `n` activities are mounted. */
export async function openLesson(ctx, id, n) {
  await ctx.goto(`lecon/${id}/`);
  await ctx.page.locator('h1').first().waitFor({ state: 'visible' });
  await ctx.waitFor(async () => (await ctx.page.locator('[data-testid="activite"]').count()) === n, {
    message: `${n} activités montées dans « ${id} »`,
  });
}

/** The lesson JSON as the app fetches it. */
export async function lessonJson(ctx, id) {
  const res = await ctx.context.request.get(ctx.url(`lecons/${id}.json`));
  assert.equal(res.status(), 200, `lecons/${id}.json`);
  return res.json();
}

/** Path (choice indices) from the start to the best (or worst) end, and that end's score. */
export function scenarioPath(nodes, best = true) {
  const go = (at, depth) => {
    const node = nodes[at];
    if (node.end !== undefined && node.end !== null) return { path: [], score: node.end };
    if (depth > nodes.length) return null;
    let pick = null;
    (node.choices || []).forEach((c, i) => {
      const r = go(c.target, depth + 1);
      if (r && (!pick || (best ? r.score > pick.score : r.score < pick.score))) pick = { path: [i, ...r.path], score: r.score };
    });
    return pick;
  };
  return go(0, 0);
}

const pct = (good, n) => Math.round(Math.max(0, Math.min(1, good / n)) * 100);

/**
 * An answer to `a` from its answer key: `{ score, correct, fill(section) }`.
 * `right`: the author's answer; otherwise a wrong one (or, for participation
 * types, a second participation).
 */
export function answerFor(a, right) {
  switch (a.type) {
    case 'choix-unique': {
      const i = a.choices.findIndex((c) => c.correct === right);
      return { score: right ? 100 : 0, choices: [i] };
    }
    case 'choix-multiples': {
      const good = a.choices.map((c, i) => (c.correct ? i : -1)).filter((i) => i >= 0);
      const bad = a.choices.map((c, i) => (c.correct ? -1 : i)).filter((i) => i >= 0);
      if (right) return { score: 100, choices: good };
      if (bad.length) return { score: 0, choices: [bad[0]] };
      return { score: pct(1, good.length), choices: [good[0]] }; // every choice is right: one only
    }
    case 'vrai-faux':
      return { score: right ? 100 : 0, bool: right ? a.answer : !a.answer };
    case 'reponse-courte':
      return { score: right ? 100 : 0, texts: [right ? a.answers[0] : 'zzzz'] };
    case 'texte-a-trous': {
      const blanks = a.parts.filter((p) => p.k !== 'texte');
      const texts = blanks.map((b) => {
        if (b.k === 'trou') return right ? b.answers[0] : 'zzzz';
        return String(right ? b.answer : (b.answer + 1) % b.options.length);
      });
      return { score: right ? 100 : 0, blanks: texts };
    }
    case 'appariement': {
      const n = a.pairs.length;
      const order = a.pairs.map((_, i) => (right ? i : (i + 1) % n));
      const good = order.filter((j, i) => j === i || a.pairs[j].right === a.pairs[i].right).length;
      return { score: pct(good, n), pairs: order };
    }
    case 'remise-en-ordre': {
      const n = a.items.length;
      const order = a.items.map((_, p) => (right ? p : (p + 1) % n));
      const good = order.filter((j, p) => j === p || a.items[j] === a.items[p]).length;
      return { score: pct(good, n), order };
    }
    case 'sondage':
      return { score: 100, participation: true, choices: [right ? 0 : a.options.length - 1] };
    case 'nuage-de-mots':
      return { score: 100, participation: true, words: right ? ['Partage'] : ['partagé'] };
    case 'remue-meninges':
      return {
        score: 100,
        participation: true,
        ideas: [{ text: right ? 'Un wiki de la classe' : 'Une carte du quartier', category: (a.categories || []).length ? (right ? 0 : a.categories.length - 1) : null }],
      };
    case 'scenario': {
      const best = scenarioPath(a.nodes, true);
      const r = right ? best : scenarioPath(a.nodes, false);
      return { score: r.score, correct: r.score >= best.score, path: r.path };
    }
    default:
      throw new Error(`type d’activité inconnu de la marche : ${a.type}`);
  }
}

/** The verdict word the activity must show for an answer. */
export function expectedVerdict(ans) {
  if (ans.participation) return 'Merci pour ta participation';
  const correct = ans.correct ?? ans.score === 100;
  if (correct) return 'Juste';
  return ans.score > 0 ? 'Pas tout à fait' : 'Faux';
}

/** Drives the controls of `section` to give `ans` (mouse and fields, not keyboard). */
export async function fill(section, a, ans) {
  const $ = (sel) => section.locator(sel);
  switch (a.type) {
    case 'choix-unique':
    case 'sondage':
      await $(`[data-testid="choix"][data-index="${ans.choices[0]}"]`).check();
      break;
    case 'choix-multiples':
      for (let i = 0; i < a.choices.length; i++) {
        await $(`[data-testid="choix"][data-index="${i}"]`).setChecked(ans.choices.includes(i));
      }
      break;
    case 'vrai-faux':
      await $(`[data-testid="choix"][data-valeur="${ans.bool ? 'vrai' : 'faux'}"]`).check();
      break;
    case 'reponse-courte':
      await $('[data-testid="reponse"]').fill(ans.texts[0]);
      break;
    case 'texte-a-trous':
      for (const [b, v] of ans.blanks.entries()) {
        const field = $(`[data-testid="trou"][data-index="${b}"]`);
        if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(v);
        else await field.fill(v);
      }
      break;
    case 'appariement':
      for (const [i, j] of ans.pairs.entries()) await $(`[data-testid="paire"][data-index="${i}"]`).selectOption(String(j));
      break;
    case 'remise-en-ordre':
      for (const [p, author] of ans.order.entries()) {
        for (;;) {
          const shown = await $('[data-testid="element"]').evaluateAll((els) => els.map((e) => Number(e.dataset.index)));
          const at = shown.indexOf(author);
          assert.ok(at >= 0, `élément ${author} absent`);
          if (at <= p) break;
          await $(`[data-testid="element"][data-index="${author}"] [data-testid="monter"]`).click();
        }
      }
      break;
    case 'nuage-de-mots':
      for (const [i, w] of ans.words.entries()) await $(`[data-testid="mot"][data-index="${i}"]`).fill(w);
      break;
    case 'remue-meninges':
      for (const idea of ans.ideas) {
        await $('[data-testid="idee"]').fill(idea.text);
        if (idea.category !== null) await $('[data-testid="idee-categorie"]').selectOption(String(idea.category));
        await $('[data-testid="ajouter-idee"]').click();
      }
      break;
    case 'scenario':
      for (const c of ans.path) await $(`[data-testid="scenario-choix"][data-index="${c}"]`).click();
      break;
    default:
      throw new Error(`type inconnu : ${a.type}`);
  }
  if (a.type !== 'scenario') await $('[data-testid="valider"]').click();
}

/** Answers `a` once and checks the feedback and the recorded attempt. */
export async function answerAndCheck(ctx, a, right, { tries }) {
  const section = ctx.page.locator(ACT(a.id));
  const where = `${a.type} « ${a.id} » (${right ? 'juste' : 'faux'})`;
  const before = Number(await section.getAttribute('data-attempts'));
  const ans = answerFor(a, right);
  await fill(section, a, ans);
  const verdict = expectedVerdict(ans);
  await ctx.waitFor(async () => ((await section.locator('[data-testid="verdict"]').textContent()) || '').trim() === verdict, {
    message: `${where} : verdict « ${verdict} »`,
  });
  const announce = (await section.locator('[data-testid="annonce"]').textContent()) || '';
  if (!ans.participation && a.type !== 'scenario') assert.ok(announce.includes(`${ans.score}\u00a0%`), `${where} : score ${ans.score} % dans « ${announce} »`);
  await ctx.waitFor(
    async () =>
      Number(await section.getAttribute('data-attempts')) === before + 1 &&
      (await section.getAttribute('data-last-score')) === String(ans.score),
    { message: `${where} : tentative enregistrée (data-attempts = ${before + 1}, data-last-score = ${ans.score})` },
  );
  assert.equal(await section.locator('[data-testid="non-enregistre"]').count(), 0, `${where} : réponse non enregistrée`);
  // The attempts policy: the solution once the tries are spent (or found).
  const correct = ans.correct ?? ans.score === 100;
  const revealed = !ans.participation && (correct || tries >= Math.max(1, a.attempts ?? 2));
  if (!ans.participation && !correct) {
    assert.equal(await section.locator('[data-testid="solution"]').count(), revealed ? 1 : 0, `${where} : solution ${revealed ? 'affichée' : 'cachée'} après ${tries} essai(s)`);
  }
  if ((revealed || ans.participation) && a.explanation) {
    assert.equal(await section.locator('[data-testid="explication"]').count(), 1, `${where} : explication`);
  }
  if (a.type === 'sondage') {
    const row = section.locator(`[data-testid="sondage-option"][data-index="${ans.choices[0]}"]`);
    assert.ok(Number(await row.getAttribute('data-count')) >= 1, `${where} : le sondage compte la réponse`);
  }
  if (a.type === 'nuage-de-mots') {
    await ctx.expectText(section.locator('[data-testid="nuage-liste"]'), /partag/i);
    if (!right) {
      // « Partage » then « partagé »: one word of the cloud, given twice.
      assert.equal(await section.locator('[data-testid="nuage-liste"] li').filter({ hasText: /partag/i }).getAttribute('data-count'), '2');
    }
  }
  if (a.type === 'remue-meninges') await ctx.expectText(section.locator('[data-testid="mur"]'), new RegExp(ans.ideas[0].text));
  if (a.type === 'scenario') await ctx.expectText(section.locator('[data-testid="annonce"]'), new RegExp(`${ans.score} sur 100`));
  return section;
}

/** Walks every activity of a lesson: right, « Recommencer », wrong. */
export async function walkLesson(ctx, lesson) {
  for (const a of lesson.activities) {
    const section = ctx.page.locator(ACT(a.id));
    assert.equal(await section.getAttribute('data-type'), a.type, `data-type de « ${a.id} »`);
    await answerAndCheck(ctx, a, true, { tries: 1 });
    await section.locator('[data-testid="recommencer"]').click();
    await answerAndCheck(ctx, a, false, { tries: 2 });
  }
}

// ---------------------------------------------------------------- tests

const ids = await lessonIds();

export const tests = ids.length
  ? ids.map((id) => ({
      name: `marche: ${id} — chaque activité, juste puis fausse, est notée et enregistrée`,
      timeout: 180_000,
      run: async (ctx) => {
        const lesson = await lessonJson(ctx, id);
        await createProfile(ctx, 'Marche');
        await openLesson(ctx, id, lesson.activities.length);
        await walkLesson(ctx, lesson);
        // The answers are still there after a reload (written, not only shown).
        await openLesson(ctx, id, lesson.activities.length);
        for (const a of lesson.activities) {
          const n = await ctx.page.locator(ACT(a.id)).getAttribute('data-attempts');
          assert.equal(n, '2', `« ${a.id} » : 2 tentatives après rechargement`);
        }
      },
    }))
  : [
      {
        name: 'marche: la liste des leçons est lisible',
        run: async () => {
          assert.fail('lecons/index.json introuvable (COMMUNS_URL ou dist/) : aucune leçon à parcourir');
        },
      },
    ];
