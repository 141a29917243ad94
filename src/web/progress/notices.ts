import { html } from '../http';
import { type Lang, TEXT } from '../i18n';
import { provinceOn } from '../../domain/rules/units/units';
import { abolishedOn } from '../../domain/rules/units/abolished';

/** The page of a province in a year: its path, keeping the language. */
export const progressHref = (provinceCode: string, year: number, lang: Lang): string =>
  `/progress/${provinceCode}/${year}${lang === 'en' ? '?lang=en' : ''}`;

/** "This province was merged …; its territory is now in Thái Nguyên", with a link to each successor's page. */
export function successorNotice(successors: readonly { code: string; name: string }[], year: number, lang: Lang) {
  if (successors.length === 0) return null;
  const t = TEXT[lang];
  return html`<p class="notice successor" role="note">
    ${t.mergedInto} ${successors.map((s) => s.name).join(', ')}.
    ${successors.map(
      (s) => html` <a href="${progressHref(s.code, year, lang)}">${t.successorPage} ${s.name} ${year}</a>`,
    )}
  </p>`;
}

/**
 * The page of a province asked about a year after it was merged away (Bắc Kạn in 2026): not a dead end,
 * but who carries it on that year, linked. Null when the province was not merged away.
 */
export function mergedAwayBody(provinceCode: string, year: number, lang: Lang) {
  const merged = abolishedOn(provinceCode, `${year}-01-01`);
  if (!merged || merged.former.level !== 'PROVINCE') return null;
  const former = provinceOn(provinceCode, '2025-06-30');
  return html`<main class="progress">
    <h1>${TEXT[lang].progressTitle}: ${former?.name ?? provinceCode} ${year}</h1>
    ${successorNotice(merged.successors, year, lang)}
  </main>`;
}
