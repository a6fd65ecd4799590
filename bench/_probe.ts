import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTrackerSide } from './tracker-scenario.js';
const N = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
for (const kind of (process.argv[3] ?? 'queue,sweep').split(',') as ('queue' | 'sweep')[]) {
  const r = await runTrackerSide(kind, dir, N, new Date('2026-03-02T08:00:00Z'));
  const s = Float64Array.from(r.lags).sort();
  console.log(kind, { ...r, lags: r.lags.length, p50: s[Math.floor(s.length / 2)], p99: s[Math.floor(s.length * 0.99)], max: s[s.length - 1] });
}
rmSync(dir, { recursive: true });
