// Quick look: load a URL in headless Chromium and save a screenshot.
import { chromium } from 'playwright-core';
const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
page.on('console', m => console.log('console:', m.type(), m.text()));
page.on('pageerror', e => console.log('pageerror:', e.message));
page.on('request', r => console.log('request:', r.url().slice(0, 100)));
await page.goto(url);
await page.waitForSelector('main[data-ready="true"]', { timeout: 20000 }).catch(e => console.log('not ready', e.message));
console.log('first result ms', await page.evaluate(() => window.__goujiFirstResultMs));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
