/**
 * Money is an integer number of fen (分, 0.01 yuan). Never a float: every amount that is stored,
 * summed or compared is a safe integer, and percentages are basis points (1 % = 100 bp).
 */
export type Fen = number;

export const isFen = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

export function requireFen(value: number, what = "amount"): Fen {
  if (!isFen(value))
    throw new RangeError(`${what} must be a non-negative integer number of fen, got ${value}`);
  return value;
}

/** Whole yuan to fen. */
export const yuan = (amount: number): Fen => requireFen(amount * 100, "yuan amount");

/** `amount × bp / 10 000`, rounded half up to the fen, exact for any safe amount (BigInt inside). */
export function applyBasisPoints(amount: Fen, basisPoints: number): Fen {
  requireFen(amount);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0)
    throw new RangeError(`bad rate ${basisPoints} bp`);
  const scaled = BigInt(amount) * BigInt(basisPoints);
  return Number((scaled * 2n + 10_000n) / 20_000n);
}

export const sumFen = (amounts: readonly Fen[]): Fen => amounts.reduce((a, b) => a + b, 0);

/** `12345` → `"123.45"`: for receipts and messages, never for arithmetic. */
export function formatFen(amount: Fen): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** `"123.45"` → `12345`; at most two decimals, no floats involved. */
export function parseYuan(text: string): Fen | undefined {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
