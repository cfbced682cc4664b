import { parseYuan } from "./money";

/** `"80"` → 8000 fen, for readable tests. */
export function money(text: string): number {
  const fen = parseYuan(text);
  if (fen === undefined) throw new Error(`bad amount ${text}`);
  return fen;
}
