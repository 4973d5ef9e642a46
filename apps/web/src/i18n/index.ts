import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nb } from './nb';
import { nn } from './nn';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'slt.language';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
const initial: Language = (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'nb';

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'nb',
  interpolation: { escapeValue: false }, // React escapes
});

/** Switches the UI language, remembers it, and keeps `<html lang>` right for screen readers. */
export function setLanguage(language: Language) {
  void i18next.changeLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
}

const syncHtmlLang = (language: string) => document.documentElement.setAttribute('lang', language);
syncHtmlLang(initial);
i18next.on('languageChanged', syncHtmlLang);

export default i18next;
