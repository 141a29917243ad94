import { vietnamDate } from '../../domain/rules/businessDate';
import { provinceOn, successorsOf } from '../../domain/rules/units/units';
import type { Services } from '../../application/services';
import type { AnonymousQuery } from '../../web/certificate/facts';
import { type Reply, etagOf } from '../../web/http';
import { langOf } from '../../web/i18n';
import { layout, otherLangHref } from '../../web/layout';
import { salesPointsBody, salesPointsNotFound } from '../../web/salesPoints/page';
import { salesPointList } from '../../web/salesPoints/query';
import { SALES_POINT_TEXT } from '../../web/salesPoints/text';

const PATH = /^\/sales-points\/([0-9]{2})$/;

/** GET /sales-points/<provinceCode> (`?commune=<code>` for one commune): the points open today. */
export function salesPointRoutes(services: Services, anonymousQuery: AnonymousQuery) {
  return async (url: URL): Promise<Reply | null> => {
    if (!url.pathname.startsWith('/sales-points/')) return null;
    const lang = langOf(url);
    const t = SALES_POINT_TEXT[lang];
    const day = vietnamDate(services.clock());
    const code = PATH.exec(url.pathname)?.[1];
    const province = code ? provinceOn(code, day) : undefined;
    const asked = {
      provinceCode: code ?? '',
      communeCode: url.searchParams.get('commune'),
      after: url.searchParams.get('after'),
    };
    const list = province ? await salesPointList(anonymousQuery, asked, day, province.name) : null;
    const page = (title: string, body: Parameters<typeof layout>[0]['body']) =>
      layout({ lang, title, otherLangHref: otherLangHref(url, lang, ['commune', 'after']), body });
    if (!list) {
      const body = page(t.notFoundTitle, salesPointsNotFound(lang, code ? successorsOf(code) : []));
      return { status: 404, type: 'text/html; charset=utf-8', body };
    }
    const body = page(`${t.title}: ${list.provinceName}`, salesPointsBody(list, lang));
    return { status: 200, type: 'text/html; charset=utf-8', body, etag: etagOf('sales-points', lang, body) };
  };
}
