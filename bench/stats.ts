/** The median: robust to the odd slow run, for measurements that are many samples of one process. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The best (highest) of several throughputs, each measured in its own process. On this shared
 * machine a whole process runs at full or about half speed, at random: noise only ever slows a
 * process down, so the best of several is the closest to the code's own speed.
 */
export function best(values: readonly number[]): number {
  if (values.length === 0) throw new Error('best of no values');
  return Math.max(...values);
}

/** The shortest of several durations, each measured in its own process (see `best`). */
export function fastest(values: readonly number[]): number {
  if (values.length === 0) throw new Error('fastest of no values');
  return Math.min(...values);
}
