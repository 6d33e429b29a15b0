// Chromium flags shared by the e2e suite (playwright.config.ts) and the bench (scripts/bench/lib/browser.mjs).
/** @type {readonly string[]} */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
