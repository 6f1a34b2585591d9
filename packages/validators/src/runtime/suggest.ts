/**
 * "Did you mean …?" for unknown properties. Runs only when a property is already known to be
 * unknown, so its cost never touches a valid request.
 */

/** Longer names than this are not compared: nobody misspells a field into 200 characters. */
const MAX_COMPARED_LENGTH = 64;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Levenshtein distance, stopping early once every way on exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known name closest to `unknown`: equal once case, `-` and `_` are ignored, or within
 * an edit distance of about a third of its length (at least 2). Undefined when none is close.
 */
export function closestName(unknown: string, known: readonly string[]): string | undefined {
  if (unknown.length > MAX_COMPARED_LENGTH) return undefined;
  const wanted = normalise(unknown);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3));
  for (const name of known) {
    const candidate = normalise(name);
    if (candidate === wanted) return name;
    const d = distance(wanted, candidate, bestDistance);
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}
