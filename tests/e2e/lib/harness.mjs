// End-to-end harness for Communs: one Chromium for the whole run, a fresh
// browser context per test, and guards applied to every test automatically:
//   1. console: console.error, uncaught exceptions, CSP violations fail the test
//      unless listed in the test's `expectConsole`;
//   2. network: any request (pages and service workers) to another origin fails;
//   3. accessibility: axe-core (WCAG 2.0/2.1 A+AA and axe's best practices),
//      reduced motion emulated, on demand (ctx.checkA11y) and automatically on
//      the final state;
//   4. screenshots: on demand (ctx.screenshot) and automatically at the end;
//   5. cookies: the context must hold no cookie at the end.
// See tests/e2e/README.md (in French) for the spec API.

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
// Use the top-level axe-core (pinned in package.json), not whatever copy
// @axe-core/playwright would resolve on its own.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = JSON.parse(
  readFileSync(require.resolve('axe-core/package.json'), 'utf8'),
).version;

// The WCAG rules and axe's best practices (landmark-unique, region,
// heading-order…), which catch what a screen reader user meets first.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** WCAG 1.4.10 reflow at 320 CSS px, the width the reflow checks use. */
export const REFLOW_VIEWPORT = { width: 320, height: 640 };

export const VIEWPORTS = {
  phone: { width: 375, height: 667 },
  desktop: { width: 1280, height: 800 },
  projector: { width: 1920, height: 1080 },
  // 200 % browser zoom of a 1280×800 window: the CSS viewport halves and each
  // CSS pixel is drawn with 2 device pixels (what Ctrl + "+" does in Chromium).
  zoom200: { width: 640, height: 400, deviceScaleFactor: 2 },
  // WCAG 1.4.10 reflow: 1280 px at 400 % = 320 CSS px wide.
  reflow400: { width: 320, height: 200, deviceScaleFactor: 4 },
  reflow: REFLOW_VIEWPORT,
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // No shell here, so no quotes: every host but 127.0.0.1 fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const DEFAULT_TEST_TIMEOUT = 30_000;
const ACTION_TIMEOUT = 10_000;
const NAVIGATION_TIMEOUT = 15_000;

/**
 * Launch the single Chromium of the run. `chromium.launch` already gives a fresh
 * temporary --user-data-dir (playwright_chromiumdev_profile-*, removed on close);
 * every test then gets its own incognito-like BrowserContext.
 */
export async function launchBrowser() {
  const executablePath = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium introuvable (${executablePath}). Installez-le : apt-get install -y chromium chromium-driver ` +
        `(ou indiquez son chemin dans E2E_CHROMIUM).`,
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Join a path to a base URL that ends with `/`; a leading `/` stays relative to the base. */
export function joinUrl(base, p = '') {
  const b = base.endsWith('/') ? base : base + '/';
  return new URL(String(p).replace(/^\/+/, ''), b).href;
}

export function slug(s) {
  const base =
    String(s)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'test';
  if (base.length <= 100) return base;
  // Long names keep a hash of the whole name so that they stay distinct.
  return `${base.slice(0, 90).replace(/-+$/, '')}-${createHash('sha1').update(String(s)).digest('hex').slice(0, 8)}`;
}

function matches(expected, text) {
  return expected instanceof RegExp ? expected.test(text) : expected === text;
}

function describeExpect(e) {
  return e instanceof RegExp ? String(e) : JSON.stringify(e);
}

export function formatViolations(label, violations) {
  const lines = [`axe (${label}) : ${violations.length} violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact ?? '?'}] ${v.id} — ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 10)) {
      lines.push(`      cible : ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')}`);
    }
    if (v.nodes.length > 10) lines.push(`      … et ${v.nodes.length - 10} autre(s)`);
  }
  return lines.join('\n');
}

async function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`délai dépassé (${ms} ms) : ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, t]);
  } finally {
    clearTimeout(timer);
  }
}

// Runs in every document before its own scripts: forwards CSP violations to
// the harness through a binding (not blocked by the page's CSP).
function cspInitScript() {
  const report = (e) => {
    try {
      window.__e2eReportCsp({
        directive: e.effectiveDirective || e.violatedDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
        disposition: e.disposition,
      });
    } catch {
      /* binding unavailable: the console guard still sees the violation */
    }
  };
  document.addEventListener('securitypolicyviolation', report, true);
}

/**
 * Expand spec tests over their `bases` (default ['root']). Names get a
 * ` [root]` / ` [subpath]` suffix only when a test runs on several bases.
 * @param {object[]} tests
 * @param {Record<string, string|undefined>} baseUrls e.g. {root, subpath}
 */
export function expandBases(tests, baseUrls) {
  const out = [];
  for (const t of tests) {
    const bases = t.bases ?? ['root'];
    for (const b of bases) {
      if (!(b in baseUrls)) throw new Error(`${t.name} : base inconnue « ${b} »`);
      out.push({ ...t, name: bases.length > 1 ? `${t.name} [${b}]` : t.name, base: b, baseUrl: baseUrls[b] });
    }
  }
  return out;
}

/**
 * Run one test with all guards. Never throws; returns the outcome.
 * @param {import('playwright-core').Browser} browser
 * @param {{name: string, run: (ctx: object) => Promise<void>, base?: string, baseUrl: string,
 *          expectConsole?: (string|RegExp)[], viewport?: string|object, timeout?: number}} test
 * @param {{artifactsDir: string}} opts
 * @returns {Promise<{name: string, ok: boolean, failures: string[], ms: number,
 *          requests: {url: string, serviceWorker: boolean}[], console: string[], screenshots: string[]}>}
 */
export async function runTest(browser, test, opts) {
  const started = Date.now();
  try {
    return await runTestInner(browser, test, opts);
  } catch (e) {
    // Harness-level failure (context creation, bad test definition…).
    return { name: test?.name ?? '?', ok: false, failures: [`harnais : ${describeError(e)}`], ms: Date.now() - started, requests: [], console: [], screenshots: [] };
  }
}

async function runTestInner(browser, test, { artifactsDir }) {
  const started = Date.now();
  const failures = [];
  const consoleLog = []; // every error-ish event, for diagnosis
  const requests = [];
  const screenshots = [];
  const expectConsole = test.expectConsole ?? [];
  const usedExpect = new Set();
  const offending = { console: [], network: [] };
  const baseUrl = test.baseUrl.endsWith('/') ? test.baseUrl : test.baseUrl + '/';
  const appOrigin = new URL(baseUrl).origin;
  const testSlug = slug(test.name);
  mkdirSync(artifactsDir, { recursive: true });

  const vp = typeof test.viewport === 'string' ? VIEWPORTS[test.viewport] : test.viewport;
  if (test.viewport && !vp) {
    return { name: test.name, ok: false, failures: [`viewport inconnu : ${test.viewport}`], ms: 0, requests, console: consoleLog, screenshots };
  }
  const { deviceScaleFactor, ...viewport } = vp ?? VIEWPORTS.desktop;

  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: deviceScaleFactor ?? 1,
    reducedMotion: 'reduce',
    serviceWorkers: 'allow',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);

  // Guard 1: console errors, uncaught exceptions, CSP violations.
  const consoleProblem = (kind, text, where) => {
    const line = `${kind} : ${text}${where ? ` (${where})` : ''}`;
    consoleLog.push(line);
    const idx = expectConsole.findIndex((e) => matches(e, text));
    if (idx === -1) offending.console.push(line);
    else usedExpect.add(idx);
  };
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    consoleProblem('console.error', msg.text(), loc?.url ? (loc.lineNumber ? `${loc.url}:${loc.lineNumber}` : loc.url) : '');
  });
  context.on('weberror', (we) => {
    const err = we.error();
    const where = we.page()?.url() ?? '';
    consoleProblem('exception', `${err.name ?? 'Error'}: ${err.message}`, where);
  });
  await context.exposeBinding('__e2eReportCsp', (source, v) => {
    const text = `securitypolicyviolation: ${v.directive} ${v.blockedURI}`;
    consoleProblem('CSP', text, `${v.sourceFile || source.page?.url() || ''}${v.line ? ':' + v.line : ''}`);
  });
  await context.addInitScript(cspInitScript);

  // Guard 2: network. Context-level events include service worker requests.
  context.on('request', (req) => {
    const url = req.url();
    const sw = !!req.serviceWorker();
    requests.push({ url, serviceWorker: sw, method: req.method() });
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let origin;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = url;
    }
    if (origin !== appOrigin) offending.network.push(`${req.method()} ${url}${sw ? ' (service worker)' : ''}`);
  });

  const pages = [];
  context.on('page', (p) => pages.push(p));
  const page = await context.newPage();

  const screenshot = async (name, { page: p = page, fullPage = true } = {}) => {
    const file = path.join(artifactsDir, `${testSlug}--${slug(name)}.png`);
    await p.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' });
    screenshots.push(file);
    return file;
  };

  const axeRun = async (label, { page: p = page, include, exclude } = {}) => runAxe(p, { include, exclude });

  const ctx = {
    name: test.name,
    base: test.base ?? 'root',
    baseUrl,
    origin: appOrigin,
    context,
    page,
    viewports: VIEWPORTS,
    url: (p = '') => joinUrl(baseUrl, p),
    /** page.goto(ctx.url(p)) and fail unless the HTTP status is 2xx/3xx (or `status` given). */
    goto: async (p = '', { page: pg = page, status, waitUntil = 'load' } = {}) => {
      const res = await pg.goto(joinUrl(baseUrl, p), { waitUntil });
      const got = res?.status();
      if (status !== undefined ? got !== status : got !== undefined && got >= 400) {
        throw new Error(`GET ${joinUrl(baseUrl, p)} : statut HTTP ${got}${status !== undefined ? ` (attendu ${status})` : ''}`);
      }
      return res;
    },
    /** A second tab in the same context (same origin storage), with the same guards. */
    newPage: async () => context.newPage(),
    screenshot,
    checkA11y: async (label = 'état', opts = {}) => {
      const v = await axeRun(label, opts);
      if (v.length) throw new Error(formatViolations(label, v));
    },
    /** Fails if the page scrolls sideways (`scrollWidth` > `clientWidth`), naming the widest elements. */
    checkReflow: async (label = 'état', { page: pg = page } = {}) => {
      const r = await measureReflow(pg);
      if (r.scrollWidth > r.clientWidth) throw new Error(formatReflow(label, r));
    },
    /** Resize the viewport: a preset name (phone, desktop, projector, zoom200, reflow400) or {width, height}. */
    setViewport: async (v, { page: pg = page } = {}) => {
      const size = typeof v === 'string' ? VIEWPORTS[v] : v;
      if (!size) throw new Error(`viewport inconnu : ${v}`);
      // devicePixelRatio is fixed per context (test option `viewport`); only the CSS size changes here.
      await pg.setViewportSize({ width: size.width, height: size.height });
    },
    /**
     * 200 % text zoom of a 1280×800 window, mid-test: the CSS viewport becomes
     * 640×400, which is what drives the layout (media queries, reflow). For
     * pixel-true screenshots as well (devicePixelRatio 2), declare
     * `viewport: 'zoom200'` on the test instead.
     */
    zoom200: async ({ page: pg = page } = {}) => pg.setViewportSize({ width: 640, height: 400 }),
    /** Wait until `locator` (Locator or CSS selector) is visible and its text contains `text` (string) or matches it (RegExp). */
    expectText: async (locator, text, { timeout = ACTION_TIMEOUT, page: pg = page } = {}) => {
      const loc = typeof locator === 'string' ? pg.locator(locator) : locator;
      const deadline = Date.now() + timeout;
      let last = '(élément absent)';
      for (;;) {
        try {
          const count = await loc.count();
          if (count > 1) last = `(${count} éléments correspondent ; précisez le sélecteur)`;
          else if (count === 1) {
            if (await loc.isVisible()) {
              last = (await loc.innerText({ timeout: 1000 })).replace(/\s+/g, ' ').trim();
              if (text instanceof RegExp ? text.test(last) : last.includes(text)) return last;
            } else last = '(élément invisible)';
          }
        } catch (e) {
          last = `(${e.message.split('\n')[0]})`;
        }
        if (Date.now() > deadline) {
          throw new Error(`texte attendu ${text instanceof RegExp ? text : JSON.stringify(text)} dans ${loc} ; obtenu ${JSON.stringify(last)}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Poll `fn` until it returns a truthy value. */
    waitFor: async (fn, { timeout = ACTION_TIMEOUT, message = 'condition' } = {}) => {
      const deadline = Date.now() + timeout;
      let lastErr;
      for (;;) {
        try {
          const v = await fn();
          if (v) return v;
        } catch (e) {
          lastErr = e;
        }
        if (Date.now() > deadline) throw new Error(`délai dépassé : ${message}${lastErr ? ` (${lastErr.message})` : ''}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Focused element as a short description, e.g. `a.evitement "Aller au contenu"`. */
    focused: async ({ page: pg = page } = {}) =>
      pg.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        return {
          tag: el.tagName.toLowerCase(),
          id: el.id || null,
          text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
          href: el.getAttribute('href'),
        };
      }),
  };

  const timeout = test.timeout ?? DEFAULT_TEST_TIMEOUT;
  let testError = null;
  try {
    await withTimeout(Promise.resolve().then(() => test.run(ctx)), timeout, 'test');
  } catch (e) {
    testError = e;
    failures.push(`erreur : ${describeError(e)}`);
  }

  // Final state: automatic screenshot and accessibility check on every open page.
  const openPages = pages.filter((p) => !p.isClosed());
  for (const [i, p] of openPages.entries()) {
    const suffix = openPages.length > 1 ? `-onglet${i + 1}` : '';
    try {
      await withTimeout(screenshot((testError ? 'echec' : 'final') + suffix, { page: p }), 15_000, 'capture finale');
    } catch (e) {
      failures.push(`capture finale impossible : ${e.message.split('\n')[0]}`);
    }
    if (!testError && p.url() !== 'about:blank') {
      try {
        const v = await withTimeout(axeRun('état final' + suffix, { page: p }), 20_000, 'axe final');
        if (v.length) failures.push(formatViolations('état final' + suffix, v));
      } catch (e) {
        failures.push(`axe final impossible : ${e.message.split('\n')[0]}`);
      }
    }
  }

  // Guard 5: cookies.
  try {
    const cookies = await context.cookies();
    if (cookies.length) {
      failures.push(`cookies présents : ${cookies.map((c) => `${c.name}=${c.value} (${c.domain}${c.path})`).join(', ')}`);
    }
  } catch (e) {
    failures.push(`lecture des cookies impossible : ${e.message}`);
  }

  // Let late console events arrive before judging.
  await new Promise((r) => setTimeout(r, 50));
  await context.close().catch(() => {});

  if (offending.console.length) {
    failures.push(`console (${offending.console.length}) :\n${offending.console.map((l) => '  ' + l).join('\n')}`);
  }
  if (offending.network.length) {
    failures.push(`requêtes hors de l'origine ${appOrigin} (${offending.network.length}) :\n${offending.network.map((l) => '  ' + l).join('\n')}`);
  }
  const unused = expectConsole.filter((_, i) => !usedExpect.has(i));
  if (unused.length && !testError) {
    failures.push(`message(s) de console attendu(s) mais jamais vu(s) : ${unused.map(describeExpect).join(', ')}`);
  }

  return { name: test.name, ok: failures.length === 0, failures, ms: Date.now() - started, requests, console: consoleLog, screenshots };
}

function describeError(e) {
  if (!(e instanceof Error)) return String(e);
  const msg = String(e.message)
    .replace(/\u001b\[[0-9;]*m/g, '') // Playwright colours its call logs
    .replace(/\s+$/, '')
    .replace(/\n{2,}/g, '\n');
  // Point at the first frame inside a spec or self-test file, if any.
  const frame = String(e.stack ?? '')
    .split('\n')
    .find((l) => /\/tests\/e2e\/(specs|selftest)\//.test(l));
  return frame ? `${msg}\n  ${frame.trim()}` : msg;
}

/**
 * How wide the page is against its viewport, and the elements that stick out
 * on the right (widest first, innermost only): what a reflow failure shows.
 * @returns {Promise<{scrollWidth: number, clientWidth: number, offenders: {selector: string, right: number}[]}>}
 */
export async function measureReflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clientWidth = root.clientWidth;
    const describe = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const id = e.id ? `#${e.id}` : '';
        const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '';
        parts.unshift(e.tagName.toLowerCase() + id + cls);
      }
      return parts.join(' > ');
    };
    // content clipped or scrolled by a box of its own does not move the page
    const clipped = (el) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > clientWidth + 0.5 && !clipped(el));
    const innermost = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o)));
    const offenders = innermost
      .map((el) => ({ selector: describe(el), right: Math.round(el.getBoundingClientRect().right) }))
      .sort((a, b) => b.right - a.right)
      .slice(0, 5);
    return { scrollWidth: root.scrollWidth, clientWidth, offenders };
  });
}

export function formatReflow(label, { scrollWidth, clientWidth, offenders }) {
  const lines = [`défilement horizontal (${label}) : ${scrollWidth} px pour ${clientWidth} px de large`];
  for (const o of offenders) lines.push(`      dépasse jusqu'à ${o.right} px : ${o.selector}`);
  return lines.join('\n');
}

/**
 * Run axe-core on a page, WCAG 2.0/2.1 A+AA and best practices, and return the violations.
 * Fast path (single frame): inject axe once per document and call axe.run
 * (~40 ms instead of ~1 s for AxeBuilder's default mode, which opens a blank
 * page for every analysis). Pages with iframes go through AxeBuilder in
 * legacy mode, which injects axe into every frame.
 */
export async function runAxe(page, { include, exclude } = {}) {
  if (page.frames().length > 1) {
    let b = new AxeBuilder({ page, axeSource: AXE_SOURCE }).setLegacyMode(true).withTags(AXE_TAGS);
    if (include) b = b.include(include);
    if (exclude) b = b.exclude(exclude);
    return (await b.analyze()).violations;
  }
  const has = await page.evaluate((v) => typeof window.axe === 'object' && window.axe.version === v, AXE_VERSION);
  if (!has) await page.evaluate(AXE_SOURCE);
  const context = include || exclude ? { include: include ? [].concat(include) : undefined, exclude: exclude ? [].concat(exclude) : undefined } : undefined;
  return page.evaluate(
    async ({ context, tags }) => {
      const res = await window.axe.run(context ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      // Plain data only (drop DOM references).
      return res.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }));
    },
    { context, tags: AXE_TAGS },
  );
}
