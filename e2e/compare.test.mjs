// Browser tests of the batch's comparison (issue 16): the pingtan series (one agency, 2011–2025)
// dropped as a folder shows its years side by side with the restart of 历年累计 in place; a
// county's units of one year give the unit table with medians and outliers, sortable, with a
// CSV export. Run with the other browser tests: node --test e2e/ (after the release build).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve, launch } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.join(root, 'dist');
const fixtures = path.join(root, 'tests', 'fixtures');
const out = path.join(here, 'out');
mkdirSync(out, { recursive: true });

let server;
let base;
let browser;

before(async () => {
  ({ server, base } = await serve(dist));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page on the clerk's 1366×768 screen that records page errors. */
async function open() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base);
  await page.waitForSelector('main[data-ready="true"]', { timeout: 30000 });
  return { page, context, errors };
}

/** axe-core's serious and critical violations inside `selector`. */
async function accessibility(page, selector) {
  await page.addScriptTag({ path: path.join(here, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async selector => {
    const r = await window.axe.run(document.querySelector(selector), { resultTypes: ['violations'] });
    return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  }, selector);
}

test('the pingtan series dropped as a folder: its years side by side, the 历年累计 restart in place', async () => {
  const { page, context, errors } = await open();
  const dir = path.join(out, 'pingtan');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const corpus = path.join(fixtures, 'reports/corpus');
  for (const name of readdirSync(corpus).filter(n => n.includes('平潭'))) copyFileSync(path.join(corpus, name), path.join(dir, name));
  const started = Date.now();
  await page.setInputFiles('#open-folder', dir);
  await page.waitForSelector('.batch[data-finished="true"]', { timeout: 120000 });
  await page.waitForSelector('#compare[data-tab="years"]');
  console.log(`compare: pingtan folder (18 reports) checked and compared in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(await page.getAttribute('.compare-years', 'data-agency'), '平潭综合实验区');
  assert.match(await page.textContent('.series-line'), /2013–2015 之间缺少报告/);
  // The strip marks the pairs whose rules across years break: 2013 and 2016, 2017.
  const broken = await page.$$eval('.pair-choices button.broken', b => b.map(x => x.dataset.year));
  assert.deepEqual(broken, ['2013', '2016', '2017']);
  await page.click('.pair-choices button[data-year="2017"]');
  const pair = page.locator('.pair[data-this="2017"]');
  await pair.waitFor();
  assert.equal(await pair.getAttribute('data-broken'), '2');
  const cum = pair.locator('td[data-cell="p/ACT/cum"]');
  assert.equal(await cum.getAttribute('data-state'), 'broken');
  assert.match(await cum.textContent(), /85376 → 10037/);
  assert.match(await cum.textContent(), /应为 87498/);
  assert.match(await pair.locator('li.links').textContent(), /2016 年的历年累计 85376 \+ 本年度 2122 = 87498，不符/);
  await page.evaluate(() => document.querySelector('#compare').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(out, 'compare-years.png') });
  // 2018 continues from the new start; 2021 → 2022: 上年结转 1 = last year's 结转下年度 1.
  await page.click('.pair-choices button[data-year="2018"]');
  assert.equal(await page.getAttribute('.pair[data-this="2018"] td[data-cell="p/ACT/cum"]', 'data-state'), 'holds');
  await page.click('.pair-choices button[data-year="2022"]');
  const carry = page.locator('.pair[data-this="2022"] td[data-cell="t3/R2/TOT"]');
  assert.equal(await carry.getAttribute('data-state'), 'holds');
  assert.match(await carry.textContent(), /✓ XY-CARRY/);
  // A change and its hint: 2024 → 2025 表三 不予公开·内部事务 32 → 3.
  await page.click('.pair-choices button[data-year="2025"]');
  const jump = page.locator('.pair[data-this="2025"] td[data-cell="t3/R3.3.5/TOT"]');
  assert.equal(await jump.getAttribute('data-hint'), 'XY-JUMP');
  assert.match(await jump.textContent(), /32 → 3.*−29（−90\.6%）/);
  assert.deepEqual(await accessibility(page, '#compare'), []);
  // A file name opens that report.
  await page.click('.pair[data-this="2025"] h3 button.link-button >> nth=1');
  await page.waitForSelector('#batch-back');
  assert.match(await page.evaluate(() => location.hash), /^#batch\//);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a county\'s units of one year: medians, outliers, sorting, totals beside its 汇总, CSV', async () => {
  const { page, context, errors } = await open();
  await page.setInputFiles('#open-folder', path.join(fixtures, 'compare/units-2023'));
  await page.waitForSelector('.batch[data-finished="true"]', { timeout: 120000 });
  await page.waitForSelector('#compare[data-tab="units"]');
  const rows = page.locator('table.units tbody tr');
  assert.equal(await rows.count(), 8);
  assert.equal(await page.textContent('table.units tfoot tr.median td[data-figure="received"]'), '24');
  const far = await page.$$eval('table.units tbody td[data-far="true"]', cells =>
    cells.map(c => `${c.closest('tr').querySelector('button').textContent}:${c.dataset.figure}`));
  assert.deepEqual(far, ['测试县自然资源局:open', '测试县自然资源局:deny', '测试县住房和城乡建设局:received',
    '测试县住房和城乡建设局:reviews', '测试县住房和城乡建设局:suits']);
  assert.match(await page.textContent('table.units tbody tr:has-text("住房和城乡建设局") td[data-figure="received"]'), /144 ▲/);
  // Sorting by a figure: largest first, then turned over.
  await page.click('table.units th[data-figure="received"] button');
  assert.equal(await page.getAttribute('table.units th[data-figure="received"]', 'aria-sort'), 'descending');
  assert.match(await rows.first().textContent(), /住房和城乡建设局/);
  await page.click('table.units th[data-figure="received"] button');
  assert.equal(await page.getAttribute('table.units th[data-figure="received"]', 'aria-sort'), 'ascending');
  assert.match(await rows.last().textContent(), /住房和城乡建设局/);
  // The units' total beside the county's own 汇总 report.
  assert.equal(await page.textContent('table.units tfoot tr.total td[data-figure="received"]'), '288');
  assert.equal(await page.textContent('table.units tfoot tr.aggregate td[data-figure="received"]'), '288');
  await page.click('table.units th[data-figure="received"] button');
  await page.evaluate(() => document.querySelector('#compare').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(out, 'compare-units.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-units-csv')]);
  const file = path.join(out, 'units.csv');
  await download.saveAs(file);
  const csv = readFileSync(file, 'utf8');
  assert.ok(csv.startsWith('\ufeff文件,单位,年度,本年新收'), 'UTF-8 with BOM');
  assert.match(csv, /测试县住房和城乡建设局,2023,144,46\.2%,7\.7%,24,24,0\.0%,本年新收、行政复议、行政诉讼\r\n/);
  assert.deepEqual(await accessibility(page, '#compare'), []);
  assert.deepEqual(errors, []);
  await context.close();
});
