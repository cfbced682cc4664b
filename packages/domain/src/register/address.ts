/**
 * Address (坐落) search without pg_trgm (PGlite does not ship it): each address is stored with its
 * character bigrams in a `text[]` under a GIN index; a query's bigrams must all be present, then the
 * normalised text is checked for the whole query. Bigrams suit Chinese, where one character is
 * already most of a word, better than pg_trgm's trigrams.
 */

/** Full-width digits and letters to half-width, spaces and punctuation that vary between sources removed. */
export function normaliseAddress(text: string): string {
  return text
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s,，、.。·\-—_()（）[\]【】#＃]/g, "");
}

/** The distinct bigrams of the normalised address (a one-character address gives itself). */
export function addressGrams(text: string): string[] {
  const chars = Array.from(normaliseAddress(text));
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams].sort();
}
