// What every browser test file starts with: `dist/` served on loopback (GET only, nothing
// outside it) and Debian's Chromium with nothing of its own on the network.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.ts': 'text/plain' };

/** Serves `dist` at a free port: `{ server, base }`. */
export async function serve(dist) {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dist, path.normalize(name));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

/** Headless Chromium ($CHROMIUM or Debian's), its background traffic switched off. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps'],
  });
}

/** Waits until the page has answered what it holds. */
export async function ready(page) {
  await page.waitForSelector('main[data-ready="true"]', { timeout: 30000 });
}

/** Pastes `text` into the box (as Ctrl+V does: the box opens first when it is folded) and
 * waits for the result of exactly that text. */
export async function paste(page, text) {
  if (await page.locator('#edit-input').count()) await page.click('#edit-input');
  await page.$eval('textarea', (el, text) => {
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, text);
  await page.waitForTimeout(0);
  await ready(page);
}
