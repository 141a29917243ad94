import { vietnamDate } from '../../domain/rules/businessDate';
import { type WholeLogLimiter, callerKey } from '../limits/wholeLogWork';
import type { Services } from '../../application/services';
import { type Reply, etagOf, html } from '../../web/http';
import { type Lang, TEXT, langOf } from '../../web/i18n';
import { layout, otherLangHref } from '../../web/layout';
import { progressCsv } from '../../web/progress/csv';
import { type ProgressQuestion, parseProgressQuestion, progressOf } from '../../web/progress/model';
import { PROGRESS_SCRIPT, progressBody } from '../../web/progress/page';
import { mergedAwayBody } from '../../web/progress/notices';
import { supportCsv } from '../../web/progress/supportCsv';

const PATH = /^\/progress\/([0-9]{2})\/([0-9]{4})$/;

/**
 * GET /progress/<provinceCode>/<year>: Annex 1 and 2 as bars per unit (`?asOf=YYYY-MM-DD` for the past,
 * `?format=csv` for the table, `?format=support-csv` for support spending by source and unit,
 * `?format=json` for the figures). The page is whole without script; its script only keeps it live.
 */
export function progressRoutes(services: Services, wholeLog: WholeLogLimiter) {
  return async (url: URL): Promise<Reply | null> => {
    if (!url.pathname.startsWith('/progress/')) return null;
    const match = PATH.exec(url.pathname);
    const lang = langOf(url);
    const today = vietnamDate(services.clock());
    const question = match && parseProgressQuestion(match[1]!, match[2]!, url.searchParams.get('asOf'), today);
    if (!question) {
      // A province merged away, asked about a later year, answers who carries it on rather than a dead end.
      const merged = match && /^20[0-9]{2}$/.test(match[2]!) ? mergedAwayBody(match[1]!, Number(match[2]), lang) : null;
      const body = layout({
        lang,
        title: TEXT[lang].progressTitle,
        otherLangHref: otherLangHref(url, lang),
        body: merged ?? notFound(lang),
      });
      return { status: merged ? 200 : 404, type: 'text/html; charset=utf-8', body };
    }
    const progress = await counted(wholeLog, question, () => progressOf(services, question));
    if (!progress) return busy(url, lang, question.asOf ?? '');
    const format = url.searchParams.get('format');
    const version = JSON.stringify(progress);
    if (format === 'csv' || format === 'support-csv') {
      const what = format === 'csv' ? 'progress' : 'support';
      const name = `ocop-${what}-${progress.provinceCode}-${progress.year}-${progress.statusDay}.csv`;
      const headers = { 'content-disposition': `attachment; filename="${name}"` };
      return {
        status: 200,
        type: 'text/csv; charset=utf-8',
        body: format === 'csv' ? progressCsv(progress) : supportCsv(progress),
        etag: etagOf(format, version),
        headers,
      };
    }
    if (format === 'json')
      return { status: 200, type: 'application/json; charset=utf-8', body: version, etag: etagOf('json', version) };
    const body = layout({
      lang,
      title: `${TEXT[lang].progressTitle}: ${progress.provinceName} ${progress.year}`,
      otherLangHref: otherLangHref(url, lang, ['asOf']),
      body: progressBody(progress, lang, today),
      script: PROGRESS_SCRIPT,
    });
    return { status: 200, type: 'text/html; charset=utf-8', body, etag: etagOf('html', lang, today, version) };
  };
}

/** How long a visitor refused for want of a slot is asked to wait: whole-log work ends within seconds. */
const RETRY_AFTER_SECONDS = 5;

/**
 * A past day is a replay of the log (time travel), so it is counted with every other piece of
 * whole-log work. Visitors are anonymous and count together, under the one key anonymous callers
 * share: all of them at once hold at most one caller's share of the slots, so however many addresses
 * ask, the slots officials need stay free. Null when no slot is free.
 */
async function counted<T>(wholeLog: WholeLogLimiter, question: ProgressQuestion, work: () => Promise<T>) {
  if (!question.asOf) return work();
  const release = wholeLog.acquire(callerKey(null), 1);
  if (typeof release !== 'function') return null;
  try {
    return await work();
  } finally {
    release();
  }
}

/** Refused for want of a slot: the visitor may ask again, or see today's figures, which need no replay. */
function busy(url: URL, lang: Lang, asOf: string): Reply {
  const inLang = lang === 'en' ? '&lang=en' : '';
  const againHref = `${url.pathname}?asOf=${asOf}${inLang}`;
  const todayHref = `${url.pathname}${lang === 'en' ? '?lang=en' : ''}`;
  const body = layout({
    lang,
    title: TEXT[lang].progressTitle,
    otherLangHref: otherLangHref(url, lang, ['asOf']),
    body: html`<main class="progress">
      <h1>${TEXT[lang].progressTitle}</h1>
      <p>${TEXT[lang].busyProgress}</p>
      <p>
        <a href="${againHref}">${TEXT[lang].tryAgain}</a> ·
        <a href="${todayHref}">${TEXT[lang].todayFigures}</a>
      </p>
    </main>`,
  });
  return {
    status: 429,
    type: 'text/html; charset=utf-8',
    body,
    headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
  };
}

const notFound = (lang: Lang) =>
  html`<main class="progress">
    <h1>${TEXT[lang].progressTitle}</h1>
    <p>${TEXT[lang].badProgress}</p>
  </main>`;
