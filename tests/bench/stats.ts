/** The p-th percentile of the samples (nearest rank, p in 0–100); the samples are not changed. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples to take a percentile of');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The middle sample (the upper one of the two middles for an even count, as percentile(…, 50)). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}
