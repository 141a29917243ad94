import { type Html, html } from './http';
import { type Lang, TEXT } from './i18n';

/**
 * The frame of every public page: one stylesheet from this service, no inline script or style, a
 * viewport for phones, and a link to the same page in the other language.
 */
export function layout(options: {
  lang: Lang;
  title: string;
  otherLangHref: string;
  body: Html;
  script?: string;
}): string {
  const t = TEXT[options.lang];
  return html`<!doctype html>
    <html lang="${options.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        ${options.script ? html`<script src="${options.script}" defer></script>` : null}
      </head>
      <body>
        <header class="topbar">
          <span class="brand">OCOP</span
          ><a class="lang" href="${options.otherLangHref}" hreflang="${options.lang === 'vi' ? 'en' : 'vi'}"
            >${t.otherLang}</a
          >
        </header>
        ${options.body}
        <footer>${t.source}</footer>
      </body>
    </html> `.text;
}

/** The same path in the other language, keeping the other query parameters the page itself uses. */
export function otherLangHref(url: URL, lang: Lang, keep: readonly string[] = []): string {
  const params = new URLSearchParams();
  for (const name of keep) {
    const value = url.searchParams.get(name);
    if (value) params.set(name, value);
  }
  if (lang === 'vi') params.set('lang', 'en');
  const query = params.toString();
  return url.pathname + (query ? `?${query}` : '');
}
