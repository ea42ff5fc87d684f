// The Outlook task pane: reads the appointment through the host adapter, loads the published policy
// (and refreshes the on-send handler's roaming settings from it), recognises the service from the
// meeting link, and runs the shared assessment editor. Every assessment the server returns is written
// to the item's custom properties for the on-send handler — ids and categories only.
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Assessment, MeetingReference, PublishedPolicy } from '../../../api/contract';
import type { MotescheckApi } from '../../shared/api';
import { AssessmentEditor, type EditorApi } from '../../shared/components/AssessmentEditor';
import type { LinkRecognition } from '../../shared/components/AssessmentForm';
import { useI18n } from '../../shared/i18n';
import { joinUrlHash, meetingChatIdFromJoinUrl } from '../../../policy/joinUrl';
import type { AppointmentTimes, MailItemHost } from './host';
import { assessmentIdFromProperties, customPropertiesFor, onSendSettingsFor, recogniseService } from './onsendBridge';

export type PaneApi = EditorApi & Pick<MotescheckApi, 'getPublishedPolicy' | 'findAssessmentByMeeting'>;

export interface TaskPaneProps {
  host: MailItemHost;
  api: PaneApi;
  displayName?: (oid: string) => string | undefined;
}

interface ItemState {
  times: AppointmentTimes;
  link: LinkRecognition;
  joinUrl: string | null;
  attendeeDomains: string[];
}

type Loaded = { policy: PublishedPolicy; item: ItemState; assessment: Assessment | null };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
});

async function readItem(host: MailItemHost, policy: PublishedPolicy['policy']): Promise<ItemState> {
  const [times, sources, attendeeDomains] = await Promise.all([host.readTimes(), host.readLinkSources(), host.readAttendeeDomains()]);
  const { link, joinUrl } = recogniseService(policy, sources);
  return { times, link, joinUrl, attendeeDomains };
}

export function TaskPane({ host, api, displayName }: TaskPaneProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [state, setState] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [itemError, setItemError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    (async () => {
      const [policy, properties] = await Promise.all([api.getPublishedPolicy(), host.loadCustomProperties()]);
      const item = await readItem(host, policy.policy);
      // The on-send handler decides from these before any check exists; keep them fresh.
      await host.saveRoamingSettings(onSendSettingsFor(policy.policy, policy.hash));
      const id = assessmentIdFromProperties(properties);
      const hash = item.joinUrl ? joinUrlHash(item.joinUrl) : null;
      const assessment = id
        ? await api.getAssessment(id)
        : hash ? await api.findAssessmentByMeeting({ joinUrlHash: hash }) : null;
      if (!cancelled) setState({ policy, item, assessment });
    })().catch((e: unknown) => {
      if (!cancelled) setError(t('errorPolicy', { message: e instanceof Error ? e.message : String(e) }));
    });
    return () => { cancelled = true; };
  }, [api, host, t, attempt]);

  // The appointment may change while the pane is open: re-read its time, link and attendees.
  const policy = state?.policy.policy;
  useEffect(() => {
    if (!policy) return undefined;
    return host.onItemChanged(() => {
      readItem(host, policy)
        .then((item) => setState((s) => (s ? { ...s, item } : s)))
        .catch((e: unknown) => setItemError(t('errorItem', { message: e instanceof Error ? e.message : String(e) })));
    });
  }, [host, policy, t]);

  const onAssessment = useCallback(async (assessment: Assessment) => {
    setState((s) => (s ? { ...s, assessment } : s));
    if (!state) return;
    try {
      setItemError(null);
      await host.saveCustomProperties(customPropertiesFor(state.policy.policy, assessment));
    } catch (e) {
      setItemError(t('errorSaveItem', { message: e instanceof Error ? e.message : String(e) }));
    }
  }, [host, state, t]);

  const meetingReference = useCallback(async (): Promise<MeetingReference> => {
    const reference: MeetingReference = { eventId: await host.itemId() };
    const hash = state?.item.joinUrl ? joinUrlHash(state.item.joinUrl) : null;
    if (hash) reference.joinUrlHash = hash;
    // A classic Teams link names the meeting chat: the id the meeting tab knows the meeting by.
    const chatId = state?.item.joinUrl ? meetingChatIdFromJoinUrl(state.item.joinUrl) : null;
    if (chatId) reference.teamsMeetingId = chatId;
    return reference;
  }, [host, state]);

  if (error) {
    return (
      <main className={styles.root}>
        <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>
        <Button onClick={() => setAttempt((n) => n + 1)}>{t('retry')}</Button>
      </main>
    );
  }
  if (!state) {
    return <main className={styles.root}><Spinner label={t('loading')} /></main>;
  }

  return (
    <main className={styles.root} aria-labelledby="pane-heading">
      <Subtitle1 as="h1" id="pane-heading">{t('formHeading')}</Subtitle1>
      <Body1>{state.policy.policy.organization}</Body1>
      <AssessmentEditor
        key={state.assessment?.id ?? 'new'}
        policy={state.policy.policy}
        api={api}
        times={state.item.times}
        link={state.item.link}
        assessment={state.assessment}
        meetingReference={meetingReference}
        onAssessment={onAssessment}
        displayName={displayName}
      />
      {itemError && <MessageBar intent="warning" role="alert"><MessageBarBody>{itemError}</MessageBarBody></MessageBar>}
    </main>
  );
}
