// Browser tests of the JavaScript API (dist/gouji.js, gouji.inline.js, gouji.d.ts) and the
// example CMS form (dist/embed/), in headless Chromium, over http and from file://.
// Run: node --test e2e/   (after `cargo xtask web`; `cargo xtask ready` does both).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve, launch } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.join(root, 'dist');
const fixtures = path.join(root, 'tests', 'fixtures');
const out = path.join(here, 'out', 'embed');
mkdirSync(out, { recursive: true });

const seed = readFileSync(path.join(fixtures, 'reports/seed/zhangdian-yingji-2023.txt'), 'utf8');
const broken = seed.replace('(七)總計(jì) |\n1 |', '(七)總計(jì) |\n2 |');
assert.notEqual(broken, seed);

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

async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', r => requests.push(r.url()));
  await page.goto(url);
  return { page, context, errors, requests };
}

/** What `gouji check --json FILE` prints for each file, by file name. */
function cli(files) {
  const bin = [path.join(root, 'target/release/gouji'), path.join(root, 'target/debug/gouji')].find(existsSync);
  assert.ok(bin, 'the command line is built (cargo build -p gouji-cli)');
  return files.map(file => {
    const run = spawnSync(bin, ['check', '--json', file], { maxBuffer: 1 << 26 });
    return JSON.parse(run.stdout.toString());
  });
}

test('gouji.js over http: check and checkFile give the command line\'s object, as plain objects', async () => {
  const { page, context, errors, requests } = await open(`${base}embed/module.html`);
  await page.waitForFunction(() => window.__goujiModule, null, { timeout: 30000 });
  assert.match(await page.textContent('#out'), /^gouji \d+\.\d+\.\d+：incomplete/);
  const seedFile = path.join(out, 'seed.txt');
  const brokenFile = path.join(out, 'broken.txt');
  writeFileSync(seedFile, seed);
  writeFileSync(brokenFile, broken);
  const files = [seedFile, brokenFile, path.join(fixtures, 'reports/pdf/hzq2023_working.pdf'),
    path.join(fixtures, 'reports/encodings/shuyang-fgj.gbk.html')];
  const expected = cli(files);
  // check(text, name)
  const fromText = await page.evaluate(async ([a, b]) => {
    const m = await import('/gouji.js');
    const r = m.check(a, 'seed.txt');
    return { r, b: m.check(b, 'broken.txt'), proto: Object.getPrototypeOf(r) === Object.prototype,
      cells: Object.getPrototypeOf(r.cells) === Object.prototype, arrays: Array.isArray(r.findings),
      year: typeof r.year, nulls: Object.values(r.cells).includes(undefined) };
  }, [seed, broken]);
  assert.ok(fromText.proto && fromText.cells && fromText.arrays, 'plain objects and arrays, not Maps');
  assert.equal(fromText.year, 'number');
  assert.equal(fromText.nulls, false, 'blank cells are null, never undefined');
  assert.deepEqual({ ...fromText.r, file: '' }, { ...expected[0], file: '' });
  assert.deepEqual({ ...fromText.b, file: '' }, { ...expected[1], file: '' });
  assert.equal(fromText.r.verdict, 'pass');
  assert.equal(fromText.b.verdict, 'fail');
  assert.equal(fromText.b.findings[0].cells[0], 't3/R3.7/NP');
  // checkFile(File): a PDF and a GBK page, as the page reads them.
  for (const [k, file] of files.entries()) {
    const bytes = [...readFileSync(file)];
    const name = path.basename(file);
    const r = await page.evaluate(async ([bytes, name]) => {
      const m = await import('/gouji.js');
      return m.checkFile(new File([new Uint8Array(bytes)], name));
    }, [bytes, name]);
    assert.equal(r.file, name);
    assert.deepEqual({ ...r, file: '' }, { ...expected[k], file: '' }, name);
  }
  // A Blob has no name: "-".
  const blob = await page.evaluate(async text => (await import('/gouji.js')).checkFile(new Blob([text])), seed);
  assert.equal(blob.file, '-');
  assert.equal(blob.verdict, 'pass');
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter(url => !url.startsWith(base)), [], 'nothing but its own files');
  await context.close();
});

test('gouji.d.ts declares the API and the contract object', () => {
  const dts = readFileSync(path.join(dist, 'gouji.d.ts'), 'utf8');
  assert.match(dts, /export function check\(text: string, name\?: string \| null\): Report;/);
  assert.match(dts, /export function checkFile\(file: Blob\): Promise<Report>;/);
  assert.match(dts, /export function version\(\): string;/);
  assert.match(dts, /export default function __wbg_init/);
  assert.match(dts, /export interface Report \{/);
  assert.match(dts, /verdict: "pass" \| "fail" \| "incomplete" \| "unreadable";/);
});

for (const [where, url] of [['http', () => `${base}embed/index.html`], ['file://', () => `file://${path.join(dist, 'embed/index.html')}`]]) {
  test(`the CMS form refuses to publish a report with errors (${where})`, async () => {
    const { page, context, errors, requests } = await open(url());
    await page.waitForFunction(() => window.__goujiEmbedReady, null, { timeout: 30000 });
    assert.match(await page.textContent('footer'), /gouji \d+\.\d+\.\d+/);
    assert.equal(await page.isDisabled('#publish'), true, 'nothing to publish yet');
    await page.fill('#report-text', broken);
    await page.waitForSelector('#status[data-verdict="fail"]');
    assert.match(await page.textContent('#status'), /表格有错误，请改正后再发布/);
    assert.ok(await page.locator('#findings li[data-severity="error"]').count() >= 1);
    assert.equal(await page.isDisabled('#publish'), true);
    // Even a submit the button did not send is refused.
    await page.$eval('#publish-form', form => form.requestSubmit());
    assert.equal(await page.isHidden('#submitted'), true);
    await page.fill('#report-text', seed);
    await page.waitForSelector('#status[data-verdict="pass"]');
    assert.equal(await page.isDisabled('#publish'), false);
    await page.click('#publish');
    await page.waitForSelector('#submitted', { state: 'visible' });
    // A file: the broken report as a .txt.
    await page.setInputFiles('#report-file', { name: '报告.txt', mimeType: 'text/plain', buffer: Buffer.from(broken) });
    await page.waitForSelector('#status[data-verdict="fail"]');
    assert.equal(await page.isDisabled('#publish'), true);
    await page.screenshot({ path: path.join(out, `form-${where.replace(/\W/g, '')}.png`) });
    assert.deepEqual(errors, []);
    const own = where === 'http' ? base : `file://${dist}/`;
    assert.deepEqual(requests.filter(u => !u.startsWith(own)), [], 'the form fetches nothing but its own files');
    await context.close();
  });
}

test('from file://, Chromium refuses the ES module (so the form uses gouji.inline.js)', async () => {
  const { page, context, errors } = await open(`file://${path.join(dist, 'embed/module.html')}`);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__goujiModule === undefined), true);
  assert.ok(errors.some(e => /CORS|origin/i.test(e)), errors.join('\n'));
  await context.close();
});
