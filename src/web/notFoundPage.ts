import type { IncomingMessage } from 'node:http';
import { type Reply, html } from './http';
import { TEXT, langOf } from './i18n';
import { layout, otherLangHref } from './layout';

/** True when a browser asks (it accepts text/html): a person reads the answer, not a program. */
const wantsPage = (request: IncomingMessage): boolean => /\btext\/html\b/.test(request.headers.accept ?? '');

/**
 * The answer to an address that names nothing, for a browser: a page in the site's frame saying so and
 * where the public pages are. Null for other clients, which keep the JSON answer.
 */
export function notFoundPage(request: IncomingMessage, url: URL): Reply | null {
  if (!wantsPage(request)) return null;
  const lang = langOf(url);
  const t = TEXT[lang];
  const body = layout({
    lang,
    title: t.pageNotFoundTitle,
    otherLangHref: otherLangHref(url, lang),
    body: html`<main class="not-found">
      <h1>${t.pageNotFoundTitle}</h1>
      <p>${t.pageNotFound}</p>
      <p>${t.pageNotFoundHint}</p>
    </main>`,
  });
  return { status: 404, type: 'text/html; charset=utf-8', body };
}
