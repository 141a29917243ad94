import { html } from '../http';
import { INDICATOR_TEXT, type Lang, TEXT, formatDay } from '../i18n';
import type { IndicatorProgress, Progress, ProgressRow } from './model';
import { successorNotice } from './notices';

/** The script that keeps the page live (built by `npm run build:web`). */
export const PROGRESS_SCRIPT = '/assets/progress.js';

/**
 * The progress page, read top down on a phone: the province's totals, then per indicator the units
 * with a target or a result (those behind plan first), and the many units with neither folded into
 * one line that opens. Dates are written dd/mm/yyyy whatever the browser's locale. The CSV keeps
 * every unit.
 */
export function progressBody(progress: Progress, lang: Lang, today: string) {
  const t = TEXT[lang];
  const live = progress.asOf === null && !progress.closed;
  const status = progress.closed ? t.closedYear : progress.asOf === null ? '' : t.pastView;
  return html`<main
    class="progress"
    data-province="${progress.provinceCode}"
    data-year="${progress.year}"
    data-live="${String(live)}"
  >
    <h1>${t.progressTitle}: ${progress.provinceName} ${progress.year}</h1>
    ${successorNotice(progress.carriedOnBy, Number(today.slice(0, 4)), lang)}
    <p class="meta">
      ${t.plan}: ${progress.planReference ?? t.noPlan}. ${t.figuresOn} ${formatDay(progress.statusDay)}.
      <span class="live-state" id="live-state" role="status" aria-live="polite">${status}</span>
    </p>
    <div id="annexes">
      ${summary(progress, lang)} ${annex('annex1', t.annex1, progress.annex1, lang)}
      ${annex('annex2', t.annex2, progress.annex2, lang)} ${annex('others', t.otherTargets, progress.others, lang)}
    </div>
    ${tools(progress, lang, today)}
  </main>`;
}

/** The province total of every indicator, first: what a reader asks before any unit. */
function summary(progress: Progress, lang: Lang) {
  const t = TEXT[lang];
  const totals = [...progress.annex1, ...progress.annex2].map((indicator) => ({
    ...indicator.total,
    unit: { code: indicator.indicator, name: INDICATOR_TEXT[lang][indicator.indicator] ?? indicator.indicator },
  }));
  return html`<section class="summary" aria-labelledby="summary">
    <table class="indicator totals">
      <caption id="summary">
        ${t.summary}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.indicator}</th>
          <th scope="col">${t.actualOfTarget}</th>
        </tr>
      </thead>
      <tbody>
        ${totals.map((row) => tableRow(row, lang, 'summary'))}
      </tbody>
    </table>
  </section>`;
}

/** The day picker as text in dd/mm/yyyy (a date input would show the browser's locale), and the CSV. */
function tools(progress: Progress, lang: Lang, today: string) {
  const t = TEXT[lang];
  const keepLang = lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : null;
  const csv = `?format=csv${progress.asOf ? `&asOf=${progress.asOf}` : ''}${lang === 'en' ? '&lang=en' : ''}`;
  return html`<div class="tools">
    <form class="asof" method="get">
      <label for="asOf">${t.asOf} <span class="hint">(${t.dateHint})</span></label>
      <input
        type="text"
        id="asOf"
        name="asOf"
        inputmode="numeric"
        pattern="[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}"
        placeholder="dd/mm/yyyy"
        size="10"
        value="${formatDay(progress.asOf ?? today)}"
      />
      ${keepLang}<button type="submit">${t.show}</button>
      ${progress.asOf === null ? null : html`<a href="?${lang === 'en' ? 'lang=en' : ''}">${t.today}</a>`}
    </form>
    <a class="download" href="${csv}" download>${t.downloadCsv}</a>
    <a class="download" href="${csv.replace('format=csv', 'format=support-csv')}" download>${t.downloadSupportCsv}</a>
  </div>`;
}

function annex(id: string, title: string, indicators: IndicatorProgress[], lang: Lang) {
  return html`<section class="annex" aria-labelledby="${id}">
    <h2 id="${id}">${title}</h2>
    <div class="annex-grid">${indicators.map((indicator) => table(indicator, lang))}</div>
  </section>`;
}

/** Units behind plan first, then the others with a target or a result, each group in the plan's order. */
const shown = (rows: readonly ProgressRow[]) => {
  const active = rows.filter((row) => row.target > 0 || row.actual > 0);
  return [...active.filter((row) => row.behindPlan), ...active.filter((row) => !row.behindPlan)];
};

function table(indicator: IndicatorProgress, lang: Lang) {
  const t = TEXT[lang];
  const behind = indicator.rows.filter((row) => row.behindPlan).length;
  const quiet = indicator.rows.filter((row) => row.target === 0 && row.actual === 0);
  return html`<div class="indicator-block" data-indicator="${indicator.indicator}">
    <table class="indicator" data-indicator="${indicator.indicator}">
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
        ${shown(indicator.rows).map((row) => tableRow(row, lang, 'unit'))}
        ${indicator.unplaced ? tableRow({ ...indicator.unplaced, unit: { code: 'unplaced', name: t.unplaced } }, lang, 'unplaced') : null}
      </tbody>
      <tfoot>
        ${tableRow({ ...indicator.total, unit: { ...indicator.total.unit, name: t.total } }, lang, 'total')}
      </tfoot>
    </table>
    ${
      quiet.length > 0
        ? html`<details class="folded">
            <summary>${quiet.length} ${t.folded}</summary>
            <p>${quiet.map((row) => row.unit.name).join(', ')}</p>
          </details>`
        : null
    }
  </div>`;
}

/** A due share as a reader writes it: whole, or with one decimal (0,9 in Vietnamese). */
const written = (value: number, lang: Lang) =>
  (Math.round(value * 10) / 10).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

function tableRow(row: ProgressRow, lang: Lang, kind: 'unit' | 'unplaced' | 'total' | 'summary') {
  const t = TEXT[lang];
  const state = row.target === 0 ? t.noTarget : row.behindPlan ? t.behind : t.onTrack;
  const expected = row.behindPlan
    ? html` <span class="expected">(${t.expectedByNow} ${written(row.expectedByNow, lang)})</span>`
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
      ${kind === 'summary' ? null : bar(row)}
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
