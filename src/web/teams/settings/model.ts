// The editor's pure parts: where a value sits in the document (keys for updating, the validator's
// JSON path for finding its errors), immutable updates, which part of the editor a path belongs to,
// fresh entries for each list, and a readable name for a diff path.
import { addDays } from '../../../policy/dates';
import type { ReminderRow, ValidationIssue } from '../../../api/contract';
import type { Policy } from '../../../policy/types';

export type Key = string | number;

/** The validator's spelling of a path: `$.services[0].riskAnalysis.date`. */
export function jsonPath(keys: readonly Key[]): string {
  return '$' + keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
}

/** A copy of `doc` with `value` at `keys`; `undefined` removes the key (optional fields). */
export function setIn<T>(doc: T, keys: readonly Key[], value: unknown): T {
  if (keys.length === 0) return value as T;
  const [head, ...rest] = keys;
  const container: unknown = doc;
  if (typeof head === 'number') {
    const list = Array.isArray(container) ? [...container] : [];
    list[head] = setIn(list[head], rest, value);
    return list as T;
  }
  const record = { ...((container && typeof container === 'object' ? container : {}) as Record<string, unknown>) };
  const next = setIn(record[head!], rest, value);
  if (next === undefined) delete record[head!];
  else record[head!] = next;
  return record as T;
}

export function getIn(doc: unknown, keys: readonly Key[]): unknown {
  let value = doc;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** A list in the document, or none when an imported document lacks it or has something else there. */
export function listAt<T>(doc: unknown, key: string): T[] {
  const value = getIn(doc, [key]);
  return Array.isArray(value) ? (value as T[]) : [];
}

export interface IssueIndex {
  /** Issues at exactly this path. */
  at(path: string): ValidationIssue[];
  /** Issues at this path or inside it (`$.x.y` covers `$.x.y[2]` and `$.x.y.z`). */
  within(path: string): ValidationIssue[];
}

export function indexIssues(issues: readonly ValidationIssue[]): IssueIndex {
  return {
    at: (path) => issues.filter((i) => i.path === path),
    within: (path) => issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`)),
  };
}

export const SECTIONS = ['general', 'meetingTypes', 'services', 'deviations', 'needs', 'checklist', 'identityMethods'] as const;
export type Section = (typeof SECTIONS)[number];

/** The part of the editor where a path's field is. */
export function sectionOf(path: string): Section {
  const top = /^\$\.(\w+)/.exec(path)?.[1];
  return (SECTIONS as readonly string[]).includes(top ?? '') && top !== 'general' ? (top as Section) : 'general';
}

/** The path itself and each of its ancestors, longest first: where to look for a field to focus. */
export function pathAncestors(path: string): string[] {
  const out: string[] = [];
  let p = path;
  while (p.length > 1) {
    out.push(p);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return out;
}

/**
 * Where a review reminder's date is in the draft: the service's `riskAnalysis.reviewBy` or the
 * deviation's `decision.validUntil`, found by id (the reminder comes from the published version, whose
 * order the draft need not keep); null when the draft no longer has the entry.
 */
export function reminderPath(reminder: Pick<ReminderRow, 'kind' | 'id'>, doc: unknown): string | null {
  const [list, field]: [string, Key[]] = reminder.kind === 'risk-analysis-review'
    ? ['services', ['riskAnalysis', 'reviewBy']]
    : ['deviations', ['decision', 'validUntil']];
  const index = listAt<{ id?: unknown } | null>(doc, list).findIndex((e) => e?.id === reminder.id);
  return index < 0 ? null : jsonPath([list, index, ...field]);
}

function freshId(existing: readonly { id?: unknown }[], base: string): string {
  const taken = new Set(existing.map((e) => e.id));
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

const emptyText = () => ({ sv: '', en: '' });

/** A new entry for each list, with an unused id and the safest choices pre-filled. */
export function newEntry(section: Exclude<Section, 'general'>, doc: Policy, today: string): Record<string, unknown> {
  const list = listAt<{ id?: unknown }>(doc, section);
  switch (section) {
    case 'meetingTypes':
      return {
        id: freshId(list, 'ny-motestyp'), label: emptyText(),
        information: { personalData: true, sensitiveData: false, secrecy: true, childrenData: false },
        classification: { confidentiality: 2, integrity: 2, availability: 1 },
        digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'when-deviation', checklist: [],
      };
    case 'services':
      return {
        id: freshId(list, 'ny-tjanst'), label: '',
        security: { participantAuthentication: 'organization-account', encryption: 'in-transit', vendorStoresContent: false, dataLocation: 'EU', processorAgreement: false },
        approvedUpTo: { confidentiality: 0 },
        riskAnalysis: { reference: '', date: today, reviewBy: addDays(today, 365) },
        meetingLinkPatterns: [],
      };
    case 'deviations':
      return {
        id: freshId(list, 'nytt-avsteg'), serviceId: listAt<{ id: string }>(doc, 'services')[0]?.id ?? '', meetingTypeIds: [],
        decision: { level: 'forvaltning', reference: '', decidedOn: today, validUntil: addDays(today, 365) },
        conditions: [],
      };
    case 'needs':
      return { id: freshId(list, 'nytt-behov'), label: emptyText(), effects: {} };
    case 'checklist':
      return { id: freshId(list, 'ny-punkt'), text: emptyText(), who: 'caseworker' };
    case 'identityMethods':
      return { id: freshId(list, 'ny-metod'), label: emptyText(), assurance: 3 };
  }
}

/** A diff path (`$.services[id=teams].approvedUpTo.confidentiality`) with the entry's label in place of its id. */
export function readablePath(path: string, policy: Policy | null, lang: 'sv' | 'en', sectionName: (s: Section) => string): string {
  const m = /^\$\.(\w+)(?:\[id=([^\]]+)\])?(.*)$/.exec(path);
  if (!m) return path;
  const [, top, id, rest] = m;
  const section = sectionOf(`$.${top}`);
  const parts: string[] = [section === 'general' ? top! : sectionName(section)];
  if (id) {
    const entry = listAt<{ id: string; label?: unknown; text?: unknown }>(policy, top!).find((e) => e.id === id);
    const label = entry?.label ?? entry?.text;
    const name = typeof label === 'string' ? label : label && typeof label === 'object' ? (label as Record<string, string>)[lang] : undefined;
    parts.push(name || id);
  }
  const tail = (rest ?? '').replace(/^\./, '');
  if (tail) parts.push(tail);
  return parts.join(' › ');
}
