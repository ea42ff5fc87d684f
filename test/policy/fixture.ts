// A small policy built for the rule tests: every field is chosen so one rule at a time can be seen.
// Ids are made up; nothing here describes a real person.
import type { Policy } from '../../src/policy';

export const DATE = '2026-06-15';

export function fixturePolicy(): Policy {
  const t = (s: string) => ({ sv: `${s} (sv)`, en: `${s} (en)` });
  const info = { personalData: true, sensitiveData: true, secrecy: true, childrenData: false };
  return {
    schemaVersion: 1,
    organization: 'Testkommun',
    identityAssuranceRequired: 3,
    internalDomains: ['test.example'],
    identityMethods: [
      { id: 'bankid', label: t('BankID'), assurance: 3 },
      { id: 'weak', label: t('Weak e-ID'), assurance: 2 },
    ],
    checklist: [
      { id: 'c-always', text: t('always'), who: 'caseworker', always: true },
      { id: 'c-type', text: t('type item'), who: 'counterpart' },
      { id: 'c-need', text: t('need item'), who: 'both' },
      { id: 'c-shared', text: t('shared item'), who: 'both' },
    ],
    meetingTypes: [
      { id: 'k2', label: t('K2 meeting'), information: info, classification: { confidentiality: 2, integrity: 2, availability: 1 }, digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'when-deviation', checklist: ['c-shared', 'c-type'] },
      { id: 'k3', label: t('K3 meeting'), information: info, classification: { confidentiality: 3, integrity: 2, availability: 1 }, digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'when-deviation' },
      { id: 'k3-never-co', label: t('K3 no co-approval'), information: info, classification: { confidentiality: 3, integrity: 2, availability: 1 }, digital: 'allowed', identityVerification: 'never', coApproval: 'never' },
      { id: 'always-id', label: t('always identity'), information: info, classification: { confidentiality: 1, integrity: 1, availability: 1 }, digital: 'allowed', identityVerification: 'always', coApproval: 'always' },
      { id: 'physical', label: t('physical only'), information: { ...info, childrenData: true }, classification: { confidentiality: 4, integrity: 3, availability: 2 }, digital: 'never', identityVerification: 'always', coApproval: 'always' },
    ],
    services: [
      { id: 'eid', label: 'E-ID video', security: { participantAuthentication: 'eid-loa3', encryption: 'in-transit', vendorStoresContent: false, dataLocation: 'SE', processorAgreement: true }, approvedUpTo: { confidentiality: 3 }, riskAnalysis: { reference: 'RA-1', date: '2026-01-01', reviewBy: '2027-01-01' }, meetingLinkPatterns: ['https://eid.example/*'] },
      { id: 'org', label: 'Org video', security: { participantAuthentication: 'organization-account', encryption: 'in-transit', vendorStoresContent: true, dataLocation: 'EU', processorAgreement: true }, approvedUpTo: { confidentiality: 2 }, riskAnalysis: { reference: 'RA-2', date: '2025-01-01', reviewBy: '2026-06-01' }, meetingLinkPatterns: ['https://org.example/*'] },
      { id: 'free', label: 'Free video', security: { participantAuthentication: 'none', encryption: 'in-transit', vendorStoresContent: true, dataLocation: 'third-country', processorAgreement: false }, approvedUpTo: { confidentiality: 4 }, riskAnalysis: { reference: 'RA-3', date: '2026-01-01', reviewBy: '2027-01-01' }, meetingLinkPatterns: ['https://free.example/*'] },
      { id: 'eid4', label: 'LoA4 video', security: { participantAuthentication: 'eid-loa4', encryption: 'end-to-end', vendorStoresContent: false, dataLocation: 'SE', processorAgreement: true }, approvedUpTo: { confidentiality: 1 }, riskAnalysis: { reference: 'RA-4', date: '2026-01-01', reviewBy: '2027-01-01' }, meetingLinkPatterns: ['https://eid4.example/*'] },
    ],
    deviations: [
      // org for k3: one valid now, one valid longer (wins), one expired, one not yet valid.
      { id: 'dev-b', serviceId: 'org', meetingTypeIds: ['k3', 'k3-never-co'], decision: { level: 'forvaltning', reference: 'REF-B', decidedOn: '2026-01-01', validUntil: '2026-12-31' }, conditions: [t('condition B')] },
      { id: 'dev-a', serviceId: 'org', meetingTypeIds: ['k3'], decision: { level: 'kommunledning', reference: 'REF-A', decidedOn: '2026-03-01', validUntil: '2026-12-31' } },
      { id: 'dev-short', serviceId: 'org', meetingTypeIds: ['k3'], decision: { level: 'forvaltning', reference: 'REF-SHORT', decidedOn: '2026-01-01', validUntil: '2026-07-01' } },
      // eid4 for k2: expired; and for k3: not yet valid.
      { id: 'dev-old', serviceId: 'eid4', meetingTypeIds: ['k2'], decision: { level: 'forvaltning', reference: 'REF-OLD', decidedOn: '2025-01-01', validUntil: '2025-12-31' } },
      { id: 'dev-future', serviceId: 'eid4', meetingTypeIds: ['k3'], decision: { level: 'forvaltning', reference: 'REF-FUTURE', decidedOn: '2026-09-01', validUntil: '2027-09-01' } },
    ],
    needs: [
      { id: 'new', label: t('new counterpart'), effects: { identityVerification: true } },
      { id: 'in-person', label: t('wants in person'), effects: { digital: 'never' } },
      { id: 'no-eid', label: t('no e-ID'), effects: { noEid: true } },
      { id: 'child', label: t('child'), effects: { coApproval: true, checklist: ['c-need', 'c-shared'] } },
      { id: 'plain', label: t('plain'), effects: {} },
    ],
  };
}
