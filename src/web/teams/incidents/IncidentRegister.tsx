// The incident register in a tab: the list (the reporter's own, or every incident for the
// data-protection officer) with status and the notification deadline, a form to report a new one, and
// one incident's detail with its status moves.
import {
  Badge, Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import type { AccountabilityApi } from '../reports/api';
import { CATEGORY_TEXT, STATUS_BADGE, STATUS_TEXT, useIncidentText } from '../reports/strings';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus } from '../reports/types';
import { IncidentDetail } from './IncidentDetail';
import { IncidentForm } from './IncidentForm';
import { hoursMinutes } from './time';

export type IncidentApi = Pick<AccountabilityApi, 'listIncidents' | 'getIncident' | 'createIncident' | 'updateIncident' | 'setIncidentStatus'>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
});

export interface IncidentRegisterProps {
  api: IncidentApi;
  scope: 'mine' | 'all';
  isAuditor: boolean;
  displayName?: (oid: string) => string | undefined;
  now?: () => number;
}

/** The deadline column: time left, overdue, notified, or not owed. */
function DeadlineCell({ incident: i, now }: { incident: Incident; now: number }) {
  const t = useIncidentText();
  const i18n = useI18n();
  if (!i.mustNotifyImy) return <>{t('notificationNotOwed')}</>;
  if (i.imyNotifiedAt) return <>{t('notifiedAtShown', { at: i18n.dateTime(i.imyNotifiedAt) })}</>;
  if (i.notification.remainingMs === null) return <>{t('deadlineAt', { at: i18n.dateTime(i.notification.deadline) })}</>;
  const left = Date.parse(i.notification.deadline) - now;
  if (left < 0) return <Badge appearance="filled" color="danger">{t('overdueBadge')}</Badge>;
  return <>{t('remaining', hoursMinutes(left))}</>;
}

export function IncidentRegister({ api, scope, isAuditor, displayName, now = Date.now }: IncidentRegisterProps) {
  const styles = useStyles();
  const t = useIncidentText();
  const i18n = useI18n();
  const headingId = useId();
  const [filter, setFilter] = useState<IncidentStatus | ''>('');
  const [list, setList] = useState<Incident[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<{ kind: 'list' } | { kind: 'new' } | { kind: 'one'; incident: Incident }>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setList(await api.listIncidents(scope, filter || undefined));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, scope, filter]);

  useEffect(() => { void load(); }, [load]);

  const replace = (incident: Incident) => {
    setList((l) => (l ? [incident, ...l.filter((x) => x.id !== incident.id)] : [incident]));
    setView({ kind: 'one', incident });
  };

  if (view.kind === 'new') {
    return (
      <div className={styles.root}>
        <IncidentForm
          api={api} now={now}
          onSaved={(incident) => { setNotice(t('created')); replace(incident); }}
          onCancel={() => setView({ kind: 'list' })}
        />
      </div>
    );
  }
  if (view.kind === 'one') {
    return (
      <div className={styles.root}>
        <div><Button onClick={() => { setNotice(null); setView({ kind: 'list' }); }}>{t('backToList')}</Button></div>
        {notice && <MessageBar intent="success" role="status"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
        <IncidentDetail
          api={api} incident={view.incident} isAuditor={isAuditor} displayName={displayName} now={now}
          onChange={(incident) => { setNotice(null); replace(incident); }}
        />
      </div>
    );
  }

  const current = now();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>{scope === 'all' ? t('listAll') : t('listMine')}</Subtitle2>
      <Caption1>{t('intro')}</Caption1>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => setView({ kind: 'new' })}>{t('report')}</Button>
        <Field label={t('filterStatus')} size="small">
          <Select size="small" value={filter} onChange={(_, d) => setFilter(d.value as IncidentStatus | '')}>
            <option value="">{t('filterAll')}</option>
            {INCIDENT_STATUSES.map((s) => <option key={s} value={s}>{STATUS_TEXT[s][i18n.lang]}</option>)}
          </Select>
        </Field>
      </div>
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {!list && !error && <Spinner label={t('listHeading')} size="small" />}
      {list && list.length === 0 && <Body1>{t('listEmpty')}</Body1>}
      {list && list.length > 0 && (
        <Table aria-labelledby={headingId} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('colDiscovered')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('colCategory')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('colStatus')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('colDeadline')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('colActions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((i) => {
              const category = CATEGORY_TEXT[i.category][i18n.lang];
              const at = i18n.dateTime(i.discoveredAt);
              return (
                <TableRow key={i.id}>
                  <TableCell>{at}</TableCell>
                  <TableCell>{category}</TableCell>
                  <TableCell><Badge appearance="tint" color={STATUS_BADGE[i.status]}>{STATUS_TEXT[i.status][i18n.lang]}</Badge></TableCell>
                  <TableCell><DeadlineCell incident={i} now={current} /></TableCell>
                  <TableCell>
                    <Button size="small" aria-label={t('openNamed', { category, at })} onClick={() => { setNotice(null); setView({ kind: 'one', incident: i }); }}>{t('open')}</Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
