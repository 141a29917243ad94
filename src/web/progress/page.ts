import { html } from '../http';
import { INDICATOR_TEXT, type Lang, TEXT, formatDay } from '../i18n';
import type { IndicatorProgress, Progress, ProgressRow } from './model';

/** The script that keeps the page live (built by `npm run build:web`). */
export const PROGRESS_SCRIPT = '/assets/progress.js';

export function progressBody(progress: Progress, lang: Lang, today: string) {
  const t = TEXT[lang];
  const live = progress.asOf === null;
  const keepLang = lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : null;
  const csv = `?format=csv${progress.asOf ? `&asOf=${progress.asOf}` : ''}`;
  return html`<main
    class="progress"
    data-province="${progress.provinceCode}"
    data-year="${progress.year}"
    data-live="${String(live)}"
  >
    <h1>${t.progressTitle}: ${progress.provinceName} ${progress.year}</h1>
    <p class="meta">
      ${t.plan}: ${progress.planReference ?? t.noPlan}. ${t.figuresOn} ${formatDay(progress.statusDay)}.
      <span class="live-state" id="live-state" role="status" aria-live="polite">${live ? '' : t.pastView}</span>
    </p>
    <div class="tools">
      <form class="asof" method="get">
        <label for="asOf">${t.asOf}</label>
        <input
          type="date"
          id="asOf"
          name="asOf"
          min="${progress.year - 1}-01-01"
          max="${today}"
          value="${progress.asOf ?? today}"
        />
        ${keepLang}<button type="submit">${t.show}</button>
        ${live ? null : html`<a href="?${lang === 'en' ? 'lang=en' : ''}">${t.today}</a>`}
      </form>
      <a class="download" href="${csv}" download>${t.downloadCsv}</a>
      <a class="download" href="${csv.replace('format=csv', 'format=support-csv')}" download>${t.downloadSupportCsv}</a>
    </div>
    <div id="annexes">
      ${annex('annex1', t.annex1, progress.annex1, lang)} ${annex('annex2', t.annex2, progress.annex2, lang)}
      ${annex('others', t.otherTargets, progress.others, lang)}
    </div>
  </main>`;
}

function annex(id: string, title: string, indicators: IndicatorProgress[], lang: Lang) {
  return html`<section class="annex" aria-labelledby="${id}">
    <h2 id="${id}">${title}</h2>
    <div class="annex-grid">${indicators.map((indicator) => table(indicator, lang))}</div>
  </section>`;
}

function table(indicator: IndicatorProgress, lang: Lang) {
  const t = TEXT[lang];
  const behind = indicator.rows.filter((row) => row.behindPlan).length;
  return html`<table class="indicator" data-indicator="${indicator.indicator}">
    <caption>
      ${INDICATOR_TEXT[lang][indicator.indicator] ?? indicator.indicator}${behind ? html` <span class="count-behind">(${t.behind}: ${behind})</span>` : null}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t.unit}</th>
        <th scope="col">${t.actualOfTarget}</th>
      </tr>
    </thead>
    <tbody>
      ${indicator.rows.map((row) => tableRow(row, lang, 'unit'))}
      ${indicator.unplaced ? tableRow({ ...indicator.unplaced, unit: { code: 'unplaced', name: t.unplaced } }, lang, 'unplaced') : null}
    </tbody>
    <tfoot>
      ${tableRow({ ...indicator.total, unit: { ...indicator.total.unit, name: t.total } }, lang, 'total')}
    </tfoot>
  </table>`;
}

function tableRow(row: ProgressRow, lang: Lang, kind: 'unit' | 'unplaced' | 'total') {
  const t = TEXT[lang];
  const state = row.target === 0 ? t.noTarget : row.behindPlan ? t.behind : t.onTrack;
  const expected = row.behindPlan
    ? html` <span class="expected">(${t.expectedByNow} ${row.expectedByNow})</span>`
    : null;
  return html`<tr class="${row.behindPlan ? 'behind' : 'ok'} ${kind}" data-unit="${row.unit.code}">
    <th scope="row">${row.unit.name}</th>
    <td>
      <div class="figures">
        <span class="value" data-actual="${row.actual}"><strong>${row.actual}</strong> / ${row.target}</span>
        <span class="state"
          >${row.behindPlan ? html`<span aria-hidden="true">⚠ </span>` : null}${state}${expected}</span
        >
      </div>
      ${bar(row)}
    </td>
  </tr>`;
}

/** A bar drawn with SVG attributes (a strict CSP forbids inline styles); its numbers are in the text beside it. */
function bar(row: ProgressRow) {
  const scale = Math.max(row.target, row.actual, 1);
  const width = (value: number) => ((100 * value) / scale).toFixed(1);
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <rect class="track" width="${width(Math.max(row.target, 0))}" height="10"></rect>
    <rect class="fill" width="${width(row.actual)}" height="10"></rect>
    ${row.behindPlan ? html`<rect class="due" x="${width(row.expectedByNow)}" width="0.8" height="10"></rect>` : null}
  </svg>`;
}
