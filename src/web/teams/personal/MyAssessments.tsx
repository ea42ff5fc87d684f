// *Mina bedömningar*: the caseworker's own checks with status, meeting time and type; open one (also
// through a deep link's subPageId), revise it with the shared editor, or withdraw it.
import {
  Badge, Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger,
  makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle1, Subtitle2, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Assessment } from '../../../api/contract';
import type { Policy } from '../../../policy/types';
import type { MotescheckApi } from '../../shared/api';
import { AssessmentEditor } from '../../shared/components/AssessmentEditor';
import { StatusView } from '../../shared/components/StatusView';
import { VerdictView } from '../../shared/components/VerdictView';
import { useI18n } from '../../shared/i18n';
import { errorMessage, meetingTime, meetingTypeLabel, serviceLabel, STATUS_COLOR, STATUS_TEXT } from '../format';
import { useText } from '../strings';

export type MyAssessmentsApi = Pick<MotescheckApi,
  'listAssessments' | 'getAssessment' | 'withdrawAssessment' | 'createAssessment' | 'reviseAssessment' | 'submitAssessment'>;

export interface MyAssessmentsProps {
  api: MyAssessmentsApi;
  policy: Policy;
  /** The assessment a deep link asked for, opened at once. */
  initialId?: string | null;
  displayName?: (oid: string) => string | undefined;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  detail: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '720px' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function MyAssessments({ api, policy, initialId, displayName }: MyAssessmentsProps) {
  const styles = useStyles();
  const t = useText();
  const i18n = useI18n();
  const [list, setList] = useState<Assessment[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(initialId ?? null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api.listAssessments('mine')
      .then((items) => { if (!cancelled) setList(items); })
      .catch((e: unknown) => { if (!cancelled) setError(t('errorLoad', { message: errorMessage(e) })); });
    return () => { cancelled = true; };
  }, [api, t, attempt]);

  const replace = useCallback((a: Assessment) => {
    setList((items) => (items ? [a, ...items.filter((x) => x.id !== a.id)] : [a]));
  }, []);

  if (openId) {
    return (
      <AssessmentDetail
        api={api} policy={policy} id={openId} known={list?.find((a) => a.id === openId) ?? null}
        onBack={() => setOpenId(null)} onChanged={replace} displayName={displayName}
      />
    );
  }

  return (
    <section className={styles.root} aria-labelledby="mine-heading">
      <Subtitle1 as="h1" id="mine-heading">{t('mineHeading')}</Subtitle1>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error} <Button size="small" onClick={() => setAttempt((n) => n + 1)}>{t('retry')}</Button></MessageBarBody>
        </MessageBar>
      )}
      {!list && !error && <Spinner label={t('loading')} />}
      {list && list.length === 0 && <Body1>{t('mineEmpty')}</Body1>}
      {list && list.length > 0 && (
        <Table aria-labelledby="mine-heading" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('colMeeting')}</TableHeaderCell>
              <TableHeaderCell>{t('colType')}</TableHeaderCell>
              <TableHeaderCell>{t('colService')}</TableHeaderCell>
              <TableHeaderCell>{t('colStatus')}</TableHeaderCell>
              <TableHeaderCell>{t('colActions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((a) => {
              const type = a.notClientMeeting ? t('notClientMeeting') : meetingTypeLabel(policy, a.meetingTypeId, i18n);
              const time = meetingTime(a, i18n, t);
              return (
                <TableRow key={a.id}>
                  <TableCell>{time}</TableCell>
                  <TableCell>{type}</TableCell>
                  <TableCell>{serviceLabel(policy, a, t)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS_COLOR[a.status]}>{t(STATUS_TEXT[a.status])}</Badge>
                  </TableCell>
                  <TableCell>
                    <Button size="small" aria-label={t('openNamed', { type, time })} onClick={() => setOpenId(a.id)}>{t('open')}</Button>
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

interface DetailProps {
  api: MyAssessmentsApi;
  policy: Policy;
  id: string;
  known: Assessment | null;
  onBack: () => void;
  onChanged: (a: Assessment) => void;
  displayName?: (oid: string) => string | undefined;
}

function AssessmentDetail({ api, policy, id, known, onBack, onChanged, displayName }: DetailProps) {
  const styles = useStyles();
  const t = useText();
  const i18n = useI18n();
  const [assessment, setAssessment] = useState<Assessment | null>(known);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.getAssessment(id)
      .then((a) => { if (!cancelled) setAssessment(a); })
      .catch((e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
  }, [api, id]);

  const times = useMemo(() => (assessment ? { start: assessment.start, seriesEnd: assessment.seriesEnd ?? null } : { start: null }), [assessment]);

  const onAssessment = useCallback(async (a: Assessment) => {
    setAssessment(a);
    onChanged(a);
  }, [onChanged]);

  const withdraw = async () => {
    if (!assessment) return;
    setWithdrawing(true);
    setError(null);
    try {
      const a = await api.withdrawAssessment(assessment.id);
      await onAssessment(a);
      setNotice(t('withdrawn'));
    } catch (e) {
      setError(t('errorAction', { message: errorMessage(e) }));
    } finally {
      setWithdrawing(false);
    }
  };

  const title = assessment
    ? `${assessment.notClientMeeting ? t('notClientMeeting') : meetingTypeLabel(policy, assessment.meetingTypeId, i18n)} · ${meetingTime(assessment, i18n, t)}`
    : t('loading');

  return (
    <section className={styles.detail} aria-labelledby="detail-heading">
      <div>
        <Button appearance="subtle" onClick={onBack}>← {t('backToList')}</Button>
      </div>
      <Subtitle1 as="h1" id="detail-heading">{title}</Subtitle1>
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{assessment ? error : t('notFoundAssessment')}</MessageBarBody></MessageBar>}
      {notice && <MessageBar intent="success"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {!assessment && !error && <Spinner label={t('loading')} />}
      {assessment && assessment.status === 'withdrawn' && (
        <>
          <StatusView assessment={assessment} displayName={displayName} />
          <VerdictView policy={policy} verdict={assessment.verdict} mode={assessment.mode} />
        </>
      )}
      {assessment && assessment.status !== 'withdrawn' && (
        <>
          <Subtitle2 as="h2">{t('reviseHeading')}</Subtitle2>
          <Body1>{t('reviseHint')}</Body1>
          <AssessmentEditor
            key={`${assessment.id}-${assessment.revision}`}
            policy={policy}
            api={api}
            times={times}
            meetingReference={async () => assessment.meeting}
            assessment={assessment}
            onAssessment={onAssessment}
            displayName={displayName}
          />
          <div className={styles.actions}>
            <Dialog>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={withdrawing}>{t('withdraw')}</Button>
              </DialogTrigger>
              <DialogSurface>
                <DialogBody>
                  <DialogTitle>{t('withdrawTitle')}</DialogTitle>
                  <DialogContent>{t('withdrawBody')}</DialogContent>
                  <DialogActions>
                    <DialogTrigger disableButtonEnhancement>
                      <Button appearance="secondary">{t('cancel')}</Button>
                    </DialogTrigger>
                    <DialogTrigger disableButtonEnhancement>
                      <Button appearance="primary" onClick={() => void withdraw()}>{t('withdraw')}</Button>
                    </DialogTrigger>
                  </DialogActions>
                </DialogBody>
              </DialogSurface>
            </Dialog>
          </div>
        </>
      )}
    </section>
  );
}
