// One meeting's check from first input to status, shared by the Outlook pane and the Teams meeting
// panel: the form, the live verdict (the browser's preview until the server has judged this exact
// input), the submit to the server (create, or a new revision when anything changed, then submit)
// and the status. The host supplies the meeting's times and reference and hears of every change.
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Assessment, MeetingReference } from '../../../api/contract';
import type { Policy } from '../../../policy/types';
import type { MotescheckApi } from '../api';
import {
  differsFromAssessment, EMPTY_FORM, formFromAssessment, previewVerdict, submitBlocker, toAssessmentInput,
  type AssessmentFormValue, type MeetingTimes, type SubmitBlocker,
} from '../assessment';
import { useI18n, type StringKey } from '../i18n';
import { AssessmentForm, type LinkRecognition } from './AssessmentForm';
import { StatusView } from './StatusView';
import { VerdictView } from './VerdictView';

export type EditorApi = Pick<MotescheckApi, 'createAssessment' | 'reviseAssessment' | 'submitAssessment' | 'getAssessment'>;

export interface AssessmentEditorProps {
  policy: Policy;
  api: EditorApi;
  times: MeetingTimes;
  /** Called at submit: the host may need to save the item first to learn its id. */
  meetingReference: () => Promise<MeetingReference>;
  link?: LinkRecognition;
  /** The meeting's assessment as last seen, or null before the first submit. */
  assessment: Assessment | null;
  /** Every assessment the server returns; the host records it (custom properties, state). */
  onAssessment: (assessment: Assessment) => Promise<void>;
  displayName?: (oid: string) => string | undefined;
}

const BLOCKER_TEXT: Record<SubmitBlocker, StringKey | null> = {
  'no-start': 'cannotSubmitNoStart',
  'no-type': null,
  'no-service': 'cannotSubmitNoService',
  'not-allowed': 'cannotSubmitNotAllowed',
};

/** Open statuses where the same input may be submitted again (a re-check makes a new revision). */
const RESUBMITTABLE = new Set(['draft', 'needs-recheck', 'withdrawn']);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

function initialForm(assessment: Assessment | null, link: LinkRecognition | undefined): AssessmentFormValue {
  if (assessment) return formFromAssessment(assessment);
  return { ...EMPTY_FORM, serviceId: link?.kind === 'recognised' ? link.serviceId : null };
}

export function AssessmentEditor(props: AssessmentEditorProps) {
  const { policy, api, times, link, assessment, onAssessment, displayName } = props;
  const styles = useStyles();
  const { t } = useI18n();
  const [form, setForm] = useState<AssessmentFormValue>(() => initialForm(assessment, link));
  const [busy, setBusy] = useState<'submit' | 'refresh' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const preview = useMemo(() => previewVerdict(policy, form, times), [policy, form, times]);
  const changed = useMemo(() => {
    if (!assessment || !times.start) return true;
    return differsFromAssessment(assessment, toAssessmentInput(form, times, assessment.meeting));
  }, [assessment, form, times]);
  // The server's verdict stands for exactly the input it judged; any change shows the preview again.
  const verdict = !changed && assessment ? assessment.verdict : preview;
  const blocker = submitBlocker(form, times, preview);
  const canSubmit = blocker === null && (changed || (assessment !== null && RESUBMITTABLE.has(assessment.status)));
  const submitLabel: StringKey = form.notClientMeeting
    ? 'submitNotClientMeeting'
    : preview?.coApproval.required ? 'submitForApproval' : 'submitReady';

  async function run(kind: 'submit' | 'refresh', work: () => Promise<Assessment>) {
    setBusy(kind);
    setError(null);
    try {
      const next = await work();
      await onAssessment(next);
    } catch (e) {
      setError(t('errorSubmit', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  }

  const submit = () => run('submit', async () => {
    const input = toAssessmentInput(form, times, await props.meetingReference());
    let current = assessment === null
      ? await api.createAssessment(input)
      : changed || assessment.status !== 'draft'
        ? await api.reviseAssessment(assessment.id, input, assessment.revision)
        : assessment;
    if (current.status === 'draft') current = await api.submitAssessment(current.id, current.revision);
    return current;
  });

  const refresh = () => run('refresh', () => api.getAssessment(assessment!.id));

  return (
    <div className={styles.root}>
      <AssessmentForm policy={policy} value={form} onChange={setForm} link={link} disabled={busy !== null} />

      {!form.notClientMeeting && (
        <section aria-labelledby="verdict-heading">
          <Subtitle1 as="h2" id="verdict-heading">{t('verdictHeading')}</Subtitle1>
          {verdict
            ? <VerdictView policy={policy} verdict={verdict} mode={form.mode} preview={verdict === preview} />
            : <Caption1>{t('chooseTypeFirst')}</Caption1>}
        </section>
      )}

      <div className={styles.actions}>
        {assessment && changed && !RESUBMITTABLE.has(assessment.status) && (
          <Caption1>{t('changedSinceSubmit')}</Caption1>
        )}
        {blocker && BLOCKER_TEXT[blocker] && <Caption1 id="submit-blocker">{t(BLOCKER_TEXT[blocker]!)}</Caption1>}
        {(canSubmit || blocker !== null) && (
          <Button
            appearance="primary"
            disabled={!canSubmit || busy !== null}
            aria-describedby={blocker && BLOCKER_TEXT[blocker] ? 'submit-blocker' : undefined}
            icon={busy === 'submit' ? <Spinner size="tiny" /> : undefined}
            onClick={submit}
          >
            {busy === 'submit' ? t('submitting') : t(submitLabel)}
          </Button>
        )}
      </div>

      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {assessment && (
        <section aria-labelledby="status-heading">
          <Subtitle1 as="h2" id="status-heading">{t('statusHeading')}</Subtitle1>
          <StatusView assessment={assessment} displayName={displayName} />
          {assessment.status === 'awaiting-approval' && (
            <Button appearance="secondary" disabled={busy !== null} onClick={refresh}>{t('refreshStatus')}</Button>
          )}
        </section>
      )}
    </div>
  );
}
