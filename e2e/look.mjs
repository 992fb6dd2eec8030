// A clerk's look at the page: 1366×768, first visit, then a pasted report with one wrong
// number. Screenshots in e2e/out/. Usage: node e2e/look.mjs [URL]
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out');
mkdirSync(out, { recursive: true });
const url = process.argv[2] || `file://${root}/dist/gouji.html`;
const seed = readFileSync(path.join(root, 'tests/fixtures/reports/seed/zhangdian-yingji-2023.txt'), 'utf8');
const broken = seed.replace('(七)總計(jì) |\n1 |', '(七)總計(jì) |\n2 |');
/** Puts `text` in the box as a paste does (Ctrl+V). */
async function pasteText(page, text) {
  await page.$eval('textarea', (el, text) => {
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, text);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', e => console.log('pageerror:', e.message));
page.on('console', m => { if (m.type() === 'error') console.log('console:', m.text()); });
await page.goto(url);
await page.waitForSelector('main[data-ready="true"]');
await page.screenshot({ path: path.join(out, 'look-first-visit.png') });
await pasteText(page, broken);
await page.waitForSelector('main[data-ready="true"][data-view="report"]');
await page.waitForTimeout(300);
await page.screenshot({ path: path.join(out, 'look-broken.png') });
console.log('verdict:', await page.textContent('#verdict'));
await browser.close();
