// The 72-hour notification deadline (GDPR art. 33.1): when it falls, how long is left — counted down
// while the page is open — and a flag once it has passed without a notification.
import { Badge, Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { useIncidentText } from '../reports/strings';
import type { Incident } from '../reports/types';
import { hoursMinutes } from './time';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

/** `now()` read again every `everyMs` while mounted. */
export function useTicking(now: () => number, everyMs = 30_000): number {
  const [t, setT] = useState(now);
  useEffect(() => {
    setT(now());
    const timer = setInterval(() => setT(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return t;
}

/** A countdown to `deadline` (ISO) while a notification is owed. */
export function Countdown({ deadline, now }: { deadline: string; now: () => number }) {
  const styles = useStyles();
  const t = useIncidentText();
  const i18n = useI18n();
  const current = useTicking(now);
  const left = Date.parse(deadline) - current;
  const { h, m } = hoursMinutes(left);
  if (left < 0) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('overdue')}</MessageBarTitle>
          <Body1 as="p">{t('deadlineAt', { at: i18n.dateTime(deadline) })}. {t('overdueBy', { h, m })}</Body1>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.line}>
      <Body1>{t('deadlineAt', { at: i18n.dateTime(deadline) })}</Body1>
      <Badge appearance="tint" color={h < 24 ? 'warning' : 'informative'}>{t('remaining', { h, m })}</Badge>
    </div>
  );
}

/** An incident's notification state: the countdown while owed, else when it was notified or that none is owed. */
export function IncidentDeadline({ incident, now }: { incident: Incident; now: () => number }) {
  const styles = useStyles();
  const t = useIncidentText();
  const i18n = useI18n();
  let body;
  if (!incident.mustNotifyImy) body = <Caption1>{t('notificationNotOwed')}</Caption1>;
  else if (incident.imyNotifiedAt) {
    const late = Date.parse(incident.imyNotifiedAt) > Date.parse(incident.notification.deadline);
    body = (
      <div className={styles.line}>
        <Body1>{t('notifiedAtShown', { at: i18n.dateTime(incident.imyNotifiedAt) })}</Body1>
        {late && <Badge appearance="tint" color="danger">{t('overdueBadge')}</Badge>}
      </div>
    );
  } else if (incident.notification.remainingMs === null) body = <Caption1>{t('deadlineAt', { at: i18n.dateTime(incident.notification.deadline) })}</Caption1>;
  else body = <Countdown deadline={incident.notification.deadline} now={now} />;
  return <div className={styles.root}>{body}</div>;
}
