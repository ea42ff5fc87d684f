// A structural diff of two policy documents in the browser, for the conflict view (their saved draft
// against my unsaved edit), in the same shape as the server's GET /api/policy/diff so one list shows
// both: arrays of entries with unique ids are matched by id (`$.services[id=teams].label`).
import type { PolicyChange } from '../../shared/policyApi';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (a: unknown[]) =>
  a.every((x) => isObject(x) && typeof x.id === 'string') && new Set(a.map((x) => (x as { id: string }).id)).size === a.length;

export function diffDocuments(before: unknown, after: unknown, path = '$'): PolicyChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const p = `${path}.${k}`;
      if (!(k in before)) return [{ path: p, kind: 'added' as const, after: after[k] }];
      if (!(k in after)) return [{ path: p, kind: 'removed' as const, before: before[k] }];
      return diffDocuments(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after) && hasIds(before) && hasIds(after)) {
    const b = new Map(before.map((x) => [(x as { id: string }).id, x]));
    const a = new Map(after.map((x) => [(x as { id: string }).id, x]));
    return [...new Set([...b.keys(), ...a.keys()])].flatMap((id) => {
      const p = `${path}[id=${id}]`;
      if (!b.has(id)) return [{ path: p, kind: 'added' as const, after: a.get(id) }];
      if (!a.has(id)) return [{ path: p, kind: 'removed' as const, before: b.get(id) }];
      return diffDocuments(b.get(id), a.get(id), p);
    });
  }
  return [{ path, kind: 'changed', before, after }];
}
