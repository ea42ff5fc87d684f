// A refused save, per field: the server's 422 (and a schema's 400) name the field in `details[].path`;
// a personal identity number gets our own words in the page's language.
import { ApiRequestError } from '../../shared/api';

export type FieldErrors = Partial<Record<string, string>>;

/** '/description', 'body/description' and 'description' are the same field. */
function fieldOf(path: string): string {
  return path.replace(/^\/?(body\/|body\.)?/, '').split(/[/.]/)[0] ?? path;
}

/** The errors to show beside fields, and the message for the rest (null when every error has its field). */
export function fieldErrors(error: unknown, fields: readonly string[], pinText: string): { fields: FieldErrors; general: string | null } {
  if (!(error instanceof ApiRequestError)) return { fields: {}, general: error instanceof Error ? error.message : String(error) };
  const out: FieldErrors = {};
  for (const d of error.details) {
    const field = fieldOf(d.path);
    if (!fields.includes(field)) continue;
    out[field] = error.code === 'personal-identity-number' ? pinText : error.details.length === 1 ? error.message : d.message;
  }
  return { fields: out, general: Object.keys(out).length > 0 ? null : error.message };
}
