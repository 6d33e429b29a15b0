// Child process: Lighthouse 12 (desktop preset) on each URL, one Debian Chromium for all of them.
// argv: <chrome path> <report dir> <url>...   prints one JSON line per URL as soon as it is done.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const [chromePath, reportDir, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  logLevel: 'silent',
});
const emit = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);
try {
  for (const [index, url] of urls.entries()) {
    const startedAt = Date.now();
    try {
      const runnerResult = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableFullPageScreenshot: true, maxWaitForLoad: 30_000 },
        desktopConfig,
      );
      const lhr = runnerResult?.lhr;
      if (!lhr) throw new Error('no result');
      writeFileSync(path.join(reportDir, `lighthouse-${index}.json`), runnerResult.report);
      const audit = (id) => lhr.audits[id];
      const failingA11y = Object.values(lhr.audits)
        .filter((a) => lhr.categories.accessibility.auditRefs.some((ref) => ref.id === a.id && ref.weight > 0) && a.score !== null && a.score < 1)
        .map((a) => ({ id: a.id, title: a.title }));
      emit({
        index,
        url,
        ms: Date.now() - startedAt,
        runtimeError: lhr.runtimeError?.message ?? null,
        warnings: lhr.runWarnings,
        performance: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
        accessibility: lhr.categories.accessibility.score === null ? null : Math.round(lhr.categories.accessibility.score * 100),
        metrics: Object.fromEntries(
          ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'].map((id) => [
            id,
            { value: audit(id)?.numericValue ?? null, display: audit(id)?.displayValue ?? null, score: audit(id)?.score ?? null },
          ]),
        ),
        failingAccessibilityAudits: failingA11y,
        report: `bench-results/lighthouse-${index}.json`,
      });
    } catch (error) {
      emit({ index, url, ms: Date.now() - startedAt, error: String(error?.message ?? error) });
    }
  }
} finally {
  await chrome.kill();
}
