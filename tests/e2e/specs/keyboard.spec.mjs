// Keyboard only, one test per activity type, on the test lesson
// « essai-activites »: Tab, Shift+Tab, Space, Enter, arrow keys and typing.
// The only non-keyboard step is the starting point: focus is put on the
// activity's heading (as a screen reader user would land there), then every
// move is a key press. Also: focus after « Valider » (the result),
// after « Recommencer » (the first control), after a move (the moved item),
// after a scenario step (the new situation); and the phone-width captures of
// the word cloud and the scenario.
// Guards (console, network, axe, cookies, final screenshot) are applied by the harness.

import assert from 'node:assert/strict';
import { createProfile, lessonJson, openLesson } from './walk.spec.mjs';

const LESSON = 'essai-activites';
const ACT = (id) => `[data-testid="activite"][data-activite="${id}"]`;

/** What has the focus, with the activity hooks. */
async function focusInfo(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    return {
      tag: e.tagName.toLowerCase(),
      testid: e.dataset.testid || null,
      index: e.dataset.index ?? null,
      valeur: e.dataset.valeur ?? null,
      checked: !!e.checked,
      value: e.value ?? null,
      element: e.closest('[data-testid="element"]')?.dataset.index ?? null,
      activite: e.closest('[data-activite]')?.dataset.activite ?? null,
    };
  });
}

/** Presses `key` until the focused element satisfies `pred` (checked first). */
async function keyUntil(ctx, key, pred, what, max = 20) {
  for (let i = 0; i <= max; i++) {
    const f = await focusInfo(ctx.page);
    if (f && pred(f)) return f;
    if (i < max) await ctx.page.keyboard.press(key);
  }
  throw new Error(`${what} : jamais atteint avec ${key} (focus : ${JSON.stringify(await focusInfo(ctx.page))})`);
}

const tabTo = (ctx, pred, what) => keyUntil(ctx, 'Tab', pred, what);
const backTo = (ctx, pred, what) => keyUntil(ctx, 'Shift+Tab', pred, what);
const is = (testid, index) => (f) => f.testid === testid && (index === undefined || f.index === String(index));

/** Opens the test lesson (no profile: the activities still work) and puts focus on an activity's heading. */
async function start(ctx, id, { profile = false } = {}) {
  const lesson = await lessonJson(ctx, LESSON);
  if (profile) await createProfile(ctx, 'Clavier');
  await openLesson(ctx, LESSON, lesson.activities.length);
  const section = ctx.page.locator(ACT(id));
  await section.locator('h3').evaluate((h) => {
    h.tabIndex = -1;
    h.focus();
  });
  return { section, activity: lesson.activities.find((a) => a.id === id) };
}

/** Chooses `value` in the focused <select> with Home then ArrowDown. */
async function selectByKeys(ctx, value, what) {
  await ctx.page.keyboard.press('Home');
  await keyUntil(ctx, 'ArrowDown', (f) => f.value === String(value), what, 12);
}

/** Waits for the verdict word and checks where the focus went. */
async function expectVerdict(ctx, section, word, focusTestid = 'resultat') {
  await ctx.waitFor(async () => ((await section.locator('[data-testid="verdict"]').textContent()) || '').trim() === word, {
    message: `verdict « ${word} »`,
  });
  await ctx.waitFor(async () => (await focusInfo(ctx.page))?.testid === focusTestid, {
    message: `focus sur ${focusTestid} après la réponse`,
  });
}

export const tests = [
  {
    name: 'clavier: choix unique — indice, flèches, Entrée, résultat, Recommencer, réponse fausse',
    run: async (ctx) => {
      const { section } = await start(ctx, 'cu-licence');
      // The hint comes after the controls and « Valider ».
      await tabTo(ctx, is('indice-bouton'), 'bouton « Afficher un indice »');
      await ctx.page.keyboard.press('Enter');
      await ctx.waitFor(async () => (await focusInfo(ctx.page))?.testid === 'indice', { message: 'focus sur l’indice affiché' });
      await ctx.expectText(section.locator('[data-testid="indice"]'), /commerce/);
      // Back to the radio group, then the right choice (author index 1) with the arrows.
      await backTo(ctx, is('choix'), 'groupe de boutons radio');
      let f = await focusInfo(ctx.page);
      if (f.index === '1') await ctx.page.keyboard.press('Space');
      else await keyUntil(ctx, 'ArrowDown', (g) => g.index === '1' && g.checked, 'choix CC BY-NC', 4);
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Juste');
      await ctx.expectText(section.locator('[data-testid="retour"]'), /NC veut dire/);
      await ctx.expectText(section.locator('[data-testid="non-enregistre"]'), /Crée un profil/);
      // « Recommencer » is just before the result; focus returns to the choices.
      await backTo(ctx, is('recommencer'), '« Recommencer »');
      await ctx.page.keyboard.press('Space');
      await ctx.waitFor(async () => (await focusInfo(ctx.page))?.testid === 'choix', { message: 'focus sur les choix après « Recommencer »' });
      f = await keyUntil(ctx, 'ArrowDown', (g) => g.checked && g.index !== '1', 'un mauvais choix', 3);
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Faux');
      // Two tries spent (right, then wrong): the solution is shown.
      await ctx.expectText(section.locator('[data-testid="solution"]'), /CC BY-NC/);
      await ctx.checkA11y('choix unique après une réponse fausse');
    },
  },
  {
    name: 'clavier: choix multiples — Espace coche, Tab avance',
    run: async (ctx) => {
      const { section, activity } = await start(ctx, 'cm-libertes');
      await tabTo(ctx, is('choix'), 'première case');
      for (let k = 0; k < activity.choices.length; k++) {
        const f = await focusInfo(ctx.page);
        assert.equal(f.testid, 'choix', `case ${k} : ${JSON.stringify(f)}`);
        if (activity.choices[Number(f.index)].correct) await ctx.page.keyboard.press('Space');
        await ctx.page.keyboard.press('Tab');
      }
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Juste');
    },
  },
  {
    name: 'clavier: vrai ou faux — flèche vers « Faux », Espace sur « Valider », solution après 1 essai',
    run: async (ctx) => {
      const { section } = await start(ctx, 'vf-gratuit');
      await tabTo(ctx, (f) => f.valeur === 'vrai', '« Vrai »');
      await keyUntil(ctx, 'ArrowDown', (f) => f.valeur === 'faux' && f.checked, '« Faux »', 2);
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Space');
      await expectVerdict(ctx, section, 'Juste');
      await ctx.expectText(section.locator('[data-testid="explication"]'), /libertés/);
    },
  },
  {
    name: 'clavier: réponse courte — Entrée valide ; une faute de frappe est signalée',
    run: async (ctx) => {
      const { section } = await start(ctx, 'rc-duree');
      await tabTo(ctx, is('reponse'), 'champ de réponse');
      await ctx.page.keyboard.type('70');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Juste');
      const other = ctx.page.locator(ACT('rc-wikipedia'));
      await tabTo(ctx, (f) => f.testid === 'reponse' && f.activite === 'rc-wikipedia', 'champ suivant');
      await ctx.page.keyboard.type('Wikipedai');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, other, 'Juste');
      await ctx.expectText(other.locator('[data-testid="orthographe"]'), /Wikipédia/);
    },
  },
  {
    name: 'clavier: texte à trous — saisie puis liste aux flèches',
    run: async (ctx) => {
      const { section } = await start(ctx, 'tt-conditions');
      await tabTo(ctx, is('trou', 0), 'trou 1');
      await ctx.page.keyboard.type('attribution');
      await ctx.page.keyboard.press('Tab');
      assert.equal((await focusInfo(ctx.page)).index, '1');
      await selectByKeys(ctx, 1, 'option NC');
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Juste');
    },
  },
  {
    name: 'clavier: appariement — une liste par élément, aux flèches',
    run: async (ctx) => {
      const { section, activity } = await start(ctx, 'ap-symboles');
      for (let i = 0; i < activity.pairs.length; i++) {
        await tabTo(ctx, is('paire', i), `liste ${i + 1}`);
        await selectByKeys(ctx, i, `paire ${i + 1}`);
      }
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Juste');
    },
  },
  {
    name: 'clavier: remise en ordre — « Monter » à l’Entrée, le focus suit l’élément',
    run: async (ctx) => {
      const { section, activity } = await start(ctx, 'ro-etapes');
      const order = async () => section.locator('[data-testid="element"]').evaluateAll((els) => els.map((e) => e.dataset.index));
      for (let p = 0; p < activity.items.length; p++) {
        let at = (await order()).indexOf(String(p));
        if (at === p) continue;
        await tabTo(ctx, (f) => f.testid === 'monter' && f.element === String(p), `« Monter » de l’élément ${p + 1}`);
        while (at > p) {
          await ctx.page.keyboard.press('Enter');
          at -= 1;
          await ctx.waitFor(async () => (await order()).indexOf(String(p)) === at, { message: 'élément monté' });
          await ctx.waitFor(async () => (await focusInfo(ctx.page))?.element === String(p), { message: 'le focus suit l’élément déplacé' });
        }
        await ctx.expectText(section.locator('[data-testid="annonce"]'), new RegExp(`position ${p + 1} sur`));
        // Restart from the heading for the next item.
        await section.locator('h3').evaluate((h) => h.focus());
      }
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Juste');
    },
  },
  {
    name: 'clavier: sondage — une réponse, puis la répartition',
    run: async (ctx) => {
      const { section } = await start(ctx, 'so-usage');
      await tabTo(ctx, is('choix'), 'options');
      await keyUntil(ctx, 'ArrowDown', (f) => f.index === '1' && f.checked, 'option « Parfois »', 2);
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Merci pour ta participation');
      await ctx.expectText(section.locator('[data-testid="sondage-option"][data-index="1"]'), /1 réponse sur 1 \(100\s%\)/);
    },
  },
  {
    name: 'clavier: nuage de mots — trois champs, Entrée, le nuage et sa liste',
    run: async (ctx) => {
      const { section } = await start(ctx, 'nm-communs');
      await tabTo(ctx, is('mot', 0), 'mot 1');
      await ctx.page.keyboard.type('partage');
      await ctx.page.keyboard.press('Tab');
      await ctx.page.keyboard.type('Partagé');
      await ctx.page.keyboard.press('Tab');
      await ctx.page.keyboard.type('libre');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Merci pour ta participation');
      const first = section.locator('[data-testid="nuage-liste"] li').first();
      await ctx.expectText(first, /^partage — 2\sfois$/);
      assert.equal(await section.locator('[data-testid="nuage-mot"]').count(), 2);
    },
  },
  {
    name: 'clavier: remue-méninges — Entrée ajoute une idée, « Valider » les publie par catégorie',
    run: async (ctx) => {
      const { section } = await start(ctx, 'rm-idees');
      await tabTo(ctx, is('idee'), 'champ « Ton idée »');
      await ctx.page.keyboard.type('Un wiki des exposés');
      await ctx.page.keyboard.press('Tab');
      assert.equal((await focusInfo(ctx.page)).testid, 'idee-categorie');
      await selectByKeys(ctx, 1, 'catégorie « Dans le collège »');
      await ctx.page.keyboard.press('Shift+Tab');
      await ctx.page.keyboard.press('Enter');
      await ctx.waitFor(async () => (await section.locator('[data-testid="idees"] li').count()) === 1, { message: 'une idée ajoutée' });
      await ctx.page.keyboard.type('Une photothèque libre');
      await ctx.page.keyboard.press('Enter');
      await ctx.waitFor(async () => (await section.locator('[data-testid="idees"] li').count()) === 2, { message: 'deux idées ajoutées' });
      await tabTo(ctx, is('valider'), '« Valider »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Merci pour ta participation');
      const column = section.locator('[data-testid="mur-categorie"]').filter({ hasText: 'Dans le collège' });
      assert.equal(await column.getAttribute('data-count'), '2');
    },
  },
  {
    name: 'clavier: scénario — Entrée sur un choix, le focus passe à la situation suivante',
    run: async (ctx) => {
      const { section } = await start(ctx, 'sc-photo');
      await tabTo(ctx, is('scenario-choix', 1), '« Je cherche sa licence »');
      await ctx.page.keyboard.press('Enter');
      await ctx.waitFor(async () => (await focusInfo(ctx.page))?.testid === 'scenario-situation', { message: 'focus sur la nouvelle situation' });
      await ctx.expectText(section.locator('[data-testid="scenario-etape"] [data-testid="retour"]'), 'Bon réflexe.');
      await tabTo(ctx, is('scenario-choix', 0), '« Je l’utilise en citant l’auteur »');
      await ctx.page.keyboard.press('Enter');
      await expectVerdict(ctx, section, 'Juste', 'scenario-situation');
      await ctx.expectText(section.locator('[data-testid="annonce"]'), /100 sur 100/);
      await tabTo(ctx, is('recommencer'), '« Recommencer »');
      await ctx.page.keyboard.press('Space');
      await ctx.waitFor(async () => (await focusInfo(ctx.page))?.testid === 'scenario-choix', { message: 'focus sur le premier choix après « Recommencer »' });
      assert.equal(await section.locator('[data-testid="scenario-etape"]').count(), 0);
    },
  },
  {
    name: 'captures: nuage de mots et scénario au téléphone, sans défilement horizontal',
    viewport: 'phone',
    timeout: 60_000,
    run: async (ctx) => {
      const lesson = await lessonJson(ctx, LESSON);
      await createProfile(ctx, 'Téléphone');
      await openLesson(ctx, LESSON, lesson.activities.length);
      const cloud = ctx.page.locator(ACT('nm-communs'));
      const answers = [
        ['partage', 'libre', 'Wikipédia'],
        ['Partage', 'communauté', 'règles'],
        ['partagé', 'libre', 'OpenStreetMap'],
        ['PARTAGE', 'bien commun', 'libre'],
      ];
      for (const [k, words] of answers.entries()) {
        if (k > 0) await cloud.locator('[data-testid="recommencer"]').click();
        for (const [i, w] of words.entries()) await cloud.locator(`[data-testid="mot"][data-index="${i}"]`).fill(w);
        await cloud.locator('[data-testid="valider"]').click();
        await ctx.waitFor(async () => Number(await cloud.getAttribute('data-attempts')) === k + 1, { message: `réponse ${k + 1} enregistrée` });
      }
      await ctx.expectText(cloud.locator('[data-testid="nuage-liste"] li').first(), /^partage — 4\sfois$/);
      assert.match(await cloud.locator('[data-testid="nuage-mot"]').filter({ hasText: /^partage$/ }).getAttribute('class'), /mot-taille-5/);
      await cloud.locator('[data-testid="nuage"]').scrollIntoViewIfNeeded();
      await ctx.screenshot('nuage-telephone', { fullPage: false });

      const sc = ctx.page.locator(ACT('sc-photo'));
      await sc.locator('[data-testid="scenario-choix"][data-index="1"]').click();
      await sc.locator('[data-testid="scenario-choix"][data-index="1"]').click(); // « sans citer l’auteur » : fin 50
      await ctx.expectText(sc.locator('[data-testid="verdict"]'), 'Pas tout à fait');
      await ctx.expectText(sc.locator('[data-testid="annonce"]'), /50 sur 100/);
      await sc.scrollIntoViewIfNeeded();
      await ctx.screenshot('scenario-telephone', { fullPage: false });
      await ctx.checkA11y('nuage et scénario au téléphone');
      for (const vp of ['phone', 'zoom200']) {
        await ctx.setViewport(vp);
        const { scroll, width } = await ctx.page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: document.documentElement.clientWidth,
        }));
        assert.ok(scroll <= width, `${vp} : la leçon déborde (${scroll} px pour ${width} px)`);
      }
    },
  },
];
