// The audit log, browsable by assessment (or any entity id), actor and time, with the hash chain
// verified on screen: "ok" with the number of events checked, or the first broken link.
import {
  Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n';
import { fromLocalInput } from '../incidents/time';
import type { AccountabilityApi } from './api';
import { DataTable, useMonoStyle } from './DataTable';
import { useReportsText } from './strings';
import type { AuditEvent, AuditFilter, ChainVerification } from './types';

const LIMIT = 200;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'start', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignSelf: 'end' },
  wide: { minWidth: '300px' },
});

export interface AuditLogProps {
  api: Pick<AccountabilityApi, 'auditEvents' | 'verifyAudit'>;
  /** Start filtered on one assessment (from Dokumentation per möte). */
  entity?: string;
  displayName?: (oid: string) => string | undefined;
}

export function ChainStatus({ result, onVerify, busy }: { result: ChainVerification | null; onVerify: () => void; busy: boolean }) {
  const t = useReportsText();
  const i18n = useI18n();
  let bar;
  if (!result) bar = <Spinner size="small" label={t('loading')} />;
  else if (result.ok) {
    bar = (
      <MessageBar intent="success" role="status" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('chainOk', { n: result.events })}</MessageBarTitle>
          {result.checkpoint && t('chainCheckpoint', { seq: result.checkpoint.seq, at: i18n.dateTime(result.checkpoint.at) })}
        </MessageBarBody>
      </MessageBar>
    );
  } else {
    bar = (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>{t('chainBroken', { seq: result.firstBroken.seq, problem: result.firstBroken.problem, message: result.firstBroken.message })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      {bar}
      <div><Button size="small" disabled={busy} onClick={onVerify}>{t('chainVerify')}</Button></div>
    </>
  );
}

export function AuditLog({ api, entity: initialEntity = '', displayName }: AuditLogProps) {
  const styles = useStyles();
  const t = useReportsText();
  const i18n = useI18n();
  const mono = useMonoStyle();
  const headingId = useId();
  const [entity, setEntity] = useState(initialEntity);
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<AuditFilter>({ ...(initialEntity ? { entity: initialEntity } : {}), limit: LIMIT });
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chain, setChain] = useState<ChainVerification | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = useCallback(async () => {
    setVerifying(true);
    setChain(null);
    try {
      setChain(await api.verifyAudit());
    } catch (e) {
      setError(t('errorLoad', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setVerifying(false);
    }
  }, [api, t]);

  useEffect(() => { void verify(); }, [verify]);

  useEffect(() => {
    let cancelled = false;
    setEvents(null);
    api.auditEvents(filter).then((e) => { if (!cancelled) { setEvents(e); setError(null); } },
      (e: unknown) => { if (!cancelled) setError(t('errorLoad', { message: e instanceof Error ? e.message : String(e) })); });
    return () => { cancelled = true; };
  }, [api, filter, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fromIso = fromLocalInput(from);
    const toIso = fromLocalInput(to);
    setFilter({
      ...(entity.trim() ? { entity: entity.trim() } : {}), ...(actor.trim() ? { actor: actor.trim() } : {}),
      ...(fromIso ? { from: fromIso } : {}), ...(toIso ? { to: toIso } : {}), limit: LIMIT,
    });
  };
  const clear = () => {
    setEntity('');
    setActor('');
    setFrom('');
    setTo('');
    setFilter({ limit: LIMIT });
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>{t('auditHeading')}</Subtitle2>
      <Caption1>{t('auditIntro')}</Caption1>
      <ChainStatus result={chain} busy={verifying} onVerify={() => void verify()} />
      <form className={styles.filters} onSubmit={submit} aria-label={t('filterApply')}>
        <Field label={t('filterEntity')} className={styles.wide}>
          <Input value={entity} onChange={(_, d) => setEntity(d.value)} />
        </Field>
        <Field label={t('filterActor')} hint={t('filterActorHint')} className={styles.wide}>
          <Input value={actor} onChange={(_, d) => setActor(d.value)} />
        </Field>
        <Field label={t('filterFrom')}>
          <Input type="datetime-local" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label={t('filterTo')}>
          <Input type="datetime-local" value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary">{t('filterApply')}</Button>
          <Button onClick={clear}>{t('filterClear')}</Button>
        </div>
      </form>
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {!events && !error && <Spinner size="small" label={t('loading')} />}
      {events && (
        <>
          <Caption1 role="status">{events.length === 0 ? t('auditEmpty') : t('auditCount', { n: events.length, limit: LIMIT })}</Caption1>
          {events.length > 0 && (
            <DataTable<AuditEvent>
              name={t('auditTable')} rows={events} rowKey={(e) => String(e.seq)}
              columns={[
                { header: t('colSeq'), cell: (e) => e.seq, numeric: true },
                { header: t('colAt'), cell: (e) => i18n.dateTime(e.at) },
                { header: t('colActor'), cell: (e) => displayName?.(e.actor) ?? e.actor },
                { header: t('colAction'), cell: (e) => e.action },
                { header: t('colEntity'), cell: (e) => `${e.entityType} ${e.entityId}` },
                { header: t('colHash'), cell: (e) => <span className={mono}>{e.hash.replace(/^sha256:/, '').slice(0, 12)}</span> },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
