/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, the other half
 * random, so retries of many messages that failed together spread out without ever retrying at once.
 */
export function backoffDelayMs(
  attempt: number,
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}
