import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nb, type Messages } from './nb';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'slt.language';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
const initial: Language = (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'nb';

// Bokmål is bundled (the default, and the fallback); nynorsk and English load when chosen.
const loaders: Record<Exclude<Language, 'nb'>, () => Promise<Messages>> = {
  nn: () => import('./nn').then((m) => m.nn),
  en: () => import('./en').then((m) => m.en),
};

/** Loads a language's catalog if it is not loaded yet (for text in a language other than the UI's: the printed minutes). */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'nb' || i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await loaders[language]());
}

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb } },
  partialBundledLanguages: true,
  lng: 'nb',
  fallbackLng: 'nb',
  interpolation: { escapeValue: false }, // React escapes
});

/** Switches the UI language once its catalog is loaded, remembers it, and keeps `<html lang>` right for screen readers. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

/** The remembered language, ready before the first render (main.tsx waits for it). */
export const languageReady: Promise<void> =
  initial === 'nb'
    ? Promise.resolve()
    : loadLanguage(initial)
        .then(() => i18next.changeLanguage(initial))
        .then(() => undefined);

const syncHtmlLang = (language: string) => document.documentElement.setAttribute('lang', language);
syncHtmlLang('nb');
i18next.on('languageChanged', syncHtmlLang);

export default i18next;
