/**
 * 共有 — co-ownership (R6): 单独所有 has one holder; 共同共有 two or more without shares; 按份共有 two
 * or more whose shares add up to exactly 1. Shares are exact fractions (`1/3` three times is 1).
 */
import type { Finding } from "../result";
import type { CoOwnership } from "./register.types";

export type ShareFraction = { num: bigint; den: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const reduce = ({ num, den }: ShareFraction): ShareFraction => {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
};

/** Parses `1/2`, `0.5`, `50%` (also full-width ％ and ／). Undefined when it is not a share in (0, 1]. */
export function parseShare(text: string): ShareFraction | undefined {
  const s = text.normalize("NFKC").trim();
  let fraction: ShareFraction | undefined;
  const ratio = /^(\d{1,9})\/(\d{1,9})$/.exec(s);
  const decimal = /^(\d{1,9})(?:\.(\d{1,9}))?(%?)$/.exec(s);
  if (ratio) {
    fraction = { num: BigInt(ratio[1]!), den: BigInt(ratio[2]!) };
  } else if (decimal) {
    const digits = decimal[2] ?? "";
    const scale = 10n ** BigInt(digits.length) * (decimal[3] ? 100n : 1n);
    fraction = { num: BigInt(decimal[1]! + digits), den: scale };
  }
  if (!fraction || fraction.den === 0n || fraction.num === 0n || fraction.num > fraction.den)
    return undefined;
  return reduce(fraction);
}

export function sumShares(shares: ShareFraction[]): ShareFraction {
  return shares.reduce((acc, s) => reduce({ num: acc.num * s.den + s.num * acc.den, den: acc.den * s.den }), {
    num: 0n,
    den: 1n,
  });
}

const R6 = "民法典 第297–301条";
const block = (code: string, zh: string, en: string): Finding => ({
  code,
  severity: "block",
  message_zh: zh,
  message_en: en,
  basis: R6,
});

/** Checks the holders of one right against its co-ownership mode (R6). */
export function checkCoOwnership(
  mode: CoOwnership,
  holders: ReadonlyArray<{ share: string | null }>,
): Finding[] {
  if (holders.length === 0) return [block("R6", "权利人不能为空", "A right needs at least one holder")];
  if (mode === "0") {
    if (holders.length !== 1)
      return [block("R6", "单独所有只能有一个权利人", "Sole ownership has exactly one holder")];
    const share = holders[0]!.share;
    if (share !== null && share !== "" && sumShares([parseShare(share) ?? { num: 0n, den: 1n }]).num !== 1n)
      return [block("R6", "单独所有的份额应为 1", "A sole owner's share is 1")];
    return [];
  }
  if (holders.length < 2)
    return [block("R6", "共有须有两个以上权利人", "Co-ownership needs two or more holders")];
  if (mode === "1") {
    return holders.some((h) => h.share !== null && h.share !== "")
      ? [block("R6", "共同共有不按份额登记", "Common ownership (共同共有) has no shares")]
      : [];
  }
  if (mode === "2") {
    const parsed = holders.map((h) => (h.share ? parseShare(h.share) : undefined));
    if (parsed.some((p) => p === undefined))
      return [
        block(
          "R6",
          "按份共有的每个权利人须有 (0,1] 之间的份额，如 1/2、0.5 或 50%",
          "Each holder in shares (按份共有) needs a share in (0, 1], e.g. 1/2, 0.5 or 50%",
        ),
      ];
    const sum = sumShares(parsed as ShareFraction[]);
    if (sum.num !== sum.den)
      return [
        block(
          "R6",
          `按份共有的份额之和应为 1，实为 ${sum.num}/${sum.den}`,
          `Shares must add up to exactly 1, they add up to ${sum.num}/${sum.den}`,
        ),
      ];
  }
  return [];
}
