/**
 * 份额 — a co-owner's share as an exact fraction. Floats cannot represent 1/3, so three thirds would
 * not sum to 1 (R6). Arithmetic goes through BigInt and the result is reduced; a reduced result that
 * no longer fits a safe integer is a programmer error.
 */
export type Fraction = { numerator: number; denominator: number };

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const toSafe = (value: bigint): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError(`fraction part out of range: ${value}`);
  return Number(value);
};

const reduce = (numerator: bigint, denominator: bigint): Fraction => {
  if (denominator === 0n) throw new RangeError("fraction with a zero denominator");
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator, denominator) || 1n;
  return {
    numerator: toSafe((sign * numerator) / divisor),
    denominator: toSafe((sign * denominator) / divisor),
  };
};

const big = (f: Fraction): [bigint, bigint] => {
  if (!Number.isSafeInteger(f.numerator) || !Number.isSafeInteger(f.denominator) || f.denominator === 0)
    throw new RangeError(`not a fraction of integers: ${f.numerator}/${f.denominator}`);
  return [BigInt(f.numerator), BigInt(f.denominator)];
};

export const fraction = (numerator: number, denominator = 1): Fraction =>
  reduce(...big({ numerator, denominator }));

export const FRACTION_ZERO: Fraction = { numerator: 0, denominator: 1 };
export const FRACTION_ONE: Fraction = { numerator: 1, denominator: 1 };

export const addFractions = (a: Fraction, b: Fraction): Fraction => {
  const [an, ad] = big(a);
  const [bn, bd] = big(b);
  return reduce(an * bd + bn * ad, ad * bd);
};

export const sumFractions = (values: readonly Fraction[]): Fraction =>
  values.reduce(addFractions, FRACTION_ZERO);

/** Negative, zero or positive like a comparator. */
export const compareFractions = (a: Fraction, b: Fraction): number => {
  const [an, ad] = big(a);
  const [bn, bd] = big(b);
  // Compared as BigInt cross products so no intermediate can overflow; a hand-built negative
  // denominator flips the sign.
  const diff = (an * bd - bn * ad) * (ad * bd < 0n ? -1n : 1n);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
};

export const fractionsEqual = (a: Fraction, b: Fraction): boolean => compareFractions(a, b) === 0;

/** Shares as written on applications: `1/3`, `50%`, `33.5%`, `0.25`, `1`. Undefined when unreadable. */
export const parseFraction = (text: string): Fraction | undefined => {
  const value = text.trim();
  const ratio = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
  if (ratio) return Number(ratio[2]) === 0 ? undefined : fraction(Number(ratio[1]), Number(ratio[2]));
  const decimal = /^(\d+)(?:\.(\d+))?(%?)$/.exec(value);
  if (!decimal) return undefined;
  const digits = decimal[2] ?? "";
  const scale = 10 ** digits.length * (decimal[3] === "%" ? 100 : 1);
  return fraction(Number(`${decimal[1]}${digits}`), scale);
};

export const formatFraction = (f: Fraction): string =>
  f.denominator === 1 ? String(f.numerator) : `${f.numerator}/${f.denominator}`;
