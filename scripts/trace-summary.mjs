// The summary both trace scripts print: from a Chromium trace in which each
// measured step starts at a `dossier-open` mark and ends at the next mark,
// the main thread's script (minus the style and layout it forced), style,
// layout and paint (pre-paint, paint, layerize, commit) per step, p50 / p95.
import { readFileSync } from 'node:fs';

export function summarize(tracePath, title) {
  const events = JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents;
  const marks = events.filter((e) => e.name === 'dossier-open' || e.name === 'dossier-back').sort((a, b) => a.ts - b.ts);
  const main = events.find((e) => e.name === 'dossier-open');
  const mine = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
  const STYLE = ['UpdateLayoutTree'], LAYOUT = ['Layout'], PAINT = ['PrePaint', 'Paint', 'Layerize', 'Commit'];
  const SCRIPT = ['FunctionCall', 'EventDispatch', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EvaluateScript'];
  const rows = [];
  for (let k = 0; k < marks.length; k++) {
    if (marks[k].name !== 'dossier-open') continue;
    const from = marks[k].ts, to = marks[k + 1]?.ts ?? Infinity;
    const inside = mine.filter((e) => e.ts >= from && e.ts < to);
    // Top-level events only for script: nested calls and forced style/layout are inside them.
    const sum = (names, top) => inside.filter((e) => names.includes(e.name) && (!top || !inside.some((o) => o !== e && SCRIPT.includes(o.name) && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur))).reduce((s, e) => s + e.dur / 1000, 0);
    const style = sum(STYLE), layout = sum(LAYOUT), paint = sum(PAINT);
    const script = sum(SCRIPT, true) - inside.filter((e) => [...STYLE, ...LAYOUT].includes(e.name) && inside.some((o) => SCRIPT.includes(o.name) && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur)).reduce((s, e) => s + e.dur / 1000, 0);
    rows.push({ script, style, layout, paint, total: script + style + layout + paint });
  }
  const q = (xs, p) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const ms = (x) => `${x.toFixed(1)} ms`.padStart(9);
  if (process.env.ROWS) rows.forEach((r, i) => console.log(i, Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)}`).join("  ")));
  console.log(`main-thread work per ${title(rows.length)}: p50 / p95`);
  for (const key of ['script', 'style', 'layout', 'paint', 'total']) {
    const xs = rows.map((r) => r[key]);
    console.log(`${key.padEnd(7)} ${ms(q(xs, 0.5))} ${ms(q(xs, 0.95))}`);
  }
}
