// Interface strings: one small JSON dictionary per language (i18n/en.json, i18n/sv.json).
let dict = {};
let current = 'en';
export const LANGS = ['en', 'sv'];

export async function setLanguage(lang) {
  if (!LANGS.includes(lang)) lang = 'en';
  const r = await fetch(`/static/i18n/${lang}.json`);
  dict = await r.json();
  current = lang;
  document.documentElement.lang = lang;
  document.documentElement.dataset.uiLang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  try { localStorage.setItem('konflikt-lang', lang); } catch (_e) { /* private mode */ }
}

export function language() { return current; }

export function t(key, vars = {}) {
  let s = dict[key] ?? key;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
