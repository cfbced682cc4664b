import type { Language } from "./dictionaries";

/** The text of a `{zh, en}` value (domain names, server messages) in the reader's language. */
export const pick = (value: { zh: string; en: string }, language: Language): string =>
  language === "zh-CN" ? value.zh : value.en;

/** A server message pair `{message_zh, message_en}` in the reader's language. */
export const pickMessage = (value: { message_zh: string; message_en: string }, language: Language): string =>
  language === "zh-CN" ? value.message_zh : value.message_en;
