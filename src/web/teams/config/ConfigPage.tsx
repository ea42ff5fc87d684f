// The meeting tab's configuration page (pages.config): there is nothing to choose — the tab always
// shows this meeting's check — so it says what the tab does, marks itself valid, and on Save stores
// the meeting page's address.
import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { TabConfig, TeamsHost } from '../host';
import { useText } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, maxWidth: '640px' },
});

/** What Teams stores for the tab: the meeting page, marked as running inside the host. */
export function meetingTabConfig(pageUrl: string): TabConfig {
  const contentUrl = new URL('meeting.html', pageUrl);
  contentUrl.searchParams.set('host', 'teams');
  return { contentUrl: contentUrl.toString(), websiteUrl: contentUrl.toString(), entityId: 'meeting', suggestedDisplayName: 'Mötescheck' };
}

export function ConfigPage({ host, pageUrl }: { host: Pick<TeamsHost, 'config'>; pageUrl: string }) {
  const styles = useStyles();
  const t = useText();
  useEffect(() => {
    host.config.onSave(() => meetingTabConfig(pageUrl));
    host.config.setValid(true);
  }, [host, pageUrl]);
  return (
    <main className={styles.root} aria-labelledby="config-heading">
      <Subtitle1 as="h1" id="config-heading">{t('configHeading')}</Subtitle1>
      <Body1>{t('configBody')}</Body1>
      <Body1>{t('configReady')}</Body1>
    </main>
  );
}
