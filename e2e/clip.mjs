import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const [url, textFile, out, selector] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto(url);
await page.waitForSelector('main[data-ready="true"]');
if (textFile && textFile !== '-') {
  let text = readFileSync(textFile, 'utf8');
  if (process.env.BREAK) text = text.replace('(七)總計(jì) |\n1 |', '(七)總計(jì) |\n2 |');
  await page.fill('textarea', text);
  await page.waitForTimeout(400);
}
if (process.env.CLICK) await page.click(process.env.CLICK);
await page.locator(selector).screenshot({ path: out });
await browser.close();
