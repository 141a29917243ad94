import { html } from '../http';
import { type Lang, formatDay } from '../i18n';
import { SALES_POINT_TEXT } from './text';

export interface PublicSalesPoint {
  id: string;
  name: string;
  address: string;
  commune: { name: string } | null;
  district: { name: string } | null;
  province: { name: string };
  operator: { name: string } | null;
  openedOn: string;
  standard: string | null;
}

export interface SalesPointList {
  provinceCode: string;
  provinceName: string;
  day: string;
  totalCount: number;
  points: PublicSalesPoint[];
  /** The cursor of the next page, when there is one. */
  after: string | null;
}

const langParam = (lang: Lang): string => (lang === 'en' ? '&lang=en' : '');

/** The open points of a province as a list a visitor reads on a phone: name, address, who runs it. */
export function salesPointsBody(list: SalesPointList, lang: Lang) {
  const t = SALES_POINT_TEXT[lang];
  return html`<main class="sales-points" data-province="${list.provinceCode}">
    <h1>${t.title}: ${list.provinceName}</h1>
    <p class="meta">
      ${t.openOn} ${formatDay(list.day)}: <strong data-count="${list.totalCount}">${list.totalCount}</strong>
    </p>
    ${list.points.length === 0 ? html`<p class="empty">${t.none}</p>` : null}
    <ul class="points">
      ${list.points.map((point) => pointItem(point, lang))}
    </ul>
    ${list.after ? html`<p><a rel="next" href="?after=${list.after}${langParam(lang)}">${t.next}</a></p>` : null}
  </main>`;
}

function pointItem(point: PublicSalesPoint, lang: Lang) {
  const t = SALES_POINT_TEXT[lang];
  const place = [point.commune?.name, point.district?.name, point.province.name].filter(Boolean).join(', ');
  return html`<li class="point" data-id="${point.id}">
    <h2>${point.name}</h2>
    <dl class="facts">
      <div>
        <dt>${t.address}</dt>
        <dd>${point.address}</dd>
      </div>
      <div>
        <dt>${t.place}</dt>
        <dd>${place}</dd>
      </div>
      ${
        point.operator
          ? html`<div>
              <dt>${t.operator}</dt>
              <dd>${point.operator.name}</dd>
            </div>`
          : null
      }
      ${
        point.standard
          ? html`<div>
              <dt>${t.standard}</dt>
              <dd>${point.standard}</dd>
            </div>`
          : null
      }
      <div>
        <dt>${t.openedOn}</dt>
        <dd>${formatDay(point.openedOn)}</dd>
      </div>
    </dl>
  </li>`;
}

export function salesPointsNotFound(lang: Lang, successors: readonly string[]) {
  const t = SALES_POINT_TEXT[lang];
  return html`<main class="sales-points">
    <h1>${t.notFoundTitle}</h1>
    <p>${t.notFound}</p>
    ${
      successors.length > 0
        ? html`<p>
            ${t.successor}
            ${successors.map((code) => html`<a href="/sales-points/${code}${lang === 'en' ? '?lang=en' : ''}">${code}</a> `)}
          </p>`
        : null
    }
  </main>`;
}
