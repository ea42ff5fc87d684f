// *Inställningar*: the policy admin's editor. The draft is edited here and validated as it is typed,
// every error beside its field and in a list that leads to it; it is saved with the ETag it was
// loaded with, so a save that lost the race shows the other admin's draft beside this edit and lets
// the admin choose. Import and export JSON, try a meeting, publish with a change note, versions, and
// on top the review reminders of the published policy, each leading to its date in the draft.
import {
  Badge, Body1, Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field,
  makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle1, Tab, TabList, Textarea, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { PolicyDraft } from '../../../api/contract';
import { findPersonalIdentityNumber } from '../../../policy/personalIdentityNumber';
import type { Policy } from '../../../policy/types';
import { validatePolicy } from '../../../policy/validate';
import { canonicalJson } from '../../../policy/version';
import { useI18n } from '../../shared/i18n';
import { DraftConflict, type PolicyAdminApi } from '../../shared/policyApi';
import { errorMessage } from '../format';
import { diffPolicies } from '../../../policy/diff';
import { EditorProvider, type EditorState } from './fields';
import { indexIssues, pathAncestors, sectionOf, SECTIONS, setIn, type Key, type Section } from './model';
import { ChangeList, ConflictView, EditorBoundary, IssueList, PreviewPanel, ReviewReminders, sectionName, VersionHistory, type RemindersApi } from './panels';
import {
  ChecklistSection, DeviationsSection, GeneralSection, IdentityMethodsSection, MeetingTypesSection, NeedsSection, ServicesSection,
} from './sections';
import { useSettingsText } from './strings';

/**
 * The policy calls, and the review reminders where the page has them (createTeamsApi does); without
 * them the tab shows no reminders.
 */
export type SettingsApi = Pick<PolicyAdminApi, 'getDraft' | 'saveDraft' | 'preview' | 'publish' | 'versions' | 'version' | 'diff'> & RemindersApi;


export interface SettingsTabProps {
  api: SettingsApi;
  /** Today in Europe/Stockholm (YYYY-MM-DD): the validator's and the preview's date. */
  today: string;
  displayName?: (oid: string) => string | undefined;
  /** Saves a file in the browser; replaced in tests. */
  download?: (name: string, text: string) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 1.3fr)', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalL, '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  main: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  aside: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  hidden: { display: 'none' },
  tabs: { flexWrap: 'wrap' },
});

function browserDownload(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

/** Same content whatever the order of keys (a toggled optional field comes back at the end). */
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function SettingsTab({ api, today, displayName, download = browserDownload }: SettingsTabProps) {
  const styles = useStyles();
  const s = useSettingsText();
  const i18n = useI18n();
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [doc, setDoc] = useState<Policy | null>(null);
  const [section, setSection] = useState<Section>('general');
  const [busy, setBusy] = useState<'save' | 'publish' | 'resolve' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<PolicyDraft | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  /** Counts publishes: the version history and the reminders load again after each. */
  const [publishes, setPublishes] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api.getDraft().then((d) => {
      if (cancelled) return;
      setDraft(d);
      setDoc(d.policy);
    }, (e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
  }, [api, s, attempt]);

  const validation = useMemo(() => (doc ? validatePolicy(doc, { today }) : null), [doc, today]);
  const errors = useMemo(() => indexIssues(validation?.errors ?? []), [validation]);
  const warnings = useMemo(() => indexIssues(validation?.warnings ?? []), [validation]);
  const dirty = doc !== null && draft !== null && !same(doc, draft.policy);

  const update = useCallback((keys: readonly Key[], value: unknown) => {
    setDoc((current) => (current ? setIn(current, keys, value) : current));
    setNotice(null);
  }, []);

  const editor: EditorState | null = useMemo(
    () => (doc ? { doc, update, errors, warnings, lang: i18n.lang } : null),
    [doc, update, errors, warnings, i18n.lang],
  );

  /** Saves the edit; on a lost race shows the conflict and resolves to null. */
  const save = async (etag: string): Promise<PolicyDraft | null> => {
    if (!doc) return null;
    try {
      const saved = await api.saveDraft(doc, etag);
      setDraft(saved);
      setConflict(null);
      return saved;
    } catch (e) {
      if (e instanceof DraftConflict) {
        setConflict(e.current);
        return null;
      }
      throw e;
    }
  };

  const run = async (kind: 'save' | 'publish' | 'resolve', work: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const onSave = () => run('save', async () => {
    if (draft && (await save(draft.etag))) setNotice(s('saved'));
  });

  const publish = (changeNote: string) => run('publish', async () => {
    if (!draft) return;
    const current = dirty ? await save(draft.etag) : draft;
    if (!current) {
      setPublishOpen(false);
      return;
    }
    try {
      const result = await api.publish(changeNote, current.etag);
      setPublishOpen(false);
      setNotice(s('published', { version: result.version, checked: result.recheck.checked, count: result.recheck.needsRecheck.length }));
      setPublishes((n) => n + 1);
    } catch (e) {
      if (e instanceof DraftConflict) {
        setPublishOpen(false);
        setConflict(e.current);
        return;
      }
      throw e;
    }
  });

  const keepMine = () => run('resolve', async () => {
    if (conflict && (await save(conflict.etag))) setNotice(s('saved'));
  });

  const takeTheirs = () => {
    if (!conflict) return;
    setDraft(conflict);
    setDoc(conflict.policy);
    setConflict(null);
  };

  const exportJson = (name: string) => {
    if (doc) download(name, `${JSON.stringify(doc, null, 2)}\n`);
  };

  const importFile = async (file: File) => {
    setError(null);
    setNotice(null);
    try {
      const parsed: unknown = JSON.parse(await readText(file));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(s('notAnObject'));
      setDoc(parsed as Policy);
      setNotice(s('imported', { file: file.name }));
    } catch (e) {
      setError(s('importError', { message: errorMessage(e) }));
    }
  };

  const goTo = (path: string) => {
    setSection(sectionOf(path));
    setTimeout(() => {
      for (const p of pathAncestors(path)) {
        const target = document.querySelector<HTMLElement>(`[data-path="${p}"]`)
          ?? document.querySelector<HTMLElement>(`[data-entry="${p}"] [data-path]`);
        if (target) {
          target.scrollIntoView?.({ block: 'center' });
          target.focus();
          return;
        }
      }
    }, 0);
  };

  if (!doc || !draft || !editor || !validation) {
    return (
      <section className={styles.root} aria-labelledby="settings-heading">
        <Subtitle1 as="h1" id="settings-heading">{s('heading')}</Subtitle1>
        {error
          ? <MessageBar intent="error" role="alert"><MessageBarBody>{error} <Button size="small" onClick={() => setAttempt((n) => n + 1)}>{i18n.t('retry')}</Button></MessageBarBody></MessageBar>
          : <Spinner label={i18n.t('loading')} />}
      </section>
    );
  }

  const name = sectionName(s);
  // Each part of the tab that renders the draft shows its problems instead when it cannot (EditorBoundary).
  const contained = (part: ReactElement, issues = validation.errors) => (
    <EditorBoundary title={s('cannotShow')} issues={issues} lang={i18n.lang} draft={doc}>{part}</EditorBoundary>
  );
  const sectionErrors = (sec: Section) => (validation.errors.filter((e) => sectionOf(e.path) === sec)).length;
  const content: Record<Section, ReactElement> = {
    general: <GeneralSection />,
    meetingTypes: <MeetingTypesSection today={today} />,
    services: <ServicesSection today={today} />,
    deviations: <DeviationsSection today={today} />,
    needs: <NeedsSection today={today} />,
    checklist: <ChecklistSection today={today} />,
    identityMethods: <IdentityMethodsSection today={today} />,
  };

  return (
    <section className={styles.root} aria-labelledby="settings-heading">
      <Subtitle1 as="h1" id="settings-heading">{s('heading')}</Subtitle1>
      <Body1>{s('intro')}</Body1>

      <div className={styles.toolbar} role="toolbar" aria-label={s('actions')}>
        <Button appearance="primary" disabled={!dirty || busy !== null} onClick={() => void onSave()}>{busy === 'save' ? s('saving') : s('save')}</Button>
        <Button disabled={busy !== null} onClick={() => setPublishOpen(true)}>{s('publish')}</Button>
        <Button disabled={busy !== null} onClick={() => fileInput.current?.click()}>{s('importJson')}</Button>
        <Button disabled={busy !== null} onClick={() => exportJson('motescheck-policy.json')}>{s('exportJson')}</Button>
        <input
          ref={fileInput} type="file" accept="application/json,.json" className={styles.hidden} aria-label={s('importFile')} tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <Badge appearance="tint" color={dirty ? 'warning' : 'success'}>{dirty ? s('unsaved') : s('allSaved')}</Badge>
        <Caption1>{s('draftBy', { at: i18n.dateTime(draft.updatedAt), by: displayName?.(draft.updatedBy) ?? draft.updatedBy })}</Caption1>
      </div>

      <div role="status" aria-live="polite">
        {notice && <MessageBar intent="success"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      </div>
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {conflict && (
        <ConflictView
          theirs={conflict} mine={doc} changes={diffPolicies(conflict.policy, doc)} busy={busy !== null} displayName={displayName}
          onKeepMine={() => void keepMine()} onTakeTheirs={takeTheirs} onExportMine={() => exportJson('motescheck-policy-min-andring.json')}
        />
      )}

      {contained(<ReviewReminders api={api} refreshKey={publishes} policy={doc} onGoTo={goTo} />)}

      <div className={styles.layout}>
        <div className={styles.main}>
          <TabList
            className={styles.tabs} selectedValue={section} onTabSelect={(_, d) => setSection(d.value as Section)}
            aria-label={s('sections')}
          >
            {SECTIONS.map((sec) => {
              const n = sectionErrors(sec);
              return (
                <Tab key={sec} value={sec} id={`section-tab-${sec}`} aria-controls="section-panel">
                  {name(sec)}{n > 0 ? ` (${n})` : ''}
                </Tab>
              );
            })}
          </TabList>
          <div role="tabpanel" id="section-panel" aria-labelledby={`section-tab-${section}`}>
            {contained(<EditorProvider value={editor}>{content[section]}</EditorProvider>, validation.errors.filter((e) => sectionOf(e.path) === section))}
          </div>
        </div>
        <div className={styles.aside}>
          {contained(<IssueList errors={validation.errors} warnings={validation.warnings} policy={doc} onGoTo={goTo} />)}
          {contained(<PreviewPanel api={api} policy={doc} valid={validation.valid} today={today} />)}
          <VersionHistory
            api={api} refreshKey={publishes} labels={doc} displayName={displayName}
            onLoad={(policy, number) => { setDoc(policy); setNotice(s('imported', { file: s('versionRow', { n: number }) })); }}
          />
        </div>
      </div>

      <PublishDialog
        open={publishOpen} busy={busy === 'publish'} dirty={dirty} errors={validation.errors.length}
        changes={diffPolicies(draft.policy, doc)} policy={doc}
        onClose={() => setPublishOpen(false)} onPublish={(note) => void publish(note)}
      />
    </section>
  );
}

function PublishDialog({ open, busy, dirty, errors, onClose, onPublish, changes, policy }: {
  open: boolean; busy: boolean; dirty: boolean; errors: number; onClose: () => void; onPublish: (note: string) => void;
  changes: ReturnType<typeof diffPolicies>; policy: Policy;
}) {
  const s = useSettingsText();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const pin = findPersonalIdentityNumber(note);
  const problem = pin ? s('changeNotePin') : tried && note.trim() === '' ? s('changeNoteRequired') : null;
  return (
    <Dialog open={open} onOpenChange={(_, d) => { if (!d.open) onClose(); }}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s('publishTitle')}</DialogTitle>
          <DialogContent>
            <Body1 as="p">{s('publishBody')}</Body1>
            {dirty && (
              <>
                <Body1 as="p">{s('unsavedFirst')}</Body1>
                <ChangeList changes={changes} policy={policy} caption={s('unsaved')} />
              </>
            )}
            {errors > 0 && <MessageBar intent="error"><MessageBarBody>{s('publishBlocked')}</MessageBarBody></MessageBar>}
            <Field label={s('changeNote')} hint={s('changeNoteHint')} required validationState={problem ? 'error' : 'none'} validationMessage={problem ?? undefined}>
              <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{s('cancel')}</Button>
            <Button
              appearance="primary" disabled={busy || errors > 0}
              onClick={() => {
                setTried(true);
                if (note.trim() === '' || pin) return;
                onPublish(note.trim());
              }}
            >{busy ? s('publishing') : s('publishConfirm')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
