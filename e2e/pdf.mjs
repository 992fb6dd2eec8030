// Print the page to an A4 PDF (as a clerk would) to check the print stylesheet.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const [url, textFile, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage();
await page.goto(url);
await page.waitForSelector('main[data-ready="true"]');
let text = readFileSync(textFile, 'utf8').replace('(七)總計(jì) |\n1 |', '(七)總計(jì) |\n2 |');
await page.fill('textarea', text);
await page.waitForTimeout(400);
await page.pdf({ path: out, format: 'A4', printBackground: true });
await browser.close();
