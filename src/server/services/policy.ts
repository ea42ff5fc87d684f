// Policy versions and the draft. Published versions are immutable, numbered and identified by their
// content hash; the draft is one document guarded by an ETag so two editors cannot overwrite each other.
import type { Kysely } from 'kysely';
import type { PolicyDraft, PublishedPolicy } from '../../api/contract';
import { compilePolicy, examplePolicy, policyVersion, stockholmDate, validatePolicy, type CompiledPolicy, type Policy, type ValidationResult } from '../../policy';
import type { Clock } from '../deps';
import { HttpError, notFound } from '../errors';
import type { Database } from '../store/schema';
import { recheckOpenAssessments } from './recheck';
import { write, type WriteContext } from './write';

export const SYSTEM_ACTOR = 'system';

export interface PolicyVersionSummary { number: number; hash: string; publishedAt: string; publishedBy: string; changeNote: string }

type VersionRow = { number: number; hash: string; policy: unknown; published_at: Date; published_by: string; change_note: string };

function toPublished(r: VersionRow): PublishedPolicy {
  return { version: r.number, hash: r.hash, publishedAt: r.published_at.toISOString(), publishedBy: r.published_by, changeNote: r.change_note, policy: r.policy as Policy };
}

export const draftEtag = (revision: number) => `"draft-${revision}"`;

/** Validation that never throws: a document the validator cannot even read is one error at the root. */
export function safeValidate(doc: unknown, today: string): ValidationResult {
  try {
    return validatePolicy(doc, { today });
  } catch (err) {
    return { valid: false, errors: [{ path: '$', code: 'unreadable', message: `The document cannot be read as a policy: ${(err as Error).message}` }], warnings: [] };
  }
}

export class PolicyService {
  private readonly compiledByHash = new Map<string, CompiledPolicy>();
  /** Published versions never change (append-only), so each is read and parsed once per process. */
  private readonly publishedByNumber = new Map<number, PublishedPolicy>();

  constructor(private readonly db: Kysely<Database>, private readonly clock: Clock) {}

  today(): string {
    return stockholmDate(this.clock.now().toISOString());
  }

  /** Compiled policies are immutable per hash, so they are cached for the process's lifetime. */
  compiled(hash: string, policy: Policy): CompiledPolicy {
    let c = this.compiledByHash.get(hash);
    if (!c) {
      c = compilePolicy(policy);
      this.compiledByHash.set(hash, c);
    }
    return c;
  }

  async published(db: Kysely<Database> = this.db): Promise<PublishedPolicy & { compiled: CompiledPolicy }> {
    // Only the latest number is read on each call (inside writes too, under the chain lock); the document once.
    const latest = await db.selectFrom('policy_versions').select(['number', 'hash']).orderBy('number', 'desc').limit(1).executeTakeFirst();
    if (!latest) throw new HttpError(503, 'no-policy', 'No policy has been published yet: a policy admin must publish one.');
    let p = this.publishedByNumber.get(latest.number);
    if (!p || p.hash !== latest.hash) {
      const row = await db.selectFrom('policy_versions').selectAll().where('number', '=', latest.number).executeTakeFirstOrThrow();
      p = toPublished(row);
      this.publishedByNumber.set(p.version, p);
    }
    return { ...p, compiled: this.compiled(p.hash, p.policy) };
  }

  async version(number: number): Promise<PublishedPolicy> {
    const known = this.publishedByNumber.get(number);
    if (known) return known;
    const row = await this.db.selectFrom('policy_versions').selectAll().where('number', '=', number).executeTakeFirst();
    if (!row) throw notFound(`Policy version ${number}`);
    const p = toPublished(row);
    this.publishedByNumber.set(p.version, p);
    return p;
  }

  async versions(): Promise<PolicyVersionSummary[]> {
    const rows = await this.db.selectFrom('policy_versions').select(['number', 'hash', 'published_at', 'published_by', 'change_note']).orderBy('number', 'desc').execute();
    return rows.map((r) => ({ number: r.number, hash: r.hash, publishedAt: r.published_at.toISOString(), publishedBy: r.published_by, changeNote: r.change_note }));
  }

  private draftFrom(row: { policy: unknown; revision: number; updated_at: Date; updated_by: string }): PolicyDraft {
    const v = safeValidate(row.policy, this.today());
    return { policy: row.policy as Policy, etag: draftEtag(row.revision), updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by, errors: v.errors, warnings: v.warnings };
  }

  async draft(db: Kysely<Database> = this.db): Promise<PolicyDraft> {
    const row = await db.selectFrom('policy_draft').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) throw new HttpError(503, 'no-policy', 'No policy draft exists yet.');
    return this.draftFrom(row);
  }

  private async lockedDraft(ctx: WriteContext, ifMatch: string) {
    const row = await ctx.tx.selectFrom('policy_draft').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) throw new HttpError(503, 'no-policy', 'No policy draft exists yet.');
    if (draftEtag(row.revision) !== ifMatch.trim()) {
      throw new HttpError(412, 'draft-changed', 'The draft was changed by someone else since you loaded it: compare with the current draft (in `current`) and apply your change again.', undefined, { current: this.draftFrom(row) });
    }
    return row;
  }

  async saveDraft(actor: string, ifMatch: string, doc: unknown): Promise<PolicyDraft> {
    return write(this.db, this.clock, actor, async (ctx) => {
      const row = await this.lockedDraft(ctx, ifMatch);
      const updated = { policy: doc, revision: row.revision + 1, updated_at: ctx.now, updated_by: actor };
      await ctx.tx.updateTable('policy_draft').set({ ...updated, policy: JSON.stringify(doc) }).where('id', '=', 1).execute();
      ctx.record('policy.draft.update', 'policy-draft', '1', { revision: updated.revision, policy: doc });
      return this.draftFrom(updated);
    });
  }

  async publish(actor: string, ifMatch: string, changeNote: string): Promise<{ published: PublishedPolicy; recheck: { checked: number; needsRecheck: string[] } }> {
    return write(this.db, this.clock, actor, async (ctx) => {
      const row = await this.lockedDraft(ctx, ifMatch);
      const result = safeValidate(row.policy, this.today());
      if (!result.valid || !result.policy) {
        throw new HttpError(400, 'policy-invalid', `The draft has ${result.errors.length} error(s): fix them before publishing.`, result.errors, { warnings: result.warnings });
      }
      const published = await this.insertVersion(ctx, result.policy, changeNote);
      const recheck = await recheckOpenAssessments(ctx, { number: published.version, compiled: this.compiled(published.hash, published.policy) }, { clampToToday: false });
      return { published, recheck };
    });
  }

  private async insertVersion(ctx: WriteContext, policy: Policy, changeNote: string): Promise<PublishedPolicy> {
    const last = await ctx.tx.selectFrom('policy_versions').select('number').orderBy('number', 'desc').limit(1).executeTakeFirst();
    const number = (last?.number ?? 0) + 1;
    const hash = policyVersion(policy);
    const row = { number, hash, published_at: ctx.now, published_by: ctx.actor, change_note: changeNote };
    await ctx.tx.insertInto('policy_versions').values({ ...row, policy: JSON.stringify(policy) }).execute();
    ctx.record('policy.publish', 'policy-version', String(number), { number, hash, changeNote });
    return toPublished({ ...row, policy });
  }

  /** At first start: publish the example policy as version 1 and make it the draft. */
  async initialize(): Promise<boolean> {
    return write(this.db, this.clock, SYSTEM_ACTOR, async (ctx) => {
      const existing = await ctx.tx.selectFrom('policy_versions').select('number').limit(1).executeTakeFirst();
      if (existing) return false;
      const policy = examplePolicy(stockholmDate(ctx.now.toISOString()));
      await this.insertVersion(ctx, policy, 'Exempelpolicy publicerad vid första start (anpassa före användning).');
      await ctx.tx.insertInto('policy_draft').values({ id: 1, policy: JSON.stringify(policy), revision: 1, updated_at: ctx.now, updated_by: SYSTEM_ACTOR }).execute();
      ctx.record('policy.draft.update', 'policy-draft', '1', { revision: 1, policy });
      return true;
    });
  }
}
