import { isAfterReorganisation } from '../../domain/rules/reorganisation';
import { html } from '../http';
import { LEVEL_TEXT, type Lang, REASON_TEXT, STATUS_TEXT, TEXT, formatDay } from '../i18n';
import { SALES_POINT_TEXT } from '../salesPoints/text';
import type { CertificateFacts } from './facts';

/** Commune, district (while districts existed on the day shown) and province, as the address reads. */
function placeOf({ commune, district, province }: CertificateFacts['subject'], day: string): string {
  const stillDistricts = !isAfterReorganisation(day);
  return [commune?.name, stillDistricts ? district?.name : null, province.name].filter(Boolean).join(', ');
}

const langQuery = (lang: Lang): string => (lang === 'en' ? '?lang=en' : '');
const certificateHref = (id: string, lang: Lang): string => `/c/${encodeURIComponent(id)}${langQuery(lang)}`;

export function certificateBody(facts: CertificateFacts, lang: Lang) {
  const t = TEXT[lang];
  const place = placeOf(facts.subject, facts.statusDay);
  const starsLabel = lang === 'vi' ? `${facts.stars} sao` : `${facts.stars} stars`;
  return html`<main class="certificate">
    <p class="kicker">${t.certificateTitle} <span class="number">${facts.id}</span></p>
    <section class="status status-${facts.status.toLowerCase()}" aria-labelledby="status-label">
      <p id="status-label" class="status-label">${t.statusToday} (${formatDay(facts.statusDay)})</p>
      <p class="status-value">${STATUS_TEXT[lang][facts.status]}</p>
      ${revocationNote(facts, lang)}${supersessionNote(facts, lang)}
    </section>
    <h1>${facts.product.name}</h1>
    <p class="stars">
      <span aria-hidden="true">${'★'.repeat(facts.stars)}${'☆'.repeat(5 - facts.stars)}</span>
      <span class="stars-text">${starsLabel}</span>
    </p>
    <dl class="facts">
      <div>
        <dt>${t.subject}</dt>
        <dd>${facts.subject.name}</dd>
      </div>
      <div>
        <dt>${t.place}</dt>
        <dd>${place}</dd>
      </div>
      <div>
        <dt>${t.level}</dt>
        <dd>${LEVEL_TEXT[lang][facts.level] ?? facts.level}</dd>
      </div>
      <div>
        <dt>${t.decision}</dt>
        <dd>${facts.decisionNo} ${t.dated} ${formatDay(facts.issuedOn)}</dd>
      </div>
      <div>
        <dt>${t.issuedBy}</dt>
        <dd>${facts.issuedBy.name}</dd>
      </div>
      <div>
        <dt>${t.lastValidDay}</dt>
        <dd>${formatDay(facts.expiresOn)}</dd>
      </div>
    </dl>
    <figure class="qr">
      <img src="/c/${encodeURIComponent(facts.id)}/qr.svg" width="160" height="160" alt="${t.scan}" />
      <figcaption>${t.scan}</figcaption>
    </figure>
    <p class="sales-points-link">
      <a href="/sales-points/${facts.subject.province.code}${langQuery(lang)}"
        >${SALES_POINT_TEXT[lang].inProvince}: ${facts.subject.province.name}</a
      >
    </p>
  </main>`;
}

function revocationNote(facts: CertificateFacts, lang: Lang) {
  const r = facts.revocation;
  if (facts.status !== 'REVOKED' || !r) return null;
  const t = TEXT[lang];
  return html`<p class="status-note">
    ${t.revokedBy} ${r.decisionNo} ${t.dated} ${formatDay(r.decidedOn)}. ${t.reason}:
    ${REASON_TEXT[lang][r.reason] ?? r.reason}.
  </p>`;
}

function supersessionNote(facts: CertificateFacts, lang: Lang) {
  if (facts.status !== 'SUPERSEDED' || !facts.supersededBy) return null;
  const t = TEXT[lang];
  const next = html`<p class="status-note">
    ${t.replacedBy} <a href="${certificateHref(facts.supersededBy, lang)}">${facts.supersededBy}</a>.
  </p>`;
  if (!facts.current || facts.current === facts.supersededBy) return next;
  return html`${next}
    <p class="status-note">${t.current}: <a href="${certificateHref(facts.current, lang)}">${facts.current}</a>.</p>`;
}

export function notFoundBody(lang: Lang, invalid: boolean) {
  const t = TEXT[lang];
  return html`<main class="certificate">
    <section class="status status-unknown"><p class="status-value">${t.notFoundTitle}</p></section>
    <p>${invalid ? t.badId : t.notFound}</p>
  </main>`;
}
