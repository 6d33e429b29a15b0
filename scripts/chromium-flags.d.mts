// Types for scripts/chromium-flags.mjs (imported by playwright.config.ts).
export declare const CHROMIUM_FLAGS: readonly string[];
