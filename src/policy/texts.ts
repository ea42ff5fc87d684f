// Every reason the evaluator can give: severity, the document and section it rests on, and its text in
// Swedish and English. The list of codes is closed (types.ts); a new code comes with its rule and test.
import type { ReasonCode, Severity, Text } from './types';

export const SOURCES = {
  typeOfMeeting: 'SKR 2020, Bedömning utifrån typ av möte och individens behov',
  lawfulness: 'SKR 2020, Bedöm laglighet utifrån dataskyddsförordningen; GDPR art. 28',
  serviceAssessment: 'SKR 2020, Bedömning av digitala tjänster (steg 2–3)',
  deviationDecision: 'SKR 2020, Viktigt att dokumentera analys och beslut',
  regularReview: 'GDPR art. 32.1 d; Datainspektionen 2020, Artikel 32 Säkerhet i samband med behandlingen',
  identity: 'SKR 2020, Säkerställ identiteten hos motparten',
  coApproval: 'SKR 2020, Bedömning utifrån typ av möte och individens behov (handläggare tillsammans med chef)',
} as const;

export const REASON_SEVERITY: Record<ReasonCode, Severity> = {
  'meeting-type-physical-only': 'block',
  'need-requires-physical': 'block',
  'no-processor-agreement': 'block',
  'service-requires-eid': 'block',
  'service-approved': 'info',
  'deviation-applies': 'info',
  'deviation-expired': 'block',
  'deviation-not-yet-valid': 'block',
  'service-not-approved': 'block',
  'risk-analysis-overdue': 'warning',
  'identity-required': 'info',
  'verify-identity-separately': 'warning',
  'identity-cannot-be-verified': 'block',
  'co-approval-required': 'info',
};

export const REASON_SOURCE: Record<ReasonCode, string> = {
  'meeting-type-physical-only': SOURCES.typeOfMeeting,
  'need-requires-physical': SOURCES.typeOfMeeting,
  'no-processor-agreement': SOURCES.lawfulness,
  'service-requires-eid': SOURCES.typeOfMeeting,
  'service-approved': SOURCES.serviceAssessment,
  'deviation-applies': SOURCES.deviationDecision,
  'deviation-expired': SOURCES.deviationDecision,
  'deviation-not-yet-valid': SOURCES.deviationDecision,
  'service-not-approved': SOURCES.serviceAssessment,
  'risk-analysis-overdue': SOURCES.regularReview,
  'identity-required': SOURCES.identity,
  'verify-identity-separately': SOURCES.identity,
  'identity-cannot-be-verified': SOURCES.identity,
  'co-approval-required': SOURCES.coApproval,
};

/** The words each reason is built from; `{…}` placeholders are labels, ids and dates from the policy. */
type Params = Record<string, string | number>;

const TEMPLATES: Record<ReasonCode, Text> = {
  'meeting-type-physical-only': {
    sv: 'Mötestypen {type} ska alltid hållas fysiskt, aldrig digitalt.',
    en: 'The meeting type {type} must always be held in person, never digitally.',
  },
  'need-requires-physical': {
    sv: 'Individens behov ({need}) gör att mötet ska hållas fysiskt.',
    en: "The individual's need ({need}) means the meeting must be held in person.",
  },
  'no-processor-agreement': {
    sv: '{service} saknar personuppgiftsbiträdesavtal. Ett digitalt möte behandlar alltid personuppgifter, minst ljud och bild, så tjänsten får inte användas.',
    en: '{service} has no data processing agreement. A digital meeting always processes personal data, at least sound and image, so the service must not be used.',
  },
  'service-requires-eid': {
    sv: 'Deltagarna i {service} loggar in med e-legitimation, men motparten saknar e-legitimation och kan inte ansluta.',
    en: 'Participants in {service} sign in with e-ID, but the counterpart has no e-ID and cannot join.',
  },
  'service-approved': {
    sv: '{service} är godkänd för konfidentialitetsnivå {approved}; mötestypen kräver nivå {required}.',
    en: '{service} is approved up to confidentiality level {approved}; the meeting type requires level {required}.',
  },
  'deviation-applies': {
    sv: '{service} används för {type} genom ett beslut om avsteg ({reference}, beslutat på {level}) som gäller till och med {validUntil}. Följ beslutets villkor.',
    en: '{service} is used for {type} under a deviation decision ({reference}, decided at {levelEn}) valid until {validUntil}. Follow its conditions.',
  },
  'deviation-expired': {
    sv: 'Beslutet om avsteg ({reference}) för {service} gällde till och med {validUntil} och har löpt ut. Välj en godkänd tjänst eller ett fysiskt möte.',
    en: 'The deviation decision ({reference}) for {service} was valid until {validUntil} and has expired. Choose an approved service or an in-person meeting.',
  },
  'deviation-not-yet-valid': {
    sv: 'Beslutet om avsteg ({reference}) för {service} gäller först från {decidedOn}. Välj en godkänd tjänst eller ett fysiskt möte.',
    en: 'The deviation decision ({reference}) for {service} applies only from {decidedOn}. Choose an approved service or an in-person meeting.',
  },
  'service-not-approved': {
    sv: '{service} är godkänd upp till konfidentialitetsnivå {approved}, men {type} kräver nivå {required}, och inget beslut om avsteg finns.',
    en: '{service} is approved up to confidentiality level {approved}, but {type} requires level {required}, and there is no deviation decision.',
  },
  'risk-analysis-overdue': {
    sv: 'Riskanalysen för {service} ({reference}) skulle ha setts över senast {reviewBy}. Påminn den som ansvarar för tjänsten.',
    en: 'The risk analysis for {service} ({reference}) was due for review by {reviewBy}. Remind whoever is responsible for the service.',
  },
  'identity-required': {
    sv: 'Motpartens identitet ska kontrolleras med e-legitimation på tillitsnivå {assurance} eller högre.',
    en: "The counterpart's identity must be verified with e-ID at assurance level {assurance} or higher.",
  },
  'verify-identity-separately': {
    sv: '{service} kontrollerar inte deltagarnas identitet på nivå {assurance}. Kontrollera motpartens identitet separat med e-legitimation vid mötets början.',
    en: "{service} does not verify participants' identity at level {assurance}. Verify the counterpart's identity separately with e-ID at the start of the meeting.",
  },
  'identity-cannot-be-verified': {
    sv: 'Identiteten kan inte kontrolleras digitalt på nivå {assurance} ({why}). Kontrollera identiteten vid ett fysiskt möte.',
    en: 'Identity cannot be verified digitally at level {assurance} ({whyEn}). Verify identity at an in-person meeting.',
  },
  'co-approval-required': {
    sv: 'Bedömningen ska göras tillsammans med chef: {why}.',
    en: 'The assessment must be made together with a manager: {whyEn}.',
  },
};

export function reasonText(code: ReasonCode, params: Params): Text {
  const t = TEMPLATES[code];
  return { sv: fill(t.sv, params), en: fill(t.en, params) };
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    if (v === undefined) throw new Error(`reason template is missing parameter ${key}`);
    return String(v);
  });
}

export const DECISION_LEVEL_TEXT: Record<'kommunledning' | 'forvaltning', Text> = {
  kommunledning: { sv: 'kommunledningsnivå', en: 'municipal management level' },
  forvaltning: { sv: 'förvaltningsnivå', en: 'administration level' },
};
