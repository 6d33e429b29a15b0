export function quantile(values, q) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

/** median, min, max, n of the finite numbers in `values`. */
export function summary(values) {
  const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return { n: 0, median: null, min: null, max: null, p25: null, p75: null };
  return {
    n: finite.length,
    median: round(median(finite)),
    p25: round(quantile(finite, 0.25)),
    p75: round(quantile(finite, 0.75)),
    min: round(Math.min(...finite)),
    max: round(Math.max(...finite)),
  };
}

export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function ratio(a, b) {
  return a !== null && b !== null && b > 0 ? Math.round((a / b) * 100) / 100 : null;
}

/** mulberry32: a seeded generator, so that the same samples give the same interval in every run. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESAMPLES = 4000;
const INTERVAL_LEVEL = 0.9;

/**
 * A 90% percentile-bootstrap interval for median(viewer) / median(bare): how far the ratio of medians
 * moves when the same machine's noise is drawn again. `pairs` are resampled whole ([viewer, bare]
 * loads next to each other in time) when `paired`; otherwise each side on its own. Null under 5 pairs.
 */
export function ratioInterval(viewer, bare, { paired }) {
  const finite = (v) => typeof v === 'number' && Number.isFinite(v);
  const pairs = paired ? viewer.map((v, i) => [v, bare[i]]).filter(([v, b]) => finite(v) && finite(b)) : null;
  const viewerValues = paired ? pairs.map(([v]) => v) : viewer.filter(finite);
  const bareValues = paired ? pairs.map(([, b]) => b) : bare.filter(finite);
  if (viewerValues.length < 5 || bareValues.length < 5) return null;
  const random = seededRandom(20261206);
  const draw = (n) => Array.from({ length: n }, () => Math.floor(random() * n));
  const ratios = [];
  for (let r = 0; r < RESAMPLES; r += 1) {
    let v;
    let b;
    if (paired) {
      const picks = draw(pairs.length);
      v = median(picks.map((i) => viewerValues[i]));
      b = median(picks.map((i) => bareValues[i]));
    } else {
      v = median(draw(viewerValues.length).map((i) => viewerValues[i]));
      b = median(draw(bareValues.length).map((i) => bareValues[i]));
    }
    if (b > 0) ratios.push(v / b);
  }
  const tail = (1 - INTERVAL_LEVEL) / 2;
  return { level: INTERVAL_LEVEL, low: round(quantile(ratios, tail), 2), high: round(quantile(ratios, 1 - tail), 2) };
}

/** An interval as the bench prints it, e.g. `[90%: 0.93–1.01]`; empty when there is none. */
export function formatInterval(interval) {
  if (!interval) return '';
  const two = (value) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : '—');
  return `[${Math.round(interval.level * 100)}%: ${two(interval.low)}–${two(interval.high)}]`;
}
