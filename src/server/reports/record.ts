// The record of one meeting's check, for accountability (GDPR art. 5.2): the policy version and the
// text of the rules it applied, the verdict with reasons and sources, the approval, checklist
// confirmations, identity checks, linked incidents and the check's audit events with the chain
// verified — as one self-contained, printable HTML page (no scripts; print styles included).
import type { Kysely } from 'kysely';
import type { AssessmentInput } from '../../api/contract';
import type { Lang, Policy, Text, Verdict } from '../../policy';
import { verifyChain, type VerifyResult } from '../audit';
import type { Principal } from '../auth/tokens';
import type { Clock } from '../deps';
import { forbidden, notFound } from '../errors';
import { write } from '../services/write';
import type { Database } from '../store/schema';
import { CATEGORY_LABELS, STATUS_LABELS, type IncidentCategory, type IncidentStatus } from '../incidents/model';
import { accountabilityDb } from './schema';

const esc = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const L = {
  title: { sv: 'Dokumentation av förkontroll', en: 'Record of the pre-meeting check' },
  intro: {
    sv: 'Underlag för ansvarsskyldigheten (dataskyddsförordningen art. 5.2): vad som bedömdes, beslutades och gjordes. Endast id:n och kategorier.',
    en: 'Evidence for accountability (GDPR art. 5.2): what was assessed, decided and done. Ids and categories only.',
  },
  meeting: { sv: 'Mötet', en: 'The meeting' },
  policy: { sv: 'Policyversion och tillämpade regler', en: 'Policy version and the rules applied' },
  verdict: { sv: 'Bedömning och skäl', en: 'Verdict and reasons' },
  approval: { sv: 'Godkännande', en: 'Approval' },
  checklist: { sv: 'Checklista vid mötets start', en: 'Checklist at meeting start' },
  identity: { sv: 'Identitetskontroll', en: 'Identity check' },
  incidents: { sv: 'Incidenter kopplade till mötet', en: 'Incidents linked to the meeting' },
  audit: { sv: 'Händelser i granskningsloggen', en: 'Audit log entries' },
  none: { sv: 'Inga.', en: 'None.' },
  chainOk: { sv: 'Loggens hashkedja verifierad: ok ({n} händelser kontrollerade).', en: 'Audit hash chain verified: ok ({n} events checked).' },
  chainBroken: { sv: 'Loggens hashkedja är bruten vid händelse {seq}: {message}', en: 'The audit hash chain is broken at event {seq}: {message}' },
  generated: { sv: 'Skapad {at} av {by}.', en: 'Generated {at} by {by}.' },
} satisfies Record<string, Text>;

const YES_NO = { sv: ['ja', 'nej'], en: ['yes', 'no'] } as const;

export interface RecordData {
  html: string;
  assessmentId: string;
  chain: VerifyResult;
}

interface Section { heading: string; rows?: [string, unknown][]; table?: { head: string[]; rows: unknown[][] }; html?: string }

function renderSection(s: Section, none: string): string {
  let body = '';
  if (s.rows) body += `<dl>${s.rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
  if (s.table) {
    body += s.table.rows.length === 0 ? `<p>${esc(none)}</p>`
      : `<table><thead><tr>${s.table.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
  if (s.html) body += s.html;
  return `<section><h2>${esc(s.heading)}</h2>${body}</section>`;
}

const STYLE = `body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #888}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eee}.ok{color:#0b6a0b;font-weight:600}.broken{color:#a80000;font-weight:600}small{color:#555}
@media print{body{margin:0;max-width:none}section{break-inside:avoid-page}a{color:inherit}}`;

export class RecordService {
  constructor(private readonly db: Kysely<Database>, private readonly clock: Clock) {}

  async render(p: Principal, id: string, lang: Lang): Promise<RecordData> {
    const db = accountabilityDb(this.db);
    const row = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The assessment');
    const readable = row.organizer === p.oid || (p.roles.includes('Manager') && row.approvers.includes(p.oid)) || p.roles.includes('Auditor');
    if (!readable) throw forbidden('The record is for the caseworker who made the check, its approver and the auditor.');
    if (row.organizer !== p.oid) {
      await write(this.db, this.clock, p.oid, async (ctx) => ctx.record('assessment.read.record', 'assessment', id, { revision: row.revision, status: row.status }));
    }
    const [version, decisions, confirmations, checks, incidents, events, chain] = await Promise.all([
      db.selectFrom('policy_versions').selectAll().where('number', '=', row.policy_number).executeTakeFirstOrThrow(),
      db.selectFrom('decisions').selectAll().where('assessment_id', '=', id).orderBy('revision').execute(),
      db.selectFrom('checklist_confirmations').selectAll().where('assessment_id', '=', id).where('revision', '=', row.revision).orderBy('confirmed_at').execute(),
      db.selectFrom('identity_checks').selectAll().where('assessment_id', '=', id).where('revision', '=', row.revision).orderBy('counterpart').execute(),
      db.selectFrom('incidents').select(['id', 'category', 'status', 'discovered_at']).where('assessment_id', '=', id).orderBy('discovered_at').execute(),
      db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'assessment').where('entity_id', '=', id).orderBy('seq').execute(),
      verifyChain(this.db),
    ]);
    const t = (x: Text) => x[lang];
    const yn = (b: boolean) => YES_NO[lang][b ? 0 : 1];
    const input = row.input as AssessmentInput;
    const verdict = row.verdict as Verdict;
    const policy = version.policy as Policy;
    const type = policy.meetingTypes.find((m) => m.id === input.meetingTypeId);
    const service = input.serviceId ? policy.services.find((s) => s.id === input.serviceId) : undefined;
    const deviation = verdict.deviation ? policy.deviations.find((d) => d.id === verdict.deviation!.id) : undefined;
    const needs = input.needs.map((n) => policy.needs.find((x) => x.id === n));
    const checklistText = (itemId: string) => { const c = policy.checklist.find((x) => x.id === itemId); return c ? t(c.text) : itemId; };
    const method = (mid: string) => { const m = policy.identityMethods.find((x) => x.id === mid); return m ? t(m.label) : mid; };

    const sections: Section[] = [
      {
        heading: t(L.meeting),
        rows: [
          ['Id', row.id], [lang === 'sv' ? 'Revision' : 'Revision', row.revision], ['Status', row.status],
          [lang === 'sv' ? 'Handläggare (objekt-id)' : 'Caseworker (object id)', row.organizer],
          [lang === 'sv' ? 'Mötesreferens' : 'Meeting reference', [input.meeting.eventId && `event ${input.meeting.eventId}`, input.meeting.teamsMeetingId && `Teams ${input.meeting.teamsMeetingId}`, input.meeting.joinUrlHash].filter(Boolean).join(' · ') || '–'],
          [lang === 'sv' ? 'Start' : 'Start', input.start], ...(input.seriesEnd ? [[lang === 'sv' ? 'Seriens sista tillfälle' : 'Last occurrence of the series', input.seriesEnd] as [string, unknown]] : []),
          [lang === 'sv' ? 'Form' : 'Mode', input.mode], [lang === 'sv' ? 'Typ av möte' : 'Type of meeting', type ? `${t(type.label)} (${type.id})` : input.meetingTypeId],
          [lang === 'sv' ? 'Tjänst' : 'Service', service ? `${service.label} (${service.id})` : '–'],
          [lang === 'sv' ? 'Individens behov' : "The individual's needs", needs.map((n, i) => (n ? `${t(n.label)} (${n.id})` : input.needs[i])).join(', ') || '–'],
          [lang === 'sv' ? 'Inte ett klientmöte' : 'Not a client meeting', yn(input.notClientMeeting === true)],
        ],
      },
      {
        heading: t(L.policy),
        rows: [
          [lang === 'sv' ? 'Version' : 'Version', `${version.number} (${version.hash})`],
          [lang === 'sv' ? 'Publicerad' : 'Published', `${version.published_at.toISOString()} · ${version.published_by}`],
          [lang === 'sv' ? 'Ändringsnotering' : 'Change note', version.change_note],
          ...(type ? [[lang === 'sv' ? 'Typ av möte: regel' : 'Meeting type: rule',
            `${lang === 'sv' ? 'Information' : 'Information'}: ${Object.entries(type.information).filter(([, v]) => v).map(([k]) => k).join(', ') || '–'}; K${type.classification.confidentiality} R${type.classification.integrity} T${type.classification.availability}; digital: ${type.digital}; ${lang === 'sv' ? 'identitet' : 'identity'}: ${type.identityVerification}; ${lang === 'sv' ? 'samråd' : 'co-approval'}: ${type.coApproval}`] as [string, unknown]] : []),
          ...(service ? [[lang === 'sv' ? 'Tjänst: säkerhet och riskanalys' : 'Service: security and risk analysis',
            `${service.security.participantAuthentication}; ${service.security.encryption}; ${lang === 'sv' ? 'lagring hos leverantör' : 'vendor stores content'}: ${yn(service.security.vendorStoresContent)}; ${service.security.dataLocation}; ${lang === 'sv' ? 'biträdesavtal' : 'processor agreement'}: ${yn(service.security.processorAgreement)}; ${lang === 'sv' ? 'godkänd upp till' : 'approved up to'} K${service.approvedUpTo.confidentiality}; ${service.riskAnalysis.reference} (${service.riskAnalysis.date}, ${lang === 'sv' ? 'ses över senast' : 'review by'} ${service.riskAnalysis.reviewBy})`] as [string, unknown]] : []),
          ...(deviation ? [[lang === 'sv' ? 'Avsteg: beslut' : 'Deviation: decision',
            `${deviation.id}: ${deviation.decision.level}, ${deviation.decision.reference}, ${deviation.decision.decidedOn} – ${deviation.decision.validUntil}${deviation.conditions?.length ? `; ${deviation.conditions.map(t).join(' ')}` : ''}`] as [string, unknown]] : []),
          ...needs.filter((n) => n !== undefined).map((n) => [`${lang === 'sv' ? 'Behov' : 'Need'}: ${n.id}`, JSON.stringify(n.effects)] as [string, unknown]),
        ],
      },
      {
        heading: t(L.verdict),
        rows: [
          ['Digital', verdict.digital],
          [lang === 'sv' ? 'Godkända tjänster' : 'Approved services', verdict.approvedServices.join(', ') || '–'],
          [lang === 'sv' ? 'Identitetskontroll krävs' : 'Identity check required', verdict.identityVerification.required ? `${yn(true)} (${lang === 'sv' ? 'tillitsnivå' : 'assurance'} ${verdict.identityVerification.assurance}: ${verdict.identityVerification.methods.join(', ')})` : yn(false)],
          [lang === 'sv' ? 'Samråd med chef krävs' : 'Co-approval required', yn(verdict.coApproval.required)],
          [lang === 'sv' ? 'Avsteg' : 'Deviation', verdict.deviation ? `${verdict.deviation.id} (${verdict.deviation.reference}, ${lang === 'sv' ? 'gäller till' : 'valid until'} ${verdict.deviation.validUntil})` : '–'],
        ],
        table: { head: [lang === 'sv' ? 'Allvar' : 'Severity', lang === 'sv' ? 'Kod' : 'Code', lang === 'sv' ? 'Skäl' : 'Reason', lang === 'sv' ? 'Källa' : 'Source'], rows: verdict.reasons.map((r) => [r.severity, r.code, t(r.text), r.source]) },
      },
      {
        heading: t(L.approval),
        table: {
          head: ['Revision', lang === 'sv' ? 'Beslut' : 'Decision', lang === 'sv' ? 'Av (objekt-id)' : 'By (object id)', lang === 'sv' ? 'Tid' : 'Time', lang === 'sv' ? 'Kommentar' : 'Comment'],
          rows: decisions.map((d) => [d.revision, d.outcome, d.decided_by, d.decided_at.toISOString(), d.comment ?? '']),
        },
      },
      {
        heading: t(L.checklist),
        table: {
          head: [lang === 'sv' ? 'Punkt' : 'Item', lang === 'sv' ? 'Bekräftad' : 'Confirmed', lang === 'sv' ? 'Av' : 'By'],
          rows: verdict.checklist.map((c) => { const k = confirmations.find((x) => x.item_id === c.id); return [checklistText(c.id), k ? k.confirmed_at.toISOString() : (lang === 'sv' ? 'ej bekräftad' : 'not confirmed'), k?.confirmed_by ?? '']; }),
        },
      },
      {
        heading: t(L.identity),
        table: {
          head: [lang === 'sv' ? 'Motpart' : 'Counterpart', lang === 'sv' ? 'Metod' : 'Method', lang === 'sv' ? 'Tillitsnivå' : 'Assurance', lang === 'sv' ? 'Tid' : 'Time', lang === 'sv' ? 'Av' : 'By'],
          rows: checks.map((c) => [c.counterpart, method(c.method_id), c.assurance, c.checked_at.toISOString(), c.checked_by]),
        },
      },
      {
        heading: t(L.incidents),
        table: {
          head: ['Id', lang === 'sv' ? 'Kategori' : 'Category', 'Status', lang === 'sv' ? 'Upptäckt' : 'Discovered'],
          rows: incidents.map((i) => [i.id, CATEGORY_LABELS[i.category as IncidentCategory]?.[lang] ?? i.category, STATUS_LABELS[i.status as IncidentStatus]?.[lang] ?? i.status, i.discovered_at.toISOString()]),
        },
      },
      {
        heading: t(L.audit),
        html: chain.ok
          ? `<p class="ok">${esc(t(L.chainOk).replace('{n}', String(chain.events)))}</p>`
          : `<p class="broken" role="alert">${esc(t(L.chainBroken).replace('{seq}', String(chain.firstBroken.seq)).replace('{message}', chain.firstBroken.message))}</p>`,
        table: {
          head: ['#', lang === 'sv' ? 'Tid' : 'Time', lang === 'sv' ? 'Aktör' : 'Actor', lang === 'sv' ? 'Händelse' : 'Action', lang === 'sv' ? 'Tillståndets hash' : 'State digest', 'Hash'],
          rows: events.map((e) => [Number(e.seq), e.at.toISOString(), e.actor, e.action, e.state_digest, e.hash]),
        },
      },
    ];
    const now = this.clock.now().toISOString();
    const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t(L.title))} ${esc(row.id)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(t(L.title))}</h1><p>${esc(t(L.intro))}</p><p><small>${esc(t(L.generated).replace('{at}', now).replace('{by}', p.oid))}</small></p></header>
<main>${sections.map((s) => renderSection(s, t(L.none))).join('\n')}</main></body></html>
`;
    return { html, assessmentId: row.id, chain };
  }
}
