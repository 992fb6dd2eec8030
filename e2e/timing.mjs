// The page's timings for the README (not a test: nothing is asserted). Opens DIST/gouji.html
// from file:// RUNS times (default 5) for each DIST given (default dist/; several builds are
// run interleaved, one navigation of each in turn, so that the machine's load falls on all
// alike), each in a fresh context (empty storage), and prints for each run:
// - the time from navigation to the first result (`window.__goujiFirstResultMs`);
// - after pasting a report with one wrong number (PASTE_AFTER ms after the first result,
//   default 1000), the time from the paste to its drawn result
//   (`window.__goujiPasteToResultMs`, the page's own figure, taken when the result's effects
//   run, before the browser lays it out), its steps (`window.__goujiPasteSteps`: the check
//   sent to the worker, answered, dispatched to the page's state, drawn), and the same seen
//   from outside: from the paste until `#verdict` says `fail` (a MutationObserver), and until
//   the next frame after that (laid out and painted);
// - an arrow key in the tables: from the keydown until the focus is on the next cell (the
//   page moves it once the cells are drawn), and until the next frame; the median of MOVES
//   presses (default 10), right and left in turn;
// - the page reloaded with that report kept: from navigation to its first result;
// then the medians per build.
// Run: node e2e/timing.mjs [RUNS] [DIST...]   (after `cargo xtask web`)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launch, ready } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const runs = Number(process.argv[2] || 5);
const moves = Number(process.env.MOVES || 10);
const pasteAfter = Number(process.env.PASTE_AFTER ?? 1000);
const dists = process.argv.slice(3).map(d => path.resolve(d));
if (!dists.length) dists.push(path.join(root, 'dist'));
const seed = readFileSync(path.join(root, 'tests/fixtures/reports/seed/zhangdian-yingji-2023.txt'), 'utf8');
const broken = seed.replace('(七)總計(jì) |\n1 |', '(七)總計(jì) |\n2 |');
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f1 = x => x === undefined ? '–' : x.toFixed(1);

/** Presses `key` on the focused cell: ms until the focus is on another cell, and until the
 * next frame after that. */
export async function arrowKey(page, key) {
  await page.evaluate(() => {
    window.__goujiArrow = undefined;
    let t0 = 0;
    document.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
    document.addEventListener('focusin', () => {
      const moved = performance.now() - t0;
      requestAnimationFrame(() => setTimeout(() => { window.__goujiArrow = [moved, performance.now() - t0]; }));
    }, { once: true });
  });
  await page.keyboard.press(key);
  await page.waitForFunction(() => window.__goujiArrow !== undefined);
  return page.evaluate(() => window.__goujiArrow);
}

async function once(browser, dist) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`file://${path.join(dist, 'gouji.html')}`);
  await ready(page);
  await page.waitForFunction(() => window.__goujiFirstResultMs !== undefined);
  const first = await page.evaluate(() => window.__goujiFirstResultMs);
  // A clerk pastes a moment after the page is shown: by then its worker has started (the
  // empty page is shown before it has).
  await page.waitForTimeout(pasteAfter);
  const [seen, painted] = await page.evaluate(text => new Promise(resolve => {
    const area = document.querySelector('textarea');
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelector('#verdict')?.getAttribute('data-verdict') === 'fail') {
        observer.disconnect();
        const seen = performance.now() - t0;
        requestAnimationFrame(() => setTimeout(() => resolve([seen, performance.now() - t0])));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }), broken);
  await ready(page);
  const own = await page.evaluate(() => window.__goujiPasteToResultMs);
  const steps = Object.fromEntries(await page.evaluate(() => window.__goujiPasteSteps || []));
  await page.focus('td[data-cell][tabindex="0"]');
  const arrows = [];
  for (let k = 0; k < moves; k++) arrows.push(await arrowKey(page, k % 2 ? 'ArrowLeft' : 'ArrowRight'));
  // Reopened: the report kept from the last visit is checked at once.
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => window.__goujiFirstResultMs !== undefined);
  const reopened = await page.evaluate(() => window.__goujiFirstResultMs);
  await context.close();
  return { first, own, steps, seen, painted, arrow: median(arrows.map(a => a[0])), arrowFrame: median(arrows.map(a => a[1])), reopened };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await launch();
  const results = dists.map(() => []);
  for (let k = 0; k < runs; k++) {
    for (const [i, dist] of dists.entries()) {
      const r = await once(browser, dist);
      results[i].push(r);
      const steps = Object.entries(r.steps).map(([s, t]) => `${s} ${f1(t)}`).join(', ');
      console.log(`${path.basename(path.dirname(dist + '/x'))} run ${k + 1}: navigation → first result ${r.first.toFixed(0)} ms, paste → result ${f1(r.own)} ms (${steps}), seen from outside ${f1(r.seen)} ms, next frame ${f1(r.painted)} ms; arrow key → focus moved ${f1(r.arrow)} ms, next frame ${f1(r.arrowFrame)} ms; reopened with the report → first result ${r.reopened.toFixed(0)} ms`);
    }
  }
  await browser.close();
  for (const [i, dist] of dists.entries()) {
    const rs = results[i];
    const m = key => median(rs.map(r => r[key]).filter(x => x !== undefined));
    const step = s => median(rs.map(r => r.steps[s]).filter(x => x !== undefined));
    const range = key => `${Math.min(...rs.map(r => r[key])).toFixed(1)}–${Math.max(...rs.map(r => r[key])).toFixed(1)}`;
    console.log(`${dist}: median of ${runs}: navigation → first result ${m('first').toFixed(0)} ms; paste → result ${f1(m('own'))} ms (${range('own')}; steps: sent ${f1(step('sent'))}, answered ${f1(step('answered'))}, dispatched ${f1(step('dispatched'))}, drawn ${f1(step('drawn'))}), seen from outside ${f1(m('seen'))} ms, next frame ${f1(m('painted'))} ms (${range('painted')}); arrow key → focus moved ${f1(m('arrow'))} ms (${range('arrow')}), next frame ${f1(m('arrowFrame'))} ms; reopened with the report → first result ${m('reopened').toFixed(0)} ms (${range('reopened')})`);
  }
}
