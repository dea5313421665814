// The page's language, like the demo's: ?lang=sw (kept in the address), else the browser's. The
// element follows <html lang> and dir by itself; the picker below it switches them.
const locales = ['en', 'sw', 'hi', 'ar', 'ur', 'he', 'es', 'fr', 'de', 'pt-BR', 'zh-Hans', 'zh-Hant', 'ja', 'ru', 'id', 'bn'];
const rtl = new Set(['ar', 'he', 'ur']);
const picker = document.getElementById('language');

function show(lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = rtl.has(lang.split('-')[0]) ? 'rtl' : 'ltr';
  if (picker) picker.value = locales.includes(lang) ? lang : 'en';
}

for (const locale of locales) {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  picker?.append(new Option(`${name} (${locale})`, locale));
}

const requested = new URLSearchParams(location.search).get('lang');
show(requested || navigator.language || 'en');

picker?.addEventListener('change', () => {
  const url = new URL(location.href);
  url.searchParams.set('lang', picker.value);
  history.replaceState(null, '', url);
  show(picker.value);
});
