export type { Language, MessageKey, MessageParams } from "./dictionaries";
export { dictionaries, languages, translate } from "./dictionaries";
export { LanguageProvider } from "./i18n.provider";
export { pick, pickMessage } from "./pick";
export { type Translate, useLanguage, useT } from "./use-t";
