// The shape of a policy document (DESIGN.md's contract) as a strict schema: unknown properties are
// errors, so a misspelt field is reported instead of silently ignored. Cross-references, duplicates
// and date order are checked in validate.ts.
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = z.strictObject({ sv: nonEmpty, en: nonEmpty });
const level = z.number().int('must be a whole number').min(0, 'must be a level from 0 to 4').max(4, 'must be a level from 0 to 4');
const assurance = z.union([z.literal(2), z.literal(3), z.literal(4)], { error: 'must be an assurance level 2, 3 or 4' });
const isoDate = z.string();   // parsed and ordered in validate.ts, so every bad date is listed with its path
const onSendMode = z.enum(['prompt', 'block']);
const domain = z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, 'must be a mail domain such as kommun.se');

export const policySchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'must be 1' }),
  organization: nonEmpty,
  example: z.boolean().optional(),
  identityAssuranceRequired: assurance.optional(),
  internalDomains: z.array(domain).optional(),
  onSend: z.strictObject({ noAssessment: onSendMode, pendingApproval: onSendMode }).optional(),
  identityMethods: z.array(z.strictObject({ id, label: text, assurance })),
  checklist: z.array(z.strictObject({
    id, text, who: z.enum(['caseworker', 'counterpart', 'both']), always: z.boolean().optional(),
  })),
  meetingTypes: z.array(z.strictObject({
    id, label: text, description: text.optional(),
    information: z.strictObject({ personalData: z.boolean(), sensitiveData: z.boolean(), secrecy: z.boolean(), childrenData: z.boolean() }),
    classification: z.strictObject({ confidentiality: level, integrity: level, availability: level }),
    digital: z.enum(['allowed', 'never']),
    identityVerification: z.enum(['always', 'when-new-or-unclear', 'never']),
    coApproval: z.enum(['always', 'when-deviation', 'never']),
    checklist: z.array(z.string()).optional(),
  })),
  services: z.array(z.strictObject({
    id, label: nonEmpty,
    security: z.strictObject({
      participantAuthentication: z.enum(['eid-loa4', 'eid-loa3', 'eid-loa2', 'organization-account', 'none']),
      encryption: z.enum(['end-to-end', 'in-transit', 'none']),
      vendorStoresContent: z.boolean(),
      dataLocation: z.enum(['SE', 'EU', 'third-country']),
      processorAgreement: z.boolean(),
    }),
    approvedUpTo: z.strictObject({ confidentiality: level }),
    riskAnalysis: z.strictObject({ reference: nonEmpty, date: isoDate, reviewBy: isoDate }),
    meetingLinkPatterns: z.array(nonEmpty).optional(),
  })),
  deviations: z.array(z.strictObject({
    id, serviceId: z.string(), meetingTypeIds: z.array(z.string()).min(1, 'must name at least one meeting type'),
    decision: z.strictObject({
      level: z.enum(['kommunledning', 'forvaltning']),
      reference: nonEmpty, decidedOn: isoDate, validUntil: isoDate,
    }),
    conditions: z.array(text).optional(),
  })),
  needs: z.array(z.strictObject({
    id, label: text, description: text.optional(),
    effects: z.strictObject({
      digital: z.literal('never').optional(),
      identityVerification: z.boolean().optional(),
      coApproval: z.boolean().optional(),
      noEid: z.boolean().optional(),
      checklist: z.array(z.string()).optional(),
    }),
  })),
});
