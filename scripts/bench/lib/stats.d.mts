// Types for the part of scripts/bench/lib/stats.mjs its unit test imports.
export interface RatioInterval {
  level: number;
  low: number | null;
  high: number | null;
}
export declare function ratioInterval(
  viewer: readonly (number | null)[],
  bare: readonly (number | null)[],
  options: { paired: boolean },
): RatioInterval | null;
export declare function formatInterval(interval: RatioInterval | null): string;
