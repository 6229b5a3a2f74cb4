// Self-tests of the harness: each one runs the real `runTest` on a fixture page
// and checks that the guard under test fails it (or lets it pass).
// They receive { browser, fixtures: {root, subpath}, artifactsDir }.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runTest, joinUrl, expandBases, VIEWPORTS } from '../lib/harness.mjs';

/** Run an inner test against the fixture site and return its outcome. */
async function inner(env, test) {
  const base = test.base ?? 'root';
  return runTest(
    env.browser,
    { base, baseUrl: env.fixtures[base], ...test, name: `selftest-inner ${test.name}` },
    { artifactsDir: path.join(env.artifactsDir, 'selftest') },
  );
}

const open = (file) => async (ctx) => {
  await ctx.goto(file);
};

function expectFail(res, pattern, guard) {
  assert.equal(res.ok, false, `la garde « ${guard} » aurait dû faire échouer le test`);
  const all = res.failures.join('\n');
  assert.match(all, pattern, `motif ${pattern} absent des échecs :\n${all}`);
}

function expectPass(res) {
  assert.equal(res.ok, true, `le test aurait dû réussir :\n${res.failures.join('\n')}`);
}

export const selftests = [
  {
    name: 'selftest: ok.html passe toutes les gardes',
    run: async (env) => {
      const res = await inner(env, {
        name: 'ok',
        run: async (ctx) => {
          await ctx.goto('ok.html');
          await ctx.checkA11y('chargée');
          await ctx.page.getByRole('button', { name: 'Compter' }).click();
          await ctx.expectText('#compte', '1');
          await ctx.screenshot('apres-clic');
        },
      });
      expectPass(res);
      assert.equal(res.screenshots.length, 2, 'une capture demandée + une capture finale');
      for (const f of res.screenshots) assert.ok(existsSync(f), `capture absente : ${f}`);
    },
  },
  {
    name: 'selftest: console.error fait échouer',
    run: async (env) => {
      const res = await inner(env, { name: 'console-error', run: open('console-error.html') });
      expectFail(res, /console\.error : erreur attendue 42/, 'console');
    },
  },
  {
    name: 'selftest: expectConsole (chaîne exacte) laisse passer une erreur attendue',
    run: async (env) => {
      const res = await inner(env, {
        name: 'console-error-attendue',
        expectConsole: ['erreur attendue 42'],
        run: open('console-error.html'),
      });
      expectPass(res);
    },
  },
  {
    name: 'selftest: expectConsole (regex) laisse passer, une chaîne partielle non',
    run: async (env) => {
      expectPass(await inner(env, { name: 'regex', expectConsole: [/^erreur attendue \d+$/], run: open('console-error.html') }));
      const partial = await inner(env, { name: 'partielle', expectConsole: ['erreur attendue'], run: open('console-error.html') });
      expectFail(partial, /console\.error : erreur attendue 42/, 'console (chaîne non exacte)');
    },
  },
  {
    name: 'selftest: expectConsole jamais vu fait échouer',
    run: async (env) => {
      const res = await inner(env, { name: 'attendu-absent', expectConsole: ['jamais émis'], run: open('ok.html') });
      expectFail(res, /attendu\(s\) mais jamais vu\(s\) : "jamais émis"/, 'attente inutilisée');
    },
  },
  {
    name: 'selftest: exception non rattrapée fait échouer',
    run: async (env) => {
      const res = await inner(env, { name: 'exception', run: open('exception.html') });
      expectFail(res, /exception : Error: exception du banc d’essai/, 'exception');
    },
  },
  {
    name: 'selftest: requête vers une autre origine fait échouer',
    run: async (env) => {
      const res = await inner(env, { name: 'sortante', run: open('outside-request.html') });
      expectFail(res, /hors de l'origine[^]*GET http:\/\/example\.com\/x\.png/, 'réseau');
    },
  },
  {
    name: 'selftest: requête sortante d’un service worker fait échouer',
    run: async (env) => {
      const res = await inner(env, {
        name: 'sw-sortant',
        // The failed outside fetch is silenced in the worker; the page stays clean.
        run: async (ctx) => {
          await ctx.goto('sw-outside.html');
          await ctx.page.evaluate(() => navigator.serviceWorker.ready);
          await ctx.waitFor(() => ctx.context.serviceWorkers().length > 0, { message: 'service worker actif' });
          await ctx.page.waitForTimeout(300);
        },
      });
      expectFail(res, /http:\/\/example\.com\/depuis-le-sw\.png \(service worker\)/, 'réseau (service worker)');
    },
  },
  {
    name: 'selftest: service worker de même origine accepté et ses requêtes enregistrées',
    run: async (env) => {
      const res = await inner(env, {
        name: 'sw-ok',
        run: async (ctx) => {
          await ctx.goto('sw-ok.html');
          await ctx.page.evaluate(() => navigator.serviceWorker.ready);
          await ctx.page.waitForTimeout(300);
        },
      });
      expectPass(res);
      assert.ok(
        res.requests.some((r) => r.serviceWorker && r.url.endsWith('/style.css')),
        `requête du service worker non enregistrée : ${JSON.stringify(res.requests)}`,
      );
    },
  },
  {
    name: 'selftest: console.error d’un service worker fait échouer',
    run: async (env) => {
      const res = await inner(env, {
        name: 'sw-console',
        run: async (ctx) => {
          await ctx.goto('sw-console.html');
          await ctx.page.evaluate(() => navigator.serviceWorker.ready);
          await ctx.page.waitForTimeout(200);
        },
      });
      expectFail(res, /console\.error : erreur du service worker \(http:[^)]*sw-console\.js/, 'console (service worker)');
    },
  },
  {
    name: 'selftest: violation axe fait échouer (vérification finale automatique)',
    run: async (env) => {
      const res = await inner(env, { name: 'axe-final', run: open('axe-violation.html') });
      expectFail(res, /image-alt[^]*cible : img/, 'axe (image-alt)');
      expectFail(res, /button-name[^]*cible : button/, 'axe (button-name)');
      expectFail(res, /\[critical\]/, 'axe (impact)');
    },
  },
  {
    name: 'selftest: ctx.checkA11y lève une erreur sur violation',
    run: async (env) => {
      const res = await inner(env, {
        name: 'axe-explicite',
        run: async (ctx) => {
          await ctx.goto('axe-violation.html');
          await ctx.checkA11y('dialogue ouvert');
        },
      });
      expectFail(res, /erreur : axe \(dialogue ouvert\) : 2 violation\(s\)/, 'axe (explicite)');
    },
  },
  {
    name: 'selftest: une règle des bonnes pratiques axe fait échouer (landmark-unique)',
    run: async (env) => {
      const res = await inner(env, { name: 'axe-bonnes-pratiques', run: open('landmark-violation.html') });
      expectFail(res, /landmark-unique[^]*cible : [^\n]*nav/, 'axe (best-practice)');
      assert.doesNotMatch(res.failures.join('\n'), /wcag|image-alt|button-name/, 'seule la règle des bonnes pratiques échoue');
    },
  },
  {
    name: 'selftest: défilement horizontal à 320 px fait échouer ctx.checkReflow',
    run: async (env) => {
      const at320 = (name, file, label) =>
        inner(env, {
          name,
          viewport: 'reflow',
          run: async (ctx) => {
            await ctx.goto(file);
            await ctx.checkReflow(label);
          },
        });
      const wide = await at320('reflow', 'reflow-violation.html', 'bloc large');
      expectFail(wide, /défilement horizontal \(bloc large\) : \d+ px pour 320 px[^]*dépasse jusqu'à \d+ px : [^\n]*div\.trop-large/, 'reflow');
      const fine = await at320('reflow-ok', 'ok.html', 'page correcte');
      expectPass(fine);
    },
  },
  {
    name: 'selftest: cookie déposé fait échouer',
    run: async (env) => {
      const res = await inner(env, { name: 'cookie', run: open('cookie.html') });
      expectFail(res, /cookies présents : suivi=1/, 'cookies');
    },
  },
  {
    name: 'selftest: violation de la CSP fait échouer',
    run: async (env) => {
      const res = await inner(env, { name: 'csp', run: open('csp.html') });
      expectFail(res, /CSP : securitypolicyviolation: style-src-attr inline/, 'CSP (événement)');
      expectFail(res, /console\.error : Applying inline style violates/, 'CSP (console)');
    },
  },
  {
    name: 'selftest: une regex expectConsole couvre la CSP (console + événement)',
    run: async (env) => {
      const res = await inner(env, { name: 'csp-attendue', expectConsole: [/style-src/], run: open('csp.html') });
      expectPass(res);
    },
  },
  {
    name: 'selftest: les gardes couvrent aussi ctx.newPage()',
    run: async (env) => {
      const res = await inner(env, {
        name: 'deux-onglets',
        run: async (ctx) => {
          await ctx.goto('ok.html');
          const second = await ctx.newPage();
          await ctx.goto('cookie.html', { page: second });
          await second.goto(ctx.url('console-error.html'));
        },
      });
      expectFail(res, /console\.error : erreur attendue 42/, 'console (2e onglet)');
      expectFail(res, /cookies présents/, 'cookies (2e onglet)');
      assert.ok(res.screenshots.some((f) => f.endsWith('-onglet2.png')), 'capture finale du 2e onglet');
    },
  },
  {
    name: 'selftest: assertion en échec, capture d’échec et délai dépassé',
    run: async (env) => {
      const failed = await inner(env, {
        name: 'assertion',
        run: async (ctx) => {
          await ctx.goto('ok.html');
          await ctx.expectText('h1', 'Autre titre', { timeout: 300 });
        },
      });
      expectFail(failed, /texte attendu "Autre titre"[^]*obtenu "Page correcte"/, 'assertion');
      assert.ok(failed.screenshots.some((f) => f.endsWith('--echec.png')), 'capture d’échec');
      const slow = await inner(env, { name: 'lent', timeout: 500, run: () => new Promise(() => {}) });
      expectFail(slow, /délai dépassé \(500 ms\)/, 'délai');
      const missing = await inner(env, { name: '404', run: open('absente.html') });
      expectFail(missing, /statut HTTP 404/, 'statut HTTP');
    },
  },
  {
    name: 'selftest: ctx.url et bases root/subpath',
    run: async (env) => {
      assert.equal(joinUrl('http://h:1/communs/', 'a-propos'), 'http://h:1/communs/a-propos');
      assert.equal(joinUrl('http://h:1/communs/', '/a-propos'), 'http://h:1/communs/a-propos');
      assert.equal(joinUrl('http://h:1/communs', 'a-propos'), 'http://h:1/communs/a-propos');
      assert.equal(joinUrl('http://h:1/communs/', ''), 'http://h:1/communs/');
      assert.equal(joinUrl('http://h:1/', 'a/b?x=1#y'), 'http://h:1/a/b?x=1#y');
      const expanded = expandBases(
        [{ name: 'A', bases: ['root', 'subpath'], run() {} }, { name: 'B', run() {} }],
        { root: 'http://r/', subpath: 'http://s/communs/' },
      );
      assert.deepEqual(
        expanded.map((t) => [t.name, t.base, t.baseUrl]),
        [
          ['A [root]', 'root', 'http://r/'],
          ['A [subpath]', 'subpath', 'http://s/communs/'],
          ['B', 'root', 'http://r/'],
        ],
      );
      // Really run on both fixture bases (the sub-path server is another origin).
      for (const t of expandBases([{ name: 'bases', bases: ['root', 'subpath'], run: open('ok.html') }], env.fixtures)) {
        let seen;
        const res = await inner(env, {
          ...t,
          run: async (ctx) => {
            await ctx.goto('ok.html');
            seen = ctx.page.url();
          },
        });
        expectPass(res);
        assert.equal(seen, t.baseUrl + 'ok.html');
      }
    },
  },
  {
    name: 'selftest: viewports, zoom 200 % et mouvement réduit',
    run: async (env) => {
      const m = (ctx) =>
        ctx.page.evaluate(() => ({
          w: innerWidth,
          h: innerHeight,
          dpr: devicePixelRatio,
          reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
        }));
      const metrics = {};
      const res = await inner(env, {
        name: 'viewports',
        viewport: 'phone',
        run: async (ctx) => {
          await ctx.goto('ok.html');
          metrics.phone = await m(ctx);
          await ctx.setViewport('projector');
          metrics.projector = await m(ctx);
          await ctx.zoom200();
          metrics.zoom = await m(ctx);
        },
      });
      expectPass(res);
      assert.deepEqual(metrics.phone, { ...dims(VIEWPORTS.phone), dpr: 1, reduce: true });
      assert.deepEqual(metrics.projector, { ...dims(VIEWPORTS.projector), dpr: 1, reduce: true });
      assert.deepEqual(metrics.zoom, { w: 640, h: 400, dpr: 1, reduce: true });
      assert.equal(pngSize(res.screenshots.at(-1))[0], 640, 'la capture finale garde le zoom');
      const z = await inner(env, {
        name: 'zoom200',
        viewport: 'zoom200',
        run: async (ctx) => {
          await ctx.goto('ok.html');
          metrics.zoom200 = await m(ctx);
        },
      });
      expectPass(z);
      assert.deepEqual(metrics.zoom200, { w: 640, h: 400, dpr: 2, reduce: true });
      assert.equal(pngSize(z.screenshots.at(-1))[0], 1280, 'capture en pixels physiques');
    },
  },
];

function dims({ width, height }) {
  return { w: width, h: height };
}

function pngSize(file) {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}
