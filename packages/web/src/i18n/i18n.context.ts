import { createContext } from "react";
import type { Language } from "./dictionaries";

export type LanguageState = Readonly<{ language: Language; setLanguage: (language: Language) => void }>;

export const LanguageContext = createContext<LanguageState | null>(null);
