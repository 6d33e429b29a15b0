/**
 * After Notte answers 429, no upstream call (for any session) is made until its Retry-After has
 * passed: the limit is on our key, not on one session.
 */
export interface UpstreamCooldown {
  /** Whole seconds left, or null when calls are allowed. */
  remainingSec(): number | null;
  start(waitSec: number): void;
}

export function createUpstreamCooldown(nowMs: () => number): UpstreamCooldown {
  let blockedUntilMs = 0;
  return {
    remainingSec() {
      const leftMs = blockedUntilMs - nowMs();
      return leftMs > 0 ? Math.ceil(leftMs / 1000) : null;
    },
    start(waitSec) {
      blockedUntilMs = Math.max(blockedUntilMs, nowMs() + waitSec * 1000);
    },
  };
}
