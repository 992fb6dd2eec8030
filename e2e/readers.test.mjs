// The PDF and Word readers are a second wasm module (readers/, www/src/readers.rs), inlined in
// the single file and instantiated only when a PDF or a .docx is first met: from file://,
// under the page's Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launch, ready, paste } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const single = `file://${path.join(root, 'dist', 'gouji.html')}`;
const fixtures = path.join(root, 'tests', 'fixtures');
const out = path.join(here, 'out');
mkdirSync(out, { recursive: true });
const seed = readFileSync(path.join(fixtures, 'reports/seed/zhangdian-yingji-2023.txt'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openFile(page, file) {
  await page.setInputFiles('#open-file', file);
  await page.waitForFunction(name => document.querySelector('.input-line .what')?.textContent.includes(name), path.basename(file));
  await ready(page);
}

/** How many times the readers module was instantiated: in the page's thread, in its workers. */
async function loaded(page) {
  const inWorkers = await Promise.all(page.workers().map(w => w.evaluate(() => self.__goujiReadersLoaded ?? 0)));
  return { page: await page.evaluate(() => window.__goujiReadersLoaded ?? 0), workers: inWorkers.reduce((a, b) => a + b, 0) };
}

/** `from` written again with every part deflated (Word's own files are; ours are stored). */
function deflated(from, to) {
  const script = 'import sys, zipfile\n'
    + 'src = zipfile.ZipFile(sys.argv[1])\n'
    + 'with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:\n'
    + '    for i in src.infolist(): z.writestr(i.filename, src.read(i.filename))\n'
    + 'print(sorted({i.compress_type for i in zipfile.ZipFile(sys.argv[2]).infolist()}))\n';
  const run = spawnSync('python3', ['-c', script, from, to], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), '[8]', 'every part deflated');
}

test('the readers load on first use: a PDF, a deflated .docx and its correction, from file://; rule pages from the page', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(single);
  await ready(page);
  // A paste needs no reader.
  await paste(page, seed);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'pass');
  assert.equal(await page.evaluate(() => window.__goujiCheckedIn), 'worker');
  assert.deepEqual(await loaded(page), { page: 0, workers: 0 }, 'nothing loaded for a paste');
  // A rule page's text is data in the page (docs/rules.json), not in the wasm: read under the CSP.
  const broken = seed.replace('(七)總計(jì) |\n1 |', '(七)總計(jì) |\n2 |');
  await paste(page, broken);
  await page.click('[data-rule="T3-ROW-R3.7"] .rule-id');
  assert.deepEqual(await page.$$eval('[data-doc="T3-ROW"] h3', hs => hs.map(h => h.textContent)),
    ['检查内容', '为什么', '示例', '如何修改', '依据']);
  assert.match(await page.textContent('[data-doc="T3-ROW"] [data-example]'), /检查结果：错误 T3-ROW/);
  await page.keyboard.press('Escape');
  // A PDF: the worker instantiates the readers.
  await openFile(page, path.join(fixtures, 'reports/pdf/hzq2023_working.pdf'));
  assert.equal(await page.getAttribute('[data-cell="t4/RV/tot"]', 'data-state'), 'culprit', '洪泽区 2023: 行政复议 总计 0 instead of 11');
  assert.deepEqual(await loaded(page), { page: 0, workers: 1 }, 'the readers, once, in the worker');
  // Its corrected tables come as a Word file; written again deflated, as Word writes.
  await page.click('[data-rule="T4-RV"] button.apply');
  await ready(page);
  const [tables] = await Promise.all([page.waitForEvent('download'), page.click('#download-corrected')]);
  const stored = path.join(out, 'readers-tables.docx');
  await tables.saveAs(stored);
  const docx = path.join(out, 'readers-tables-deflated.docx');
  deflated(stored, docx);
  await openFile(page, docx);
  assert.equal(await page.textContent('[data-cell="t4/RV/tot"]'), '11', 'read from the deflated .docx');
  assert.deepEqual(await loaded(page), { page: 0, workers: 1 }, 'instantiated once per worker');
  // Correcting the .docx itself inflates its parts on the page's thread: the readers there.
  await page.focus('[data-cell="t4/RV/tot"]');
  await page.keyboard.press('9');
  // The key opens the cell's edit box with the digit in it; Enter goes to the box.
  await page.waitForFunction(() => document.activeElement?.matches('input.cell-edit') && document.activeElement.value === '9');
  await page.keyboard.press('Enter');
  await ready(page);
  const [corrected] = await Promise.all([page.waitForEvent('download'), page.click('#download-corrected')]);
  assert.match(corrected.suggestedFilename(), /\.docx$/);
  const back = path.join(out, 'readers-corrected.docx');
  await corrected.saveAs(back);
  assert.equal((await loaded(page)).page, 1, 'the page thread loaded the readers to correct the .docx');
  await openFile(page, back);
  assert.equal(await page.textContent('[data-cell="t4/RV/tot"]'), '9', 'the corrected digit, in the .docx');
  assert.deepEqual(errors, []);
  await context.close();
});
