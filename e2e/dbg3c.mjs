import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto('http://127.0.0.1:8766/gouji.html');
await page.waitForSelector('main[data-ready="true"]');
const client = await page.context().newCDPSession(page);
await client.send('Profiler.enable');
await client.send('Profiler.setSamplingInterval', { interval: 100 });
await client.send('Profiler.start');
await page.setInputFiles('#open-folder', 'out/batch');
await page.waitForSelector('.batch[data-finished="true"]', { timeout: 120000 });
await page.waitForTimeout(300);
const { profile } = await client.send('Profiler.stop');
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of (n.children||[])) parent.set(c, n.id);
const stack = (id) => { const out = []; while (id) { const n = byId.get(id); out.push(n.callFrame.functionName || '(anon)'); id = parent.get(id); } return out; };
let t = 0; const samples = profile.samples.map((id, i) => { t += profile.timeDeltas[i]; return { t: t/1000, dt: profile.timeDeltas[i]/1000, id, name: byId.get(id).callFrame.functionName }; });
const runs = []; let cur = null;
for (const s of samples) { const busy = s.name !== '(idle)'; if (busy) { if (!cur) cur = { start: s.t, end: s.t, ss: [] }; cur.end = s.t; cur.ss.push(s); } else if (cur) { runs.push(cur); cur = null; } }
if (cur) runs.push(cur);
const short = n => n.replace(/::h[0-9a-f]{16}$/, '').replace(/^_?ZN?/, '').slice(0, 90);
for (const r of runs.filter(r => r.end - r.start > 40)) {
  console.log(`run ${r.start.toFixed(0)}..${r.end.toFixed(0)} = ${(r.end - r.start).toFixed(0)} ms`);
  const self = new Map(); const incl = new Map();
  for (const s of r.ss) { const st = stack(s.id).map(short); self.set(st[0], (self.get(st[0])||0)+s.dt); for (const f of new Set(st)) incl.set(f, (incl.get(f)||0)+s.dt); }
  console.log(' self:', [...self.entries()].sort((a,b)=>b[1]-a[1]).slice(0,12).map(([k,v])=>`${k}: ${v.toFixed(1)}`).join('\n    '));
  console.log(' incl:', [...incl.entries()].sort((a,b)=>b[1]-a[1]).slice(0,40).map(([k,v])=>`${k}: ${v.toFixed(1)}`).join('\n    '));
}
await browser.close();
