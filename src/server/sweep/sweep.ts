// The second line of control. Smart Alerts do not run everywhere (meetings booked in Teams, Outlook
// on Mac or mobile, the web form), so a scheduled sweep reads the caseworkers' calendars through
// Graph for client meetings in a coming window — an online meeting with an attendee outside the
// organisation's domains, organised by the caseworker — links each to its check through the open
// extension the approvals outbox writes (else through the event id the Outlook pane recorded), and
// records the meetings without a completed check (approved or ready) in sweep_findings, which the
// Rapporter tab and /api/reports/unchecked-meetings read.
//
// Incremental: one calendarView delta query per caseworker and window; later sweeps follow the stored
// delta link and only see what changed. Within Graph's limits: pages of up to 500 events
// (Prefer: odata.maxpagesize), extension reads in $batch requests of 20, the client's RetryHandler for
// 429/503/504 on direct calls and a Retry-After-honouring retry for requests inside a batch (which
// Graph does not retry individually).
//
// Access (document for the tenant admin): application permission Calendars.Read, limited with
// Exchange Online's RBAC for Applications to the social-services group — New-ManagementScope with a
// RecipientRestrictionFilter on the group's members, New-ManagementRoleAssignment -App <service
// principal> -Role "Application Calendars.Read" -CustomResourceScope <scope> — so the app cannot read
// any other mailbox; plus GroupMember.Read.All to list the group's members.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { Kysely } from 'kysely';
import type { ApproverResolver, Clock } from '../deps';
import { EXTENSION_NAME } from '../graph/directory';
import { accountabilityDb, type AccountabilityDatabase } from '../reports/schema';
import type { Database } from '../store/schema';
import { graphFailure } from '../graph/client';
import { groupUsers } from '../graph/roles';
import { withIntegrationTables } from '../bot/conversations';
import { stockholmDate } from '../../policy';
import type { SweepProblem } from './findings';

export interface SweepOptions {
  /** Days ahead of the start of today (UTC) that the window covers. */
  windowDays: number;
  /** Mail domains that are the organisation's own: attendees elsewhere make a meeting a client meeting. */
  internalDomains: string[];
  /** Events per delta page requested from Graph (Graph caps it at 1,000 for calendarView delta). */
  pageSize?: number;
  /** Waits for a Retry-After inside a batch (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Tell the caseworker and their approvers (manager, stand-in or fallback) about each new finding for
   * a meeting still to come: outbox rows written in the sweep's own transaction.
   */
  notify?: { approvers: ApproverResolver };
}

/** What a sweep-finding notice carries (the outbox row's payload): ids, the start and the problem only. */
export interface SweepFindingNotice {
  userId: string;
  eventId: string;
  start: string;
  problem: SweepProblem;
  assessmentId: string | null;
  webLink: string | null;
  audience: 'caseworker' | 'manager';
}

export interface SweepStats {
  users: number; pages: number; batches: number; eventsSeen: number; clientMeetings: number; findings: number; fullSyncs: number;
  /** Notices queued for caseworkers and managers. */
  notices: number;
  /** Calendars that could not be read this time (logged; the others are still swept). */
  failedUsers: { userId: string; status: number; message: string }[];
}

const seg = (s: string) => encodeURIComponent(s);
const DAY_MS = 86_400_000;

/** The event's start instant: the sweep asks for UTC (the default without a Prefer: outlook.timezone), written without an offset. */
function startOf(e: Event): Date {
  const dt = e.start!.dateTime!;
  return new Date(/Z|[+-]\d\d:\d\d$/.test(dt) ? dt : `${dt}Z`);
}

/** The event's Outlook web link, kept only when it is https (it goes on a card's button). */
const webLinkOf = (e: Event): string | null => (e.webLink?.startsWith('https://') ? e.webLink : null);

type DeltaEvent = Event & { '@removed'?: { reason: string } };
interface ExtensionData { assessmentId?: string }

export class CalendarSweep {
  private readonly db: Kysely<AccountabilityDatabase>;

  constructor(private readonly client: Client, db: Kysely<Database>, private readonly clock: Clock, private readonly options: SweepOptions) {
    this.db = accountabilityDb(db);
  }

  /** The caseworkers: the social-services group's members. */
  async groupMembers(groupId: string): Promise<string[]> {
    return groupUsers(this.client, groupId);
  }

  async sweep(users: string[]): Promise<SweepStats> {
    const stats: SweepStats = { users: users.length, pages: 0, batches: 0, eventsSeen: 0, clientMeetings: 0, findings: 0, fullSyncs: 0, notices: 0, failedUsers: [] };
    for (const user of users) {
      try {
        await this.sweepUser(user, stats);
      } catch (err) {
        // One mailbox out of the RBAC scope, moved or throttled past the retries must not stop the others.
        const f = graphFailure(err);
        stats.failedUsers.push({ userId: user, status: f.status, message: String((err as Error)?.message ?? err).slice(0, 200) });
      }
    }
    stats.findings = Number((await this.db.selectFrom('sweep_findings').select((eb) => eb.fn.countAll().as('n')).where('user_id', 'in', users.length ? users : ['']).executeTakeFirstOrThrow()).n);
    return stats;
  }

  private window(now: Date): { start: Date; end: Date } {
    const start = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
    return { start, end: new Date(start.getTime() + this.options.windowDays * DAY_MS) };
  }

  private async sweepUser(user: string, stats: SweepStats): Promise<void> {
    const now = this.clock.now();
    const win = this.window(now);
    const state = await this.db.selectFrom('sweep_calendars').selectAll().where('user_id', '=', user).executeTakeFirst();
    const incremental = state?.delta_link && state.window_start?.getTime() === win.start.getTime() && state.window_end?.getTime() === win.end.getTime();
    let url: string | undefined = incremental ? state!.delta_link! : `/users/${seg(user)}/calendarView/delta?startDateTime=${win.start.toISOString()}&endDateTime=${win.end.toISOString()}`;
    if (!incremental) stats.fullSyncs++;

    const changed = new Map<string, Event>();
    const removed = new Set<string>();
    let deltaLink: string | undefined;
    while (url) {
      let page: { value: DeltaEvent[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
      try {
        page = (await this.client.api(url).header('Prefer', `odata.maxpagesize=${this.options.pageSize ?? 500}`).get()) as typeof page;
      } catch (err) {
        // An expired delta token (410 Gone, syncStateNotFound): start again with a full sync of the window.
        if (incremental && graphFailure(err).status === 410) {
          await this.db.updateTable('sweep_calendars').set({ delta_link: null }).where('user_id', '=', user).execute();
          return this.sweepUser(user, stats);
        }
        throw err;
      }
      stats.pages++;
      for (const e of page.value) {
        if (!e.id) continue;
        stats.eventsSeen++;
        if (e['@removed'] || e.isCancelled) { removed.add(e.id); changed.delete(e.id); } else { changed.set(e.id, e); removed.delete(e.id); }
      }
      url = page['@odata.nextLink'];
      deltaLink = page['@odata.deltaLink'];
    }

    const candidates = [...changed.values()].filter((e) => this.isClientMeeting(e, win));
    stats.clientMeetings += candidates.length;
    const extensions = await this.readExtensions(user, candidates.map((e) => e.id!), stats);
    const byEvent = candidates.length === 0 ? [] : await this.db.selectFrom('assessments').select(['id', 'event_id', 'status', 'updated_at'])
      .where('organizer', '=', user).where('event_id', 'in', candidates.map((e) => e.id!)).orderBy('updated_at', 'desc').execute();
    const linkedIds = [...new Set([...extensions.values()].filter((x): x is string => !!x))];
    const linked = linkedIds.length === 0 ? [] : await this.db.selectFrom('assessments').select(['id', 'status', 'r_not_client']).where('id', 'in', linkedIds).execute();
    const eventRows = byEvent.length === 0 ? [] : await this.db.selectFrom('assessments').select(['id', 'status', 'r_not_client']).where('id', 'in', byEvent.map((r) => r.id)).execute();
    const rows = new Map([...linked, ...eventRows].map((r) => [r.id, r]));

    const findings: { event: Event; assessmentId: string | null; problem: SweepProblem }[] = [];
    const fine: string[] = [...removed, ...[...changed.keys()].filter((id) => !candidates.some((c) => c.id === id))];
    for (const e of candidates) {
      const id = extensions.get(e.id!) ?? byEvent.find((r) => r.event_id === e.id && r.status !== 'withdrawn')?.id ?? byEvent.find((r) => r.event_id === e.id)?.id ?? null;
      const a = id ? rows.get(id) : undefined;
      const problem: SweepProblem | null = !a ? 'no-check'
        : a.r_not_client ? null
          : a.status === 'withdrawn' ? 'check-withdrawn'
            : a.status === 'approved' || a.status === 'ready' ? null : 'check-incomplete';
      if (problem) findings.push({ event: e, assessmentId: a ? a.id : null, problem });
      else fine.push(e.id!);
    }

    // Checks completed since the last sweep clear their findings even when the event itself did not change.
    if (incremental) {
      const open = await this.db.selectFrom('sweep_findings').select(['event_id', 'assessment_id']).where('user_id', '=', user).execute();
      const stillOpen = open.filter((f) => !changed.has(f.event_id) && !removed.has(f.event_id));
      if (stillOpen.length > 0) {
        const now2 = await this.db.selectFrom('assessments').select(['id', 'event_id', 'status', 'r_not_client']).where('organizer', '=', user)
          .where((eb) => eb.or([eb('event_id', 'in', stillOpen.map((f) => f.event_id)), eb('id', 'in', stillOpen.map((f) => f.assessment_id ?? '00000000-0000-0000-0000-000000000000'))])).execute();
        for (const f of stillOpen) {
          const done = now2.some((a) => (a.id === f.assessment_id || a.event_id === f.event_id) && (a.r_not_client || a.status === 'approved' || a.status === 'ready'));
          if (done) fine.push(f.event_id);
        }
      }
    }

    const notices = await this.notices(user, findings, now);
    await this.db.transaction().execute(async (tx) => {
      if (!incremental) await tx.deleteFrom('sweep_findings').where('user_id', '=', user).execute();
      else if (fine.length > 0) await tx.deleteFrom('sweep_findings').where('user_id', '=', user).where('event_id', 'in', fine).execute();
      for (let i = 0; i < findings.length; i += 500) {
        await tx.insertInto('sweep_findings').values(findings.slice(i, i + 500).map((f) => ({
          user_id: user, event_id: f.event.id!, start_at: startOf(f.event),
          assessment_id: f.assessmentId, problem: f.problem, found_at: now, web_link: webLinkOf(f.event),
        }))).onConflict((oc) => oc.columns(['user_id', 'event_id']).doUpdateSet((eb) => ({ start_at: eb.ref('excluded.start_at'), assessment_id: eb.ref('excluded.assessment_id'), problem: eb.ref('excluded.problem'), found_at: eb.ref('excluded.found_at'), web_link: eb.ref('excluded.web_link') }))).execute();
      }
      // One notice per finding, recipient, problem and start: a finding seen again by a later sweep is not sent twice.
      for (let i = 0; i < notices.length; i += 500) {
        const r = await withIntegrationTables(tx as unknown as Kysely<Database>).insertInto('outbox').values(notices.slice(i, i + 500).map((n) => ({
          kind: 'sweep-finding', dedupe_key: `sweep-finding:${n.payload.userId}:${n.payload.eventId}:${n.payload.problem}:${n.payload.start}:${n.recipient}`,
          assessment_id: null, revision: null, recipient: n.recipient, payload: JSON.stringify(n.payload), next_attempt_at: now, created_at: now,
        }))).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
        stats.notices += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      await tx.insertInto('sweep_calendars').values({ user_id: user, delta_link: deltaLink ?? null, window_start: win.start, window_end: win.end, swept_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ delta_link: deltaLink ?? null, window_start: win.start, window_end: win.end, swept_at: now })).execute();
    });
  }

  /** The notices for this sweep's findings of meetings still to come: the caseworker and whoever approves for them. */
  private async notices(user: string, findings: { event: Event; assessmentId: string | null; problem: SweepProblem }[], now: Date): Promise<{ recipient: string; payload: SweepFindingNotice }[]> {
    if (!this.options.notify) return [];
    const out: { recipient: string; payload: SweepFindingNotice }[] = [];
    const approversByDate = new Map<string, string[]>();
    for (const f of findings) {
      const start = startOf(f.event);
      if (start.getTime() <= now.getTime()) continue;
      const date = stockholmDate(start.toISOString());
      let approvers = approversByDate.get(date);
      if (!approvers) {
        approvers = (await this.options.notify.approvers.resolve(user, date)).approvers.filter((a) => a !== user);
        approversByDate.set(date, approvers);
      }
      const base = { userId: user, eventId: f.event.id!, start: start.toISOString(), problem: f.problem, assessmentId: f.assessmentId, webLink: webLinkOf(f.event) };
      out.push({ recipient: user, payload: { ...base, audience: 'caseworker' } });
      for (const a of approvers) out.push({ recipient: a, payload: { ...base, audience: 'manager' } });
    }
    return out;
  }

  /** Online, organised by the caseworker, with an attendee outside the organisation, starting in the window. */
  isClientMeeting(e: Event, win: { start: Date; end: Date }): boolean {
    const online = e.isOnlineMeeting === true || !!e.onlineMeeting?.joinUrl;
    if (!online || e.isOrganizer === false) return false;
    const internal = new Set(this.options.internalDomains.map((d) => d.toLowerCase()));
    const external = (e.attendees ?? []).some((a) => {
      const domain = a.emailAddress?.address?.split('@')[1]?.toLowerCase();
      return domain !== undefined && !internal.has(domain);
    });
    if (!external || !e.start?.dateTime) return false;
    const start = startOf(e).getTime();
    return start >= win.start.getTime() && start < win.end.getTime();
  }

  /** The open extension of each event (assessment id), read in $batch requests of 20. */
  private async readExtensions(user: string, eventIds: string[], stats: SweepStats): Promise<Map<string, string | undefined>> {
    const out = new Map<string, string | undefined>();
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    let pending = eventIds;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const retry: string[] = [];
      let wait = 0;
      for (let i = 0; i < pending.length; i += 20) {
        const chunk = pending.slice(i, i + 20);
        const body = { requests: chunk.map((id, k) => ({ id: String(k), method: 'GET', url: `/users/${seg(user)}/events/${seg(id)}/extensions/${EXTENSION_NAME}` })) };
        const res = (await this.client.api('/$batch').post(body)) as { responses: { id: string; status: number; headers?: Record<string, string>; body?: ExtensionData }[] };
        stats.batches++;
        for (const r of res.responses) {
          const eventId = chunk[Number(r.id)]!;
          if (r.status === 200) out.set(eventId, typeof r.body?.assessmentId === 'string' ? r.body.assessmentId : undefined);
          else if (r.status === 404) out.set(eventId, undefined);
          else if ((r.status === 429 || r.status === 503) && attempt < 5) {
            retry.push(eventId);
            wait = Math.max(wait, Number(r.headers?.['Retry-After'] ?? r.headers?.['retry-after'] ?? 1) * 1000);
          } else {
            throw new Error(`Graph answered ${r.status} reading the extension of an event in the batch`);
          }
        }
      }
      if (retry.length > 0) await sleep(wait);
      pending = retry;
    }
    return out;
  }
}
