/** Levenshtein distance, small and allocation-light: names here are short. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The closest candidate to a misspelt name, or undefined when nothing is close enough
 * (at most a third of the name's letters differ, case ignored).
 * @example didYouMean("txt", ["text", "date"]) // "text"
 */
function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.ceil(name.length / 3)) ? best : undefined;
}

/** `(did you mean "x"?)` or "" — appended to error messages. */
export function didYouMeanText(name: string, candidates: Iterable<string>): string {
  const guess = didYouMean(name, candidates);
  return guess === undefined ? "" : ` (did you mean "${guess}"?)`;
}
