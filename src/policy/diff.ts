// A structural diff of two policy documents, shared by the server's version diff and the settings
// editor's conflict view, so both show one list in one shape: arrays of entries with unique ids are
// matched by id (`$.services[id=teams].label`).

export interface PolicyChange { path: string; kind: 'added' | 'removed' | 'changed'; before?: unknown; after?: unknown }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (a: unknown[]) => a.every((x) => isObject(x) && typeof x.id === 'string') && new Set(a.map((x) => (x as { id: string }).id)).size === a.length;

/** A structural diff; arrays of objects with unique ids are matched by id (`meetingTypes[id=x].digital`). */
export function diffPolicies(before: unknown, after: unknown, path = '$'): PolicyChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const p = `${path}.${k}`;
      if (!(k in before)) return [{ path: p, kind: 'added' as const, after: after[k] }];
      if (!(k in after)) return [{ path: p, kind: 'removed' as const, before: before[k] }];
      return diffPolicies(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after) && hasIds(before) && hasIds(after)) {
    const b = new Map(before.map((x) => [(x as { id: string }).id, x]));
    const a = new Map(after.map((x) => [(x as { id: string }).id, x]));
    const ids = [...new Set([...b.keys(), ...a.keys()])];
    return ids.flatMap((id) => {
      const p = `${path}[id=${id}]`;
      if (!b.has(id)) return [{ path: p, kind: 'added' as const, after: a.get(id) }];
      if (!a.has(id)) return [{ path: p, kind: 'removed' as const, before: b.get(id) }];
      return diffPolicies(b.get(id), a.get(id), p);
    });
  }
  return [{ path, kind: 'changed', before, after }];
}
