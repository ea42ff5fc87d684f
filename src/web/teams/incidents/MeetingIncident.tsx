// "Rapportera incident" in the meeting's side panel: the form linked to the meeting's check (when
// there is one), then the registered incident with its deadline and status moves.
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useIncidentText } from '../reports/strings';
import type { Incident } from '../reports/types';
import { IncidentDetail } from './IncidentDetail';
import { IncidentForm } from './IncidentForm';
import type { IncidentApi } from './IncidentRegister';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface MeetingIncidentProps {
  api: IncidentApi;
  /** The meeting's check, when the reporter may read it; null when there is none or it is not theirs. */
  assessmentId: string | null;
  isAuditor: boolean;
  displayName?: (oid: string) => string | undefined;
  now?: () => number;
}

export function MeetingIncident({ api, assessmentId, isAuditor, displayName, now = Date.now }: MeetingIncidentProps) {
  const styles = useStyles();
  const t = useIncidentText();
  const [state, setState] = useState<{ kind: 'closed' } | { kind: 'form' } | { kind: 'done'; incident: Incident; fresh: boolean }>({ kind: 'closed' });

  if (state.kind === 'closed') {
    return <div><Button onClick={() => setState({ kind: 'form' })}>{t('report')}</Button></div>;
  }
  if (state.kind === 'form') {
    return (
      <div className={styles.root}>
        <IncidentForm
          api={api} now={now} {...(assessmentId ? { assessmentId } : {})}
          onSaved={(incident) => setState({ kind: 'done', incident, fresh: true })}
          onCancel={() => setState({ kind: 'closed' })}
        />
      </div>
    );
  }
  return (
    <div className={styles.root}>
      {state.fresh && <MessageBar intent="success" role="status"><MessageBarBody>{t('created')}</MessageBarBody></MessageBar>}
      <IncidentDetail
        api={api} incident={state.incident} isAuditor={isAuditor} displayName={displayName} now={now}
        onChange={(incident) => setState({ kind: 'done', incident, fresh: false })}
      />
      <div><Button onClick={() => setState({ kind: 'form' })}>{t('report')}</Button></div>
    </div>
  );
}
