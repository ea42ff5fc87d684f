// Route schemas (JSON Schema, checked by Ajv without coercion, defaults or removal of unknown
// properties) — also the source of the OpenAPI description at /api/docs.
const id = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' } as const;
const shortText = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const dateTime = { type: 'string', format: 'date-time', maxLength: 40 } as const;

export const uuidParam = {
  type: 'object', additionalProperties: false, required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } },
} as const;

export const numberParam = {
  type: 'object', additionalProperties: false, required: ['number'],
  properties: { number: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
} as const;

export const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

export const meetingReference = {
  type: 'object', additionalProperties: false,
  properties: {
    eventId: shortText(512),
    teamsMeetingId: shortText(512),
    joinUrlHash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
  },
} as const;

const assessmentInputProperties = {
  meeting: meetingReference,
  start: dateTime,
  seriesEnd: dateTime,
  mode: { type: 'string', enum: ['digital', 'physical'] },
  meetingTypeId: id,
  serviceId: { anyOf: [id, { type: 'null' }] },
  needs: { type: 'array', items: id, maxItems: 50, uniqueItems: true },
  notClientMeeting: { type: 'boolean' },
} as const;
const assessmentInputRequired = ['meeting', 'start', 'mode', 'meetingTypeId', 'serviceId', 'needs'] as const;

export const assessmentInput = { type: 'object', additionalProperties: false, required: assessmentInputRequired, properties: assessmentInputProperties } as const;
export const assessmentRevise = {
  type: 'object', additionalProperties: false, required: [...assessmentInputRequired, 'revision'],
  properties: { ...assessmentInputProperties, revision: { type: 'integer', minimum: 1 } },
} as const;

/** submit / withdraw: optionally the revision the caseworker saw. */
export const optionalRevision = {
  anyOf: [
    { type: 'object', additionalProperties: false, properties: { revision: { type: 'integer', minimum: 1 } } },
    { type: 'null' },
  ],
} as const;

export const decisionBody = {
  type: 'object', additionalProperties: false, required: ['revision', 'outcome'],
  properties: { revision: { type: 'integer', minimum: 1 }, outcome: { type: 'string', enum: ['approved', 'rejected'] }, comment: { type: 'string', maxLength: 2000 } },
} as const;

export const checklistBody = {
  type: 'object', additionalProperties: false, required: ['itemId', 'confirmed'],
  properties: { itemId: id, confirmed: { type: 'boolean' } },
} as const;

export const identityBody = {
  type: 'object', additionalProperties: false, required: ['methodId', 'counterpart'],
  properties: { methodId: id, counterpart: { type: 'integer', minimum: 1, maximum: 50 } },
} as const;

export const listQuery = {
  type: 'object', additionalProperties: false,
  properties: { scope: { type: 'string', enum: ['mine', 'approvals', 'all'] }, limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' } },
} as const;

/**
 * One reference; the meeting tab may add its chat id to the Teams meeting id, so that a check made in
 * Outlook (which knows the join URL, not the Teams ids) is found through the chat's join URL.
 */
export const byMeetingQuery = {
  type: 'object', additionalProperties: false, minProperties: 1, maxProperties: 2,
  properties: { ...meetingReference.properties, teamsChatId: { type: 'string', minLength: 1, maxLength: 256, pattern: '^19:[^\\s/?#]+$' } },
} as const;

/** The policy document itself is checked by validatePolicy, which reports every problem by JSON path. */
const policyDocument = { type: 'object', description: 'A policy document (DESIGN.md "Policy document")' } as const;

export const policyBody = { type: 'object', additionalProperties: false, required: ['policy'], properties: { policy: policyDocument } } as const;

export const previewBody = {
  type: 'object', additionalProperties: false, required: ['request'],
  properties: {
    policy: policyDocument,
    request: {
      type: 'object', additionalProperties: false, required: ['meetingTypeId', 'serviceId', 'needs', 'date'],
      properties: {
        meetingTypeId: id,
        serviceId: { anyOf: [id, { type: 'null' }] },
        needs: { type: 'array', items: id, maxItems: 50, uniqueItems: true },
        date: { type: 'string', format: 'date' },
      },
    },
  },
} as const;

export const publishBody = {
  type: 'object', additionalProperties: false, required: ['changeNote', 'etag'],
  properties: { changeNote: shortText(2000), etag: shortText(100) },
} as const;

export const diffQuery = {
  type: 'object', additionalProperties: false, required: ['from', 'to'],
  properties: { from: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' }, to: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
} as const;

export const auditQuery = {
  type: 'object', additionalProperties: false,
  properties: { entity: shortText(200), actor: shortText(200), from: dateTime, to: dateTime, limit: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' } },
} as const;

export const devTokenBody = {
  type: 'object', additionalProperties: false, required: ['userId'],
  properties: { userId: { type: 'string', minLength: 1, maxLength: 50 } },
} as const;
