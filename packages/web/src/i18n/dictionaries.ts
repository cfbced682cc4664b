import { en } from "./en";
import { type Dictionary, type MessageKey, zhCN } from "./zh-CN";

export type Language = "zh-CN" | "en";
export type { Dictionary, MessageKey };

export const languages: readonly Language[] = ["zh-CN", "en"];
export const defaultLanguage: Language = "zh-CN";

export const dictionaries: Readonly<Record<Language, Dictionary>> = { "zh-CN": zhCN, en };

export type MessageParams = Readonly<Record<string, string | number>>;

/** Looks a key up and fills its `{placeholders}`; an unknown placeholder is left as written. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLanguage(value: unknown): value is Language {
  return value === "zh-CN" || value === "en";
}
