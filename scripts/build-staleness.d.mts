// Types for build-staleness.mjs (its test imports it).
export declare const BUILD_INPUTS: readonly string[];
export declare const BUILD_OUTPUTS: readonly string[];
export declare function buildIsStale(root: string): boolean;
