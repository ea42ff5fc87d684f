// Validation of a whole policy document. It lists every error at once, each with its JSON path and
// what to fix, and returns warnings (which do not block publishing) apart from the errors.
import type { z } from 'zod';
import { policySchema } from './schema';
import { isIsoDate } from './dates';
import type { Policy } from './types';

export interface ValidationIssue { path: string; code: string; message: string }

export interface ValidationResult {
  valid: boolean;
  /** The document typed as a policy, present only when valid. */
  policy?: Policy;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

export interface ValidateOptions {
  /** Today's date (YYYY-MM-DD, Europe/Stockholm) for the overdue-review warning; omitted: not checked. */
  today?: string;
}

const COLLECTIONS = ['identityMethods', 'checklist', 'meetingTypes', 'services', 'deviations', 'needs'] as const;

export function validatePolicy(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const errors: ValidationIssue[] = [];
  const parsed = policySchema.safeParse(doc);
  if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => fromZodIssue(issue, doc)));
  if (!isRecord(doc)) return { valid: false, errors, warnings: [] };

  // The checks below read the raw document defensively so they still run, and report, when parts of
  // it do not match the schema.
  const ids = collectIds(doc, errors);
  checkReferences(doc, ids, errors);
  checkDates(doc, errors);
  const warnings = collectWarnings(doc, options);

  return errors.length === 0
    ? { valid: true, policy: doc as unknown as Policy, errors, warnings }
    : { valid: false, errors, warnings };
}

type Ids = Record<(typeof COLLECTIONS)[number], Set<string>>;

function collectIds(doc: Record<string, unknown>, errors: ValidationIssue[]): Ids {
  const ids = {} as Ids;
  for (const name of COLLECTIONS) {
    const seen = new Set<string>();
    items(doc[name]).forEach((item, i) => {
      const id = item['id'];
      if (typeof id !== 'string') return;
      if (seen.has(id)) {
        errors.push({ path: `$.${name}[${i}].id`, code: 'duplicate-id', message: `id "${id}" is used more than once in ${name}; give each entry its own id` });
      }
      seen.add(id);
    });
    ids[name] = seen;
  }
  return ids;
}

function checkReferences(doc: Record<string, unknown>, ids: Ids, errors: ValidationIssue[]): void {
  const unknown = (path: string, id: unknown, collection: keyof Ids) => {
    if (typeof id === 'string' && !ids[collection].has(id)) {
      errors.push({ path, code: 'unknown-reference', message: `"${id}" is not an id in ${collection}` });
    }
  };
  const neverDigital = new Set(items(doc['meetingTypes']).filter((t) => t['digital'] === 'never').map((t) => t['id']));

  items(doc['meetingTypes']).forEach((type, i) => {
    strings(type['checklist']).forEach((ref, j) => unknown(`$.meetingTypes[${i}].checklist[${j}]`, ref, 'checklist'));
  });
  items(doc['needs']).forEach((need, i) => {
    const effects = isRecord(need['effects']) ? need['effects'] : {};
    strings(effects['checklist']).forEach((ref, j) => unknown(`$.needs[${i}].effects.checklist[${j}]`, ref, 'checklist'));
  });
  items(doc['deviations']).forEach((dev, i) => {
    unknown(`$.deviations[${i}].serviceId`, dev['serviceId'], 'services');
    strings(dev['meetingTypeIds']).forEach((ref, j) => {
      unknown(`$.deviations[${i}].meetingTypeIds[${j}]`, ref, 'meetingTypes');
      if (ref !== undefined && neverDigital.has(ref)) {
        errors.push({
          path: `$.deviations[${i}].meetingTypeIds[${j}]`, code: 'deviation-for-physical-only-type',
          message: `meeting type "${ref}" is never digital, so no deviation can allow it; remove it from the deviation`,
        });
      }
    });
  });
}

function checkDates(doc: Record<string, unknown>, errors: ValidationIssue[]): void {
  const date = (path: string, value: unknown): string | undefined => {
    if (value === undefined) return undefined;   // a missing field is already a schema error
    if (isIsoDate(value)) return value;
    errors.push({ path, code: 'invalid-date', message: `${JSON.stringify(value)} is not a calendar date; write it as YYYY-MM-DD` });
    return undefined;
  };
  items(doc['services']).forEach((service, i) => {
    const ra = isRecord(service['riskAnalysis']) ? service['riskAnalysis'] : {};
    const done = date(`$.services[${i}].riskAnalysis.date`, ra['date']);
    const reviewBy = date(`$.services[${i}].riskAnalysis.reviewBy`, ra['reviewBy']);
    if (done && reviewBy && reviewBy < done) {
      errors.push({ path: `$.services[${i}].riskAnalysis.reviewBy`, code: 'date-order', message: `review date ${reviewBy} is before the analysis date ${done}` });
    }
  });
  items(doc['deviations']).forEach((dev, i) => {
    const decision = isRecord(dev['decision']) ? dev['decision'] : {};
    const from = date(`$.deviations[${i}].decision.decidedOn`, decision['decidedOn']);
    const until = date(`$.deviations[${i}].decision.validUntil`, decision['validUntil']);
    if (from && until && until < from) {
      errors.push({ path: `$.deviations[${i}].decision.validUntil`, code: 'date-order', message: `validUntil ${until} is before decidedOn ${from}` });
    }
  });
}

function collectWarnings(doc: Record<string, unknown>, { today }: ValidateOptions): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  if (doc['example'] === true) {
    warnings.push({ path: '$.example', code: 'example-policy', message: 'this is an example policy; the municipality must adapt it to its own analysis and decisions before use' });
  }
  items(doc['meetingTypes']).forEach((type, i) => {
    const info = isRecord(type['information']) ? type['information'] : {};
    const cls = isRecord(type['classification']) ? type['classification'] : {};
    if (info['personalData'] === false && typeof cls['confidentiality'] === 'number' && cls['confidentiality'] >= 2) {
      warnings.push({
        path: `$.meetingTypes[${i}].classification.confidentiality`, code: 'classified-without-personal-data',
        message: `the meeting type handles no personal data but is classified K${cls['confidentiality']}; check the classification or the information it handles`,
      });
    }
  });
  items(doc['services']).forEach((service, i) => {
    const security = isRecord(service['security']) ? service['security'] : {};
    const approved = isRecord(service['approvedUpTo']) ? service['approvedUpTo']['confidentiality'] : undefined;
    if (security['processorAgreement'] === false && typeof approved === 'number' && approved > 0) {
      warnings.push({
        path: `$.services[${i}].approvedUpTo.confidentiality`, code: 'approved-without-processor-agreement',
        message: 'the service is approved above K0 but has no data processing agreement, so it can never be used (rule 3)',
      });
    }
    const reviewBy = isRecord(service['riskAnalysis']) ? service['riskAnalysis']['reviewBy'] : undefined;
    if (today && isIsoDate(reviewBy) && reviewBy < today) {
      warnings.push({ path: `$.services[${i}].riskAnalysis.reviewBy`, code: 'risk-analysis-overdue', message: `the risk analysis was due for review by ${reviewBy}` });
    }
    if (strings(service['meetingLinkPatterns']).filter(Boolean).length === 0) {
      warnings.push({
        path: `$.services[${i}].meetingLinkPatterns`, code: 'no-meeting-link-patterns',
        message: 'the service has no meeting link patterns, so the on-send check cannot recognise it in an invitation',
      });
    }
  });
  const required = typeof doc['identityAssuranceRequired'] === 'number' ? doc['identityAssuranceRequired'] : 3;
  const methods = items(doc['identityMethods']);
  if (!methods.some((m) => typeof m['assurance'] === 'number' && m['assurance'] >= required)) {
    warnings.push({
      path: '$.identityAssuranceRequired', code: 'assurance-unreachable',
      message: `no identity method reaches assurance level ${required}, so a required identity check can never be done digitally`,
    });
  }
  return warnings;
}

function fromZodIssue(issue: z.core.$ZodIssue, doc: unknown): ValidationIssue {
  const path = toJsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return { path, code: 'unknown-field', message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove or correct ${issue.keys.length > 1 ? 'them' : 'it'}` };
  }
  if (issue.code === 'invalid_type' && isMissing(doc, issue.path)) {
    return { path, code: 'missing-field', message: `is required (${issue.expected})` };
  }
  if (issue.code === 'invalid_value') {
    return { path, code: 'invalid-value', message: issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') return { path, code: 'out-of-range', message: issue.message };
  return { path, code: 'invalid', message: issue.message };
}

function isMissing(doc: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = doc;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return true;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node === undefined;
}

export function toJsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`)).join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
// Both keep array positions, so the paths they lead to stay right when some entries are malformed.
function items(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map((item) => (isRecord(item) ? item : {})) : [];
}
function strings(v: unknown): (string | undefined)[] {
  return Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s : undefined)) : [];
}
