// The meeting tab (side panel, details tab, chat tab): the meeting's check found by the Teams meeting
// id (or chat id). The organizer may create one, revise it, and at meeting start confirm the checklist
// item by item and record each counterpart's identity check (method, assurance, time — nothing that
// identifies the person). The approver sees the check; every other participant sees at most that a
// check exists and is complete. "Rapportera incident" opens the incident register's form, linked to the
// meeting's check when the reporter may read it (src/web/teams/incidents).
import {
  Badge, Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner,
  Subtitle1, Subtitle2, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Assessment, MeetingLookup, MeetingReference, PublishedPolicy } from '../../../api/contract';
import type { Policy } from '../../../policy/types';
import { AssessmentEditor } from '../../shared/components/AssessmentEditor';
import { StatusView } from '../../shared/components/StatusView';
import { VerdictView } from '../../shared/components/VerdictView';
import { useI18n } from '../../shared/i18n';
import type { MeetingCheck } from '../../shared/meetingApi';
import type { TeamsApi } from '../api';
import { errorMessage, meetingTime, meetingTypeLabel, STATUS_COLOR, STATUS_TEXT } from '../format';
import type { TeamsHost } from '../host';
import { MeetingIncident } from '../incidents/MeetingIncident';
import type { IncidentApi } from '../incidents/IncidentRegister';
import { useText } from '../strings';

export type MeetingApi = Pick<TeamsApi,
  | 'me' | 'getPublishedPolicy' | 'findMeetingCheck' | 'createAssessment' | 'reviseAssessment' | 'submitAssessment' | 'getAssessment'
  | 'confirmChecklistItem' | 'recordIdentityCheck'>;

export interface MeetingPanelProps {
  host: Pick<TeamsHost, 'context' | 'openAssessment'>;
  api: MeetingApi;
  /** The incident register's calls; with them the panel offers "Rapportera incident". */
  incidents?: IncidentApi;
  displayName?: (oid: string) => string | undefined;
  now?: () => number;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '720px' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  counterpart: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Who may report an incident (the server's route for POST /api/incidents). */
const INCIDENT_REPORTERS = ['Caseworker', 'Manager', 'Auditor'];

/** Approved or ready, every checklist item confirmed and, when required, an identity check recorded (as the server judges it). */
export function isComplete(a: Assessment): boolean {
  if (a.status !== 'approved' && a.status !== 'ready') return false;
  const confirmed = new Set(a.checklistConfirmations.map((c) => c.itemId));
  if (!a.verdict.checklist.every((c) => confirmed.has(c.id))) return false;
  return !a.verdict.identityVerification.required || a.identityChecks.length > 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The next whole hour as a `datetime-local` value. */
function nextHour(now: number): string {
  const d = new Date(now);
  d.setMinutes(60, 0, 0);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function MeetingPanel({ host, api, incidents, displayName, now = Date.now }: MeetingPanelProps) {
  const styles = useStyles();
  const t = useText();
  const context = host.context();
  // A new check names the meeting by its chat id when the host gives one: the same id a check made in
  // Outlook takes from a classic join link. Looking up, both ids are sent (older checks hold the meeting id).
  const reference = useMemo<MeetingReference | null>(() => {
    const id = context.chatId ?? context.meetingId;
    return id ? { teamsMeetingId: id } : null;
  }, [context.meetingId, context.chatId]);
  const lookup = useMemo<MeetingLookup>(() => ({
    ...(context.meetingId ? { teamsMeetingId: context.meetingId } : {}),
    ...(context.chatId ? { teamsChatId: context.chatId } : {}),
  }), [context.meetingId, context.chatId]);
  const [state, setState] = useState<{ oid: string; roles: string[]; policy: PublishedPolicy; check: MeetingCheck } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (!reference) return undefined;
    let cancelled = false;
    Promise.all([api.me(), api.getPublishedPolicy(), api.findMeetingCheck(lookup)]).then(([me, policy, check]) => {
      if (!cancelled) setState({ oid: me.oid, roles: me.roles, policy, check });
    }, (e: unknown) => { if (!cancelled) setError(t('errorLoad', { message: errorMessage(e) })); });
    return () => { cancelled = true; };
  }, [api, reference, lookup, t]);

  const onAssessment = useCallback(async (a: Assessment) => {
    setState((s) => (s ? { ...s, check: { exists: true, complete: isComplete(a), assessment: a } } : s));
  }, []);

  let body;
  if (!reference) body = <Body1>{t('noMeeting')}</Body1>;
  else if (error) body = <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  else if (!state) body = <Spinner label={t('loading')} />;
  else if (!state.check.exists) {
    body = state.roles.includes('Caseworker')
      ? creating
        ? <NewCheck api={api} policy={state.policy.policy} reference={reference} now={now} onAssessment={onAssessment} displayName={displayName} />
        : (
          <div className={styles.section}>
            <Body1>{t('noCheckOrganizer')}</Body1>
            <Button appearance="primary" onClick={() => setCreating(true)}>{t('createCheck')}</Button>
          </div>
        )
      : <Body1>{t('noCheck')}</Body1>;
  } else if (!state.check.assessment) {
    body = (
      <MessageBar intent={state.check.complete ? 'success' : 'info'}>
        <MessageBarBody>{state.check.complete ? t('checkComplete') : t('checkIncomplete')}</MessageBarBody>
      </MessageBar>
    );
  } else {
    const a = state.check.assessment;
    body = (
      <CheckView
        api={api} host={host} policy={state.policy.policy} assessment={a} organizer={a.organizer === state.oid}
        onAssessment={onAssessment} displayName={displayName}
      />
    );
  }

  return (
    <main className={styles.root} aria-labelledby="meeting-heading">
      <Subtitle1 as="h1" id="meeting-heading">{t('meetingHeading')}</Subtitle1>
      {body}
      {incidents && state && INCIDENT_REPORTERS.some((r) => state.roles.includes(r)) && (
        <MeetingIncident
          api={incidents} assessmentId={state.check.exists ? state.check.assessment?.id ?? null : null}
          isAuditor={state.roles.includes('Auditor')} displayName={displayName} now={now}
        />
      )}
    </main>
  );
}

function NewCheck({ api, policy, reference, now, onAssessment, displayName }: {
  api: MeetingApi; policy: Policy; reference: MeetingReference; now: () => number;
  onAssessment: (a: Assessment) => Promise<void>; displayName?: (oid: string) => string | undefined;
}) {
  const t = useText();
  const [start, setStart] = useState(() => nextHour(now()));
  const iso = Number.isNaN(Date.parse(start)) ? null : new Date(start).toISOString();
  const times = useMemo(() => ({ start: iso }), [iso]);
  return (
    <>
      <Field label={t('meetingStart')} hint={t('meetingStartHint')}>
        <Input type="datetime-local" value={start} onChange={(_, d) => setStart(d.value)} />
      </Field>
      <AssessmentEditor
        policy={policy} api={api} times={times} assessment={null}
        meetingReference={async () => reference} onAssessment={onAssessment} displayName={displayName}
      />
    </>
  );
}

function CheckView({ api, host, policy, assessment: a, organizer, onAssessment, displayName }: {
  api: MeetingApi; host: Pick<TeamsHost, 'openAssessment'>; policy: Policy; assessment: Assessment; organizer: boolean;
  onAssessment: (a: Assessment) => Promise<void>; displayName?: (oid: string) => string | undefined;
}) {
  const styles = useStyles();
  const t = useText();
  const i18n = useI18n();
  const complete = isComplete(a);
  const atStart = a.status === 'approved' || a.status === 'ready';
  const times = useMemo(() => ({ start: a.start, seriesEnd: a.seriesEnd ?? null }), [a.start, a.seriesEnd]);
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <div className={styles.head}>
        <Subtitle2 as="h2">{a.notClientMeeting ? t('notClientMeeting') : meetingTypeLabel(policy, a.meetingTypeId, i18n)}</Subtitle2>
        <Badge appearance="tint" color={STATUS_COLOR[a.status]}>{t(STATUS_TEXT[a.status])}</Badge>
      </div>
      <Caption1>{meetingTime(a, i18n, t)}</Caption1>
      {complete && <MessageBar intent="success"><MessageBarBody>{t('checkDone')}</MessageBarBody></MessageBar>}
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}

      {organizer && atStart && <MeetingStart api={api} policy={policy} assessment={a} onAssessment={onAssessment} onError={setError} />}
      {organizer && !atStart && (
        <AssessmentEditor
          key={`${a.id}-${a.revision}`} policy={policy} api={api} times={times} assessment={a}
          meetingReference={async () => a.meeting} onAssessment={onAssessment} displayName={displayName}
        />
      )}
      {(!organizer || atStart) && (
        <>
          <StatusView assessment={a} displayName={displayName} />
          <VerdictView policy={policy} verdict={a.verdict} mode={a.mode} />
        </>
      )}
      {!organizer && !atStart && <Caption1 className={styles.muted}>{t('notReadyForStart')}</Caption1>}
      <div>
        <Button
          appearance="secondary"
          onClick={() => host.openAssessment(organizer ? 'mine' : 'approvals', a.id).catch((e: unknown) => setError(errorMessage(e)))}
        >{organizer ? t('openInTab') : t('tabApprovals')}</Button>
      </div>
    </>
  );
}

function MeetingStart({ api, policy, assessment: a, onAssessment, onError }: {
  api: MeetingApi; policy: Policy; assessment: Assessment; onAssessment: (a: Assessment) => Promise<void>; onError: (message: string | null) => void;
}) {
  const styles = useStyles();
  const t = useText();
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const confirmed = new Set(a.checklistConfirmations.map((c) => c.itemId));
  const required = a.verdict.identityVerification;
  const methods = policy.identityMethods.filter((m) => !required.required || m.assurance >= required.assurance);
  const [counterparts, setCounterparts] = useState(() => Math.max(1, ...a.identityChecks.map((c) => c.counterpart)));
  const [chosen, setChosen] = useState<Record<number, string>>({});

  const act = async (work: () => Promise<Assessment>) => {
    setBusy(true);
    onError(null);
    try {
      await onAssessment(await work());
    } catch (e) {
      onError(t('errorAction', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className={styles.section} aria-labelledby="start-heading">
        <Subtitle2 as="h2" id="start-heading">{t('atMeetingStart')}</Subtitle2>
        <Caption1>{t('atMeetingStartHint')}</Caption1>
        {a.verdict.checklist.map((item) => (
          <Checkbox
            key={item.id}
            label={i18n.p(item.text)}
            checked={confirmed.has(item.id)}
            disabled={busy}
            onChange={(_, d) => void act(() => api.confirmChecklistItem(a.id, item.id, d.checked === true))}
          />
        ))}
      </section>
      {required.required && (
        <section className={styles.section} aria-labelledby="identity-heading">
          <Subtitle2 as="h2" id="identity-heading">{t('identityHeading')}</Subtitle2>
          <Caption1>{t('identityHint')}</Caption1>
          {Array.from({ length: counterparts }, (_, i) => i + 1).map((n) => {
            const done = a.identityChecks.find((c) => c.counterpart === n);
            const methodLabel = (id: string) => {
              const m = policy.identityMethods.find((x) => x.id === id);
              return m ? i18n.p(m.label) : id;
            };
            return (
              <div key={n} className={styles.counterpart}>
                <Field label={t('method', { n })}>
                  <Select value={chosen[n] ?? done?.methodId ?? ''} disabled={busy} onChange={(_, d) => setChosen((c) => ({ ...c, [n]: d.value }))}>
                    <option value="">{t('methodPlaceholder')}</option>
                    {methods.map((m) => <option key={m.id} value={m.id}>{i18n.p(m.label)} ({m.assurance})</option>)}
                  </Select>
                </Field>
                <Button
                  disabled={busy || !(chosen[n] ?? done?.methodId)}
                  onClick={() => void act(() => api.recordIdentityCheck(a.id, { methodId: (chosen[n] ?? done?.methodId)!, counterpart: n }))}
                >{t('recordIdentity', { n })}</Button>
                {done && (
                  <Caption1 role="status">{t('identityRecorded', { method: methodLabel(done.methodId), level: done.assurance, at: i18n.dateTime(done.checkedAt) })}</Caption1>
                )}
              </div>
            );
          })}
          <div>
            <Button appearance="subtle" onClick={() => setCounterparts((n) => Math.min(50, n + 1))}>{t('addCounterpart')}</Button>
          </div>
        </section>
      )}
    </>
  );
}
