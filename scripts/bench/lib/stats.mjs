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
