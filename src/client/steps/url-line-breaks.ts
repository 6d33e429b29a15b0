const BREAK_AFTER = new Set(['/', '?', '&', '#']);

/**
 * `text` cut where a long URL or typed value may wrap: after a path's `/` (not inside the scheme's `//`),
 * and after `?`, `&` and `#`. Without these, a detail like `https://example.com/login` in a narrow
 * column wrapped mid-word (`…/logi` + `n`), since a URL has no spaces to break at. The pieces joined
 * are `text`.
 */
export function urlLinePieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i += 1) {
    const previous = text[i - 1] as string;
    if (!BREAK_AFTER.has(previous) || text[i] === '/' || (previous === '/' && text[i - 2] === '/')) continue;
    pieces.push(text.slice(start, i));
    start = i;
  }
  pieces.push(text.slice(start));
  return pieces;
}
