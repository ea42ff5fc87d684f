// Dokumentation per möte: every check (the auditor reads all; each read is logged by the server) with
// its printable record — opened in a new window or downloaded as HTML — and its audit-log entries.
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { Assessment } from '../../../api/contract';
import type { Policy } from '../../../policy/types';
import type { MotescheckApi } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { AccountabilityApi, DownloadedFile } from './api';
import { DataTable } from './DataTable';
import { STATUS_TEXT } from '../format';
import { useText } from '../strings';
import { useReportsText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

export interface RecordsProps {
  api: Pick<AccountabilityApi, 'record'> & Pick<MotescheckApi, 'listAssessments'>;
  policy: Policy | null;
  save: (file: DownloadedFile) => void;
  open: (file: DownloadedFile) => boolean;
  onShowLog: (assessmentId: string) => void;
  displayName?: (oid: string) => string | undefined;
}

export function Records({ api, policy, save, open, onShowLog, displayName }: RecordsProps) {
  const styles = useStyles();
  const t = useReportsText();
  const teamsText = useText();
  const i18n = useI18n();
  const headingId = useId();
  const [list, setList] = useState<Assessment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.listAssessments('all').then((l) => { if (!cancelled) setList(l); },
      (e: unknown) => { if (!cancelled) setError(t('errorLoad', { message: e instanceof Error ? e.message : String(e) })); });
    return () => { cancelled = true; };
  }, [api, t]);

  const act = async (a: Assessment, how: 'open' | 'save') => {
    setBusy(a.id);
    setError(null);
    try {
      const file = await api.record(a.id, i18n.lang);
      if (how === 'save') save(file);
      else if (!open(file)) setError(t('recordPopupBlocked'));
    } catch (e) {
      setError(t('errorAction', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };

  const typeLabel = (a: Assessment) => {
    const type = policy?.meetingTypes.find((m) => m.id === a.meetingTypeId);
    return type ? i18n.p(type.label) : a.meetingTypeId;
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>{t('recordsHeading')}</Subtitle2>
      <Caption1>{t('recordsIntro')}</Caption1>
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {!list && !error && <Spinner size="small" label={t('loading')} />}
      {list && list.length === 0 && <Body1>{t('recordsEmpty')}</Body1>}
      {list && list.length > 0 && (
        <DataTable<Assessment>
          name={t('recordsTable')} rows={list} rowKey={(a) => a.id}
          columns={[
            { header: t('colStart'), cell: (a) => i18n.dateTime(a.start) },
            { header: t('colType'), cell: typeLabel },
            { header: t('colMode'), cell: (a) => (a.mode === 'digital' ? t('modeDigital') : t('modePhysical')) },
            { header: t('colStatus'), cell: (a) => teamsText(STATUS_TEXT[a.status]) },
            { header: t('colUser'), cell: (a) => displayName?.(a.organizer) ?? a.organizer },
            {
              header: t('colAssessment'),
              cell: (a) => {
                const named = { type: typeLabel(a), time: i18n.dateTime(a.start) };
                return (
                  <div className={styles.actions}>
                    <Button size="small" disabled={busy === a.id} aria-label={t('recordOpenNamed', named)} onClick={() => void act(a, 'open')}>{t('recordOpen')}</Button>
                    <Button size="small" disabled={busy === a.id} aria-label={t('recordDownloadNamed', named)} onClick={() => void act(a, 'save')}>{t('recordDownload')}</Button>
                    <Button size="small" aria-label={t('recordInLogNamed', named)} onClick={() => onShowLog(a.id)}>{t('recordInLog')}</Button>
                  </div>
                );
              },
            },
          ]}
        />
      )}
    </section>
  );
}
