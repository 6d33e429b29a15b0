#!/usr/bin/env node
// Time to first frame of this build against other builds and the bare page, interleaved: every round
// loads each side once, in a shuffled order, cold (the comparisons of BENCHMARKS.md, session 11).
//
//   node scripts/bench/compare.mjs [--rounds=150] [--scenario=mp4-only|hls-ok] [name=/path/to/checkout ...]
//
// Each other checkout must be built (`npm run build`) and have its node_modules (a symlink will do), e.g.
//   git worktree add /tmp/before HEAD~3 && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   (cd /tmp/before && npm run build) && node scripts/bench/compare.mjs before=/tmp/before
// This checkout is used as built (no rebuild). Prints medians and 90% intervals of the ratios of medians.
import { coldLoad, launchBrowser } from './lib/browser.mjs';
import * as here from './lib/servers.mjs';
import { formatInterval, median, ratioInterval, round } from './lib/stats.mjs';

const options = new Map(process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')));
const others = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((a) => a.split('='));
const ROUNDS = Math.min(Math.max(Number(options.get('rounds') ?? 150), 5), 400);
const SCENARIO = options.get('scenario') === 'hls-ok' ? 'hls-ok' : 'mp4-only';
const BARE_PAGE = SCENARIO === 'hls-ok' ? 'hls' : 'mp4';
const WARMUP_ROUNDS = 2;
const LOAD_TIMEOUT_MS = 15_000;

const upstream = await here.startFakeUpstream();
const modules = [here];
const apps = { this: await here.startApp({ apiUrl: upstream.apiUrl, apiKey: here.FAKE_API_KEY, logName: 'compare-this' }) };
for (const [name, dir] of others) {
  const servers = await import(`${dir}/scripts/bench/lib/servers.mjs`);
  modules.push(servers);
  apps[name] = await servers.startApp({ apiUrl: upstream.apiUrl, apiKey: here.FAKE_API_KEY, logName: `compare-${name}` });
}
const bare = await here.startBareServer(apps.this.url);
const sides = [...Object.keys(apps), 'bare'];
const samples = Object.fromEntries(sides.map((side) => [side, { firstFrameMs: [], presentedMs: [], metadataMs: [] }]));
const browser = await launchBrowser();
let loads = 0;
try {
  for (let round = -WARMUP_ROUNDS; round < ROUNDS; round += 1) {
    const order = [...sides].sort(() => Math.random() - 0.5);
    const row = {};
    for (const side of order) {
      const id = `${SCENARIO}--cmp${Date.now()}-${(loads += 1)}`;
      const url = side === 'bare' ? `${bare.url}/bare/${BARE_PAGE}.html?id=${id}` : `${apps[side].url}/sessions/${id}`;
      const run = await coldLoad(browser, url, { timeoutMs: LOAD_TIMEOUT_MS });
      row[side] = {
        firstFrameMs: run.firstFrame?.atMs ?? null,
        // When the compositor presented that frame (its callback, above, runs once the main thread can).
        presentedMs: run.firstFrame?.presentationMs ?? null,
        metadataMs: run.marks?.['video.loadedmetadata'] ?? null,
      };
    }
    if (round < 0) continue;
    // A 100-round run of several sides takes 10-30 min here: say how far it is.
    if ((round + 1) % 10 === 0) console.error(`round ${round + 1}/${ROUNDS} done`);
    for (const side of sides) {
      for (const key of Object.keys(samples[side])) samples[side][key].push(row[side][key]);
    }
  }
} finally {
  await browser.close();
  for (const servers of modules) servers.stopAllChildren();
}

console.log(`${SCENARIO}, ${ROUNDS} rounds; medians, and ratios of medians with their intervals (rounds resampled whole)`);
for (const side of sides) {
  const s = samples[side];
  const line = [
    `${side.padEnd(12)} first frame ${round(median(s.firstFrameMs))} ms (presented ${round(median(s.presentedMs))} ms), loadedmetadata ${round(median(s.metadataMs))} ms`,
  ];
  for (const against of sides.filter((other) => other !== side && (other === 'bare' || side === 'this'))) {
    const ff = ratioInterval(s.firstFrameMs, samples[against].firstFrameMs, { paired: true });
    const shown = ratioInterval(s.presentedMs, samples[against].presentedMs, { paired: true });
    const meta = ratioInterval(s.metadataMs, samples[against].metadataMs, { paired: true });
    const ratioOf = (key) => round(median(s[key]) / median(samples[against][key]), 2);
    line.push(
      `  / ${against}: first frame ${ratioOf('firstFrameMs')} ${formatInterval(ff)}, presented ${ratioOf('presentedMs')} ${formatInterval(shown)}, ` +
        `loadedmetadata ${ratioOf('metadataMs')} ${formatInterval(meta)}`,
    );
  }
  console.log(line.join('\n'));
}
process.exit(0);
