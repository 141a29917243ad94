import type { IncomingMessage } from 'node:http';
import { productStreamId } from '../../domain/product/events';
import { vietnamDate } from '../../domain/rules/businessDate';
import type { Services } from '../../application/services';
import { type Reply, etagOf, wantsJson } from '../../web/http';
import { TEXT, langOf } from '../../web/i18n';
import { layout, otherLangHref } from '../../web/layout';
import { certificatePageUrl, qrPng, qrSvg } from '../../web/qr';
import { CERTIFICATE_ID_PATTERN } from '../../domain/rules/ids';
import { type AnonymousQuery, certificateFacts, productIdOf } from '../../web/certificate/facts';
import { certificateBody, notFoundBody } from '../../web/certificate/page';

export interface CertificateRoutesDeps {
  readonly services: Services;
  readonly anonymousQuery: AnonymousQuery;
  readonly publicBaseUrl: () => string;
}

const PATH = /^\/c\/([^/]+)(\/qr\.(svg|png))?$/;

/** GET /c/<id> (a page, or JSON for `Accept: application/json`), /c/<id>/qr.svg and /c/<id>/qr.png. */
export function certificateRoutes(deps: CertificateRoutesDeps) {
  return async (request: IncomingMessage, url: URL): Promise<Reply | null> => {
    const match = PATH.exec(url.pathname);
    if (!match) return null;
    const lang = langOf(url);
    const id = safeDecode(match[1]!);
    const json = !match[2] && wantsJson(request);
    if (id === null || !CERTIFICATE_ID_PATTERN.test(id)) return notFound(lang, json, true);
    const facts = await certificateFacts(deps.anonymousQuery, id, vietnamDate(deps.services.clock()));
    if (!facts) return notFound(lang, json, false);
    const revision = await streamRevision(deps.services, facts.id);
    if (match[3] === 'svg' || match[3] === 'png') {
      const target = certificatePageUrl(deps.publicBaseUrl(), facts.id);
      const etag = etagOf('qr', match[3], target);
      if (match[3] === 'svg') return { status: 200, type: 'image/svg+xml', body: await qrSvg(target), etag };
      return { status: 200, type: 'image/png', body: await qrPng(target), etag };
    }
    const factsJson = JSON.stringify(facts);
    const etag = etagOf('certificate', revision, lang, json ? 'json' : 'html', factsJson);
    if (json) return { status: 200, type: 'application/json; charset=utf-8', body: factsJson, etag };
    const page = layout({
      lang,
      title: `${TEXT[lang].certificateTitle} ${facts.id}: ${facts.product.name}`,
      otherLangHref: otherLangHref(url, lang),
      body: certificateBody(facts, lang),
    });
    return { status: 200, type: 'text/html; charset=utf-8', body: page, etag };
  };
}

function notFound(lang: 'vi' | 'en', json: boolean, invalid: boolean): Reply {
  const t = TEXT[lang];
  if (json) {
    const code = invalid ? 'BAD_USER_INPUT' : 'NOT_FOUND';
    const body = JSON.stringify({ error: { code, message: invalid ? t.badId : t.notFound } });
    return { status: invalid ? 400 : 404, type: 'application/json; charset=utf-8', body };
  }
  const body = layout({
    lang,
    title: t.notFoundTitle,
    // Relative, so the page does not carry back the path it was asked for.
    otherLangHref: lang === 'vi' ? '?lang=en' : '?lang=vi',
    body: notFoundBody(lang, invalid),
  });
  return { status: 404, type: 'text/html; charset=utf-8', body };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The revision of the stream that holds the certificate (its product's): it changes with every event there. */
async function streamRevision(services: Services, certificateId: string): Promise<string> {
  for await (const event of services.store.readStream(productStreamId(productIdOf(certificateId)), {
    direction: 'backwards',
    maxCount: 1,
  }))
    return String(event.revision);
  return 'none';
}
