/** One difference `yulin verify` found, named so an operator can find the row or entry. */
export type VerifyProblem = { check: string; message: string };

/** Reports a problem (the caller keeps the first few hundred and counts the rest). */
export type Report = (check: string, message: string) => void;

export type VerifyStageOptions = {
  pageSize?: number;
  /** The configured seal public key: heads signed by another known key are reported. */
  sealPublicKey?: string;
  /** The clock receipts' deadlines are compared with (default: the system clock). */
  now?: () => number;
  onProgress?: (stage: "chain" | "books", done: number) => void;
};

/**
 * Streams keyset pages: the next page is asked for before the current one is handed out, so the
 * database reads page n+1 while the caller hashes and replays page n (one connection: the reads
 * queue behind each other, never overlap each other). Ends at the first empty or short page.
 */
export async function* keysetPages<T, K>(
  first: K,
  fetch: (after: K) => Promise<T[]>,
  keyOf: (last: T) => K,
  pageSize: number,
): AsyncGenerator<T[]> {
  let next: Promise<T[]> | null = fetch(first);
  while (next) {
    const page: T[] = await next;
    if (page.length === 0) return;
    next = page.length < pageSize ? null : fetch(keyOf(page[page.length - 1]!));
    // A prefetch that fails while the caller works is rethrown when it is awaited.
    next?.catch(() => undefined);
    yield page;
  }
}
