#!/usr/bin/env node
// Entry point of the end-to-end tests (called by `cargo xtask test`).
//
// Environment:
//   COMMUNS_URL          app served at a root, e.g. http://127.0.0.1:41234/
//   COMMUNS_SUBPATH_URL  the same dist/ under a sub-path, e.g. http://127.0.0.1:41235/communs/
//                        (both unset: this script serves ./dist itself, for local development)
//   E2E_ARTIFACTS        screenshot folder (default tests/e2e/artifacts/)
//   E2E_FILTER           only tests whose name contains this substring (also argv[2])
//   E2E_ONLY_SELFTEST=1  only the harness self-tests
//   E2E_CHROMIUM         Chromium binary (default /usr/bin/chromium)
//   E2E_JOBS             tests run at once, each in its own context (default 1)
//
// Output: one line per test (`ok  - name` / `FAIL - name` + indented reasons),
// one line `# phase e2e <file> : 12.3 s` per spec file (the sum of its tests'
// durations, read by `cargo xtask test` for its table of durations), then
// `e2e: N passed, N failed`; exit code 1 on any failure.

import { readdirSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, runTest, expandBases, AXE_VERSION } from './lib/harness.mjs';
import { serveStatic } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const artifactsDir = path.resolve(process.env.E2E_ARTIFACTS || path.join(here, 'artifacts'));
const filter = process.env.E2E_FILTER || process.argv[2] || '';
const onlySelftest = process.env.E2E_ONLY_SELFTEST === '1';
const jobs = Math.max(1, Number(process.env.E2E_JOBS) || 1);
const t0 = Date.now();

let passed = 0;
let failed = 0;
const cleanups = [];
/** Milliseconds spent in each test file, in the order files first ran. */
const perFile = new Map();

function timeFile(file, ms) {
  perFile.set(file, (perFile.get(file) ?? 0) + ms);
}

function report(name, ok, failures = [], ms = 0) {
  if (ok) {
    passed++;
    console.log(`ok  - ${name} (${ms} ms)`);
  } else {
    failed++;
    console.log(`FAIL - ${name} (${ms} ms)`);
    for (const f of failures) console.log(String(f).replace(/^/gm, '    '));
  }
}

const selected = (name) => !filter || name.includes(filter);

async function importTests(dir, suffix, exportName) {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith(suffix)).sort();
  const all = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(dir, f)).href);
    const list = mod[exportName];
    if (!Array.isArray(list)) throw new Error(`${f} : pas d'export « ${exportName} » (tableau)`);
    for (const t of list) {
      if (!t || typeof t.name !== 'string' || typeof t.run !== 'function') {
        throw new Error(`${f} : chaque test doit avoir { name: string, run: async (ctx) => … }`);
      }
      all.push({ ...t, file: f });
    }
  }
  const seen = new Set();
  for (const t of all) {
    if (seen.has(t.name)) throw new Error(`nom de test en double : ${t.name}`);
    seen.add(t.name);
  }
  return all;
}

/**
 * Run `fn` over `items` with up to E2E_JOBS at once (each in its own browser
 * context), reporting results in the original order. `fn` must not throw.
 */
async function inOrder(items, fn, onResult) {
  const slots = items.map(() => {
    let resolve;
    const promise = new Promise((r) => (resolve = r));
    return { promise, resolve };
  });
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      slots[i].resolve(await fn(items[i]));
    }
  };
  const workers = Array.from({ length: Math.min(jobs, items.length) }, worker);
  for (const slot of slots) onResult(await slot.promise);
  await Promise.all(workers);
}

async function main() {
  // Fresh artifacts for this run (only our own PNG files are removed).
  if (existsSync(artifactsDir)) {
    for (const f of readdirSync(artifactsDir, { recursive: true })) {
      if (String(f).endsWith('.png')) rmSync(path.join(artifactsDir, String(f)), { force: true });
    }
  }

  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  console.log(`# e2e : Chromium ${browser.version()}, axe-core ${AXE_VERSION}, captures dans ${path.relative(repo, artifactsDir) || '.'}`);

  // 1. Harness self-tests against the fixture site (root and sub-path servers).
  const fixturesDir = path.join(here, 'fixtures');
  const fxRoot = await serveStatic({ root: fixturesDir });
  const fxSub = await serveStatic({ root: fixturesDir, prefix: '/communs/' });
  cleanups.push(() => fxRoot.close(), () => fxSub.close());
  const env = { browser, fixtures: { root: fxRoot.url, subpath: fxSub.url }, artifactsDir };
  const selftests = (await importTests(path.join(here, 'selftest'), '.selftest.mjs', 'selftests')).filter((t) => selected(t.name));
  await inOrder(
    selftests,
    async (t) => {
      const start = Date.now();
      try {
        await t.run(env);
        return { name: t.name, ok: true, failures: [], ms: Date.now() - start, file: t.file };
      } catch (e) {
        return { name: t.name, ok: false, failures: [e?.message ?? String(e)], ms: Date.now() - start, file: t.file };
      }
    },
    (r) => {
      timeFile(r.file, r.ms);
      report(r.name, r.ok, r.failures, r.ms);
    },
  );
  if (onlySelftest) return;

  // 2. App specs (the app is only needed if some spec test is selected).
  const specs = await importTests(path.join(here, 'specs'), '.spec.mjs', 'tests');
  const wanted = expandBases(specs, { root: '', subpath: '' }).filter((t) => selected(t.name));
  if (!wanted.length) return;
  let root = process.env.COMMUNS_URL;
  let subpath = process.env.COMMUNS_SUBPATH_URL;
  if (!root && !subpath) {
    const dist = path.join(repo, 'dist');
    if (!existsSync(path.join(dist, 'index.html'))) {
      report('specs : application à tester', false, [
        'COMMUNS_URL absent et dist/index.html introuvable : lancez `cargo xtask test` (ou `cargo xtask dist` puis `npm run e2e`).',
      ]);
      return;
    }
    const a = await serveStatic({ root: dist });
    const b = await serveStatic({ root: dist, prefix: '/communs/' });
    cleanups.push(() => a.close(), () => b.close());
    root = a.url;
    subpath = b.url;
    console.log(`# dist/ servi localement : ${root} et ${subpath}`);
  }
  const tests = expandBases(specs, { root, subpath }).filter((t) => selected(t.name));
  await inOrder(
    tests,
    async (t) => ({
      file: t.file,
      ...(t.baseUrl
        ? await runTest(browser, t, { artifactsDir })
        : { name: t.name, ok: false, failures: [`URL de base « ${t.base} » non fournie (COMMUNS_URL / COMMUNS_SUBPATH_URL)`], ms: 0 }),
    }),
    (r) => {
      timeFile(r.file, r.ms);
      report(r.name, r.ok, r.failures, r.ms);
    },
  );
}

let fatal = null;
try {
  await main();
  if (passed + failed === 0) report(`aucun test ne correspond au filtre « ${filter} »`, false);
} catch (e) {
  fatal = e;
  console.log(`FAIL - harnais : ${e?.stack ?? e}`);
  failed++;
} finally {
  for (const c of cleanups.reverse()) await Promise.resolve().then(c).catch(() => {});
}
for (const [file, ms] of perFile) console.log(`# phase e2e ${file} : ${(ms / 1000).toFixed(1)} s`);
console.log(`# durée : ${((Date.now() - t0) / 1000).toFixed(1)} s${filter ? ` (filtre « ${filter} »)` : ''}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed || fatal ? 1 : 0);
