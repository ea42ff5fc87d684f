// The editor's fields. Each is bound to one place in the document: it reads its value there, writes
// through `update`, and shows beside itself the validation errors (or else warnings) whose JSON path
// is its own or lies inside it. Each control carries `data-path` so the error list can focus it.
import {
  Button, Caption1, Checkbox, Field, Input, Label, makeStyles, Select, Text as FluentText, Textarea, tokens,
} from '@fluentui/react-components';
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import type { ValidationIssue } from '../../../api/contract';
import type { Policy } from '../../../policy/types';
import { getIn, jsonPath, type IssueIndex, type Key } from './model';
import { issueText } from './strings';

export interface EditorState {
  doc: Policy;
  update: (keys: readonly Key[], value: unknown) => void;
  errors: IssueIndex;
  warnings: IssueIndex;
  lang: 'sv' | 'en';
}

const EditorContext = createContext<EditorState | null>(null);
export const EditorProvider = EditorContext.Provider;

export function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('policy fields must be inside <EditorProvider>');
  return state;
}

const useStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    margin: 0,
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: `0 ${tokens.spacingHorizontalXS}` },
  // Cells start at the top (a long hint under one field does not push its neighbours down), and may
  // shrink below a select's longest option.
  grid: {
    display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
    '& .fui-Select, & .fui-Input': { minWidth: 0, maxWidth: '100%' },
  },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  entryHead: { display: 'flex', justifyContent: 'flex-end' },
});

/** The message and state to show for the issues at or inside a path. */
function useIssues(path: string, exact = false): { state: 'error' | 'warning' | 'none'; message: string | undefined; issues: ValidationIssue[] } {
  const { errors, warnings, lang } = useEditor();
  const e = exact ? errors.at(path) : errors.within(path);
  const w = exact ? warnings.at(path) : warnings.within(path);
  const shown = e.length > 0 ? e : w;
  return {
    state: e.length > 0 ? 'error' : w.length > 0 ? 'warning' : 'none',
    message: shown.length > 0 ? [...new Set(shown.map((i) => issueText(i, lang)))].join(' ') : undefined,
    issues: shown,
  };
}

export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className={useStyles().grid}>{children}</div>;
}

export function TextField({ keys, label, hint, placeholder }: { keys: readonly Key[]; label: string; hint?: string; placeholder?: string }) {
  const { doc, update } = useEditor();
  const path = jsonPath(keys);
  const { state, message } = useIssues(path);
  const value = getIn(doc, keys);
  return (
    <Field label={label} hint={hint} validationState={state} validationMessage={message}>
      <Input
        data-path={path}
        value={typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)}
        placeholder={placeholder}
        onChange={(_, d) => update(keys, d.value)}
      />
    </Field>
  );
}

export function DateField({ keys, label, hint }: { keys: readonly Key[]; label: string; hint: string }) {
  return <TextField keys={keys} label={label} hint={hint} placeholder="2026-01-31" />;
}

/** A list of strings, one per line. What is typed is kept as typed; the document gets the non-empty lines. */
export function LinesField({ keys, label, hint, removeWhenEmpty }: { keys: readonly Key[]; label: string; hint?: string; removeWhenEmpty?: boolean }) {
  const { doc, update } = useEditor();
  const path = jsonPath(keys);
  const { state, message } = useIssues(path);
  const raw = getIn(doc, keys);
  const lines = Array.isArray(raw) ? raw.map(String) : [];
  const joined = lines.join('\n');
  const [text, setText] = useState(joined);
  const clean = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  // The document changed from elsewhere (import, another version): show its value.
  useEffect(() => {
    setText((current) => (clean(current).join('\n') === joined ? current : joined));
  }, [joined]);
  return (
    <Field label={label} hint={hint} validationState={state} validationMessage={message}>
      <Textarea
        data-path={path}
        value={text}
        resize="vertical"
        rows={Math.min(6, Math.max(2, lines.length + 1))}
        onChange={(_, d) => {
          setText(d.value);
          const next = clean(d.value);
          update(keys, next.length === 0 && removeWhenEmpty ? undefined : next);
        }}
      />
    </Field>
  );
}

export interface Option { value: string; label: string }

export function SelectField({ keys, label, hint, options, numeric, emptyLabel }: {
  keys: readonly Key[]; label: string; hint?: string; options: readonly Option[]; numeric?: boolean;
  /** An empty choice that removes the (optional) value. */
  emptyLabel?: string;
}) {
  const { doc, update } = useEditor();
  const path = jsonPath(keys);
  const { state, message } = useIssues(path);
  const value = getIn(doc, keys);
  const current = value === undefined || value === null ? '' : String(value);
  const known = options.some((o) => o.value === current) || (current === '' && emptyLabel !== undefined);
  return (
    <Field label={label} hint={hint} validationState={state} validationMessage={message}>
      <Select
        data-path={path}
        value={current}
        onChange={(_, d) => {
          if (d.value === '') update(keys, undefined);
          else update(keys, numeric ? Number(d.value) : d.value);
        }}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {/* A value the options do not know (an imported document) stays visible until it is changed. */}
        {!known && <option value={current}>{current || '—'}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
    </Field>
  );
}

/** A yes/no field. `optional`: unchecking removes the key rather than writing false. */
export function CheckField({ keys, label, hint, optional, checkedValue = true }: {
  keys: readonly Key[]; label: string; hint?: string; optional?: boolean; checkedValue?: unknown;
}) {
  const { doc, update } = useEditor();
  const path = jsonPath(keys);
  const { state, message } = useIssues(path);
  const checked = getIn(doc, keys) === checkedValue;
  return (
    <Field hint={hint} validationState={state} validationMessage={message}>
      <Checkbox
        data-path={path}
        label={label}
        checked={checked}
        onChange={(_, d) => update(keys, d.checked === true ? checkedValue : optional ? undefined : false)}
      />
    </Field>
  );
}

/** A text in both languages. `optional`: clearing both removes the text. */
export function TextPair({ keys, labelSv, labelEn, optional }: { keys: readonly Key[]; labelSv: string; labelEn: string; optional?: boolean }) {
  const { doc, update } = useEditor();
  const pathOf = (lang: 'sv' | 'en') => jsonPath([...keys, lang]);
  const whole = useIssues(jsonPath(keys), true);
  const sv = useIssues(pathOf('sv'));
  const en = useIssues(pathOf('en'));
  const value = getIn(doc, keys) as { sv?: unknown; en?: unknown } | undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const set = (lang: 'sv' | 'en', next: string) => {
    const updated = { sv: text(value?.sv), en: text(value?.en), [lang]: next };
    update(keys, optional && updated.sv === '' && updated.en === '' ? undefined : updated);
  };
  const svState = sv.state !== 'none' ? sv : whole;
  return (
    <>
      <Field label={labelSv} validationState={svState.state} validationMessage={svState.message}>
        <Input data-path={pathOf('sv')} value={text(value?.sv)} onChange={(_, d) => set('sv', d.value)} />
      </Field>
      <Field label={labelEn} validationState={en.state} validationMessage={en.message}>
        <Input data-path={pathOf('en')} value={text(value?.en)} onChange={(_, d) => set('en', d.value)} />
      </Field>
    </>
  );
}

/** Which ids of another list apply (a type's checklist, a deviation's meeting types). */
export function IdChecks({ keys, label, hint, options, removeWhenEmpty }: {
  keys: readonly Key[]; label: string; hint?: string; options: readonly Option[]; removeWhenEmpty?: boolean;
}) {
  const styles = useStyles();
  const { doc, update } = useEditor();
  const id = useId();
  const path = jsonPath(keys);
  const { state, message } = useIssues(path);
  const raw = getIn(doc, keys);
  const selected = Array.isArray(raw) ? raw.map(String) : [];
  const unknown = selected.filter((s) => !options.some((o) => o.value === s));
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected.filter((s) => s !== value), value] : selected.filter((s) => s !== value);
    // Keep the order of the other list, so the document reads the way the editor shows it.
    const ordered = [...options.map((o) => o.value).filter((v) => next.includes(v)), ...next.filter((v) => !options.some((o) => o.value === v))];
    update(keys, ordered.length === 0 && removeWhenEmpty ? undefined : ordered);
  };
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-msg` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className={styles.group}>
      <Label id={`${id}-label`} weight="semibold">{label}</Label>
      {hint && <Caption1 id={`${id}-hint`} className={styles.hint}>{hint}</Caption1>}
      <div className={styles.checks}>
        {[...options, ...unknown.map((u) => ({ value: u, label: u }))].map((o, i) => (
          <Checkbox
            key={o.value}
            data-path={i === 0 ? path : `${path}#${o.value}`}
            label={o.label}
            checked={selected.includes(o.value)}
            onChange={(_, d) => toggle(o.value, d.checked === true)}
          />
        ))}
      </div>
      {message && (
        <FluentText id={`${id}-msg`} size={200} className={state === 'error' ? styles.error : styles.warning}>{message}</FluentText>
      )}
    </div>
  );
}

/** One entry of a list: a fieldset named by the entry, its remove button, its own entry-level issues. */
export function EntryCard({ keys, legend, removeLabel, onRemove, children }: {
  keys: readonly Key[]; legend: string; removeLabel: string; onRemove: () => void; children: ReactNode;
}) {
  const styles = useStyles();
  const path = jsonPath(keys);
  const { state, message } = useIssues(path, true);
  return (
    <fieldset className={styles.fieldset} data-entry={path}>
      <legend className={styles.legend}>{legend}</legend>
      {message && <FluentText role="note" className={state === 'error' ? styles.error : styles.warning}>{message}</FluentText>}
      {children}
      <div className={styles.entryHead}>
        <Button appearance="secondary" onClick={onRemove}>{removeLabel}</Button>
      </div>
    </fieldset>
  );
}

/** A titled group of fields inside an entry. */
export function Group({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{title}</legend>
      {children}
    </fieldset>
  );
}
