// Route schemas for the incident register (strict: unknown properties rejected, no coercion).
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from './model';

const dateTime = { type: 'string', format: 'date-time', maxLength: 40 } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const uuid = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;

const fields = {
  category: { type: 'string', enum: INCIDENT_CATEGORIES },
  occurredAt: dateTime,
  discoveredAt: dateTime,
  description: { type: 'string', minLength: 1, maxLength: 4000 },
  effects: text(4000),
  correctiveActions: text(4000),
  mustNotifyImy: { type: 'boolean' },
  assessmentId: { anyOf: [uuid, { type: 'null' }] },
} as const;

export const incidentCreateBody = {
  type: 'object', additionalProperties: false,
  required: ['category', 'occurredAt', 'discoveredAt', 'description', 'mustNotifyImy'],
  properties: fields,
} as const;

export const incidentPatchBody = {
  type: 'object', additionalProperties: false, required: ['revision'], minProperties: 2,
  properties: { ...fields, revision: { type: 'integer', minimum: 1 } },
} as const;

export const incidentStatusBody = {
  type: 'object', additionalProperties: false, required: ['revision', 'status'],
  properties: {
    revision: { type: 'integer', minimum: 1 },
    status: { type: 'string', enum: INCIDENT_STATUSES },
    imyNotifiedAt: dateTime,
    imyReference: { type: 'string', minLength: 1, maxLength: 100 },
    delayReason: { type: 'string', minLength: 1, maxLength: 2000 },
  },
} as const;

export const incidentListQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    scope: { type: 'string', enum: ['mine', 'all'] },
    status: { type: 'string', enum: INCIDENT_STATUSES },
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
  },
} as const;
