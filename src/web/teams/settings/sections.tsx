// The policy's parts, one form each: general settings, meeting types (with K/R/T explained), services,
// deviation decisions, needs and their effects, checklist items and identity methods. Every field of
// DESIGN.md's policy document is editable here.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { DECISION_LEVEL_TEXT } from '../../../policy/texts';
import type { ChecklistItem, Deviation, IdentityMethod, MeetingType, Need, Service } from '../../../policy/types';
import {
  CheckField, DateField, EditorProvider, EntryCard, FieldGrid, Group, IdChecks, LinesField, SelectField, TextField, TextPair, useEditor,
  type Option,
} from './fields';
import { listAt, newEntry, type Key, type Section } from './model';
import { useSettingsText, type SettingsText } from './strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  add: { alignSelf: 'flex-start' },
  start: { alignSelf: 'flex-start' },
  end: { alignSelf: 'end' },
});

function levels(s: SettingsText): Option[] {
  return ([0, 1, 2, 3, 4] as const).map((n) => ({ value: String(n), label: `${n === 0 ? 'K0' : `K${n}`}: ${s(`level${n}`)}` }));
}

function plainLevels(s: SettingsText): Option[] {
  return ([0, 1, 2, 3, 4] as const).map((n) => ({ value: String(n), label: s(`level${n}`) }));
}

function textOf(value: unknown, lang: 'sv' | 'en'): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return String((value as Record<string, unknown>)[lang] ?? '') || String((value as Record<string, unknown>).sv ?? '');
  return '';
}

function assuranceLevels(s: SettingsText): Option[] {
  return [2, 3, 4].map((n) => ({ value: String(n), label: s('assuranceLevel', { n }) }));
}

/** Where an entry sits: its list and its index. Its fields' keys go on from here. */
type EntryKeys = readonly [ListPart, number];
type ListPart = Exclude<Section, 'general'>;

/**
 * One list of the policy: a card per entry, named by its title (else its id), with the entry's fields and
 * a button that removes it, and after the cards a button that adds a new entry and moves focus into it.
 * Every entry's first field is its id: that is where focus goes in a new entry.
 */
function ListSection<T extends { id: string }>({ part, today, addLabel, title, removeById, fields, children }: {
  part: ListPart; today: string; addLabel: string;
  /** The entry's name for its legend and its remove button, when it has one; its id otherwise. */
  title: (entry: T, lang: 'sv' | 'en') => string | false | undefined;
  /** The remove button names the entry by its id even when it has a title (a checklist text is a sentence). */
  removeById?: boolean;
  /** The fields beside the id, in the entry's first grid. */
  fields: (entry: T, k: EntryKeys) => ReactNode;
  /** The rest of the entry, below that grid. */
  children?: (entry: T, k: EntryKeys) => ReactNode;
}) {
  const s = useSettingsText();
  const styles = useStyles();
  const { doc, update, lang } = useEditor();
  const list = listAt<T>(doc, part);
  const add = () => {
    update([part], [...list, newEntry(part, doc, today)]);
    // Focus the new entry's first field once it is rendered, so keyboard users land in it.
    setTimeout(() => document.querySelector<HTMLElement>(`[data-path="$.${part}[${list.length}].id"]`)?.focus(), 0);
  };
  const remove = (index: number) => update([part], list.filter((_, i) => i !== index));
  return (
    <div className={styles.section}>
      {list.map((entry, i) => {
        const k = [part, i] as const;
        const id = entry?.id || s('unnamed');
        const name = title(entry, lang) || id;
        return (
          <EntryCard key={i} keys={k} legend={name} removeLabel={s('remove', { name: removeById ? id : name })} onRemove={() => remove(i)}>
            <FieldGrid>
              <TextField keys={[...k, 'id']} label={s('id')} hint={s('idHint')} />
              {fields(entry, k)}
            </FieldGrid>
            {children?.(entry, k)}
          </EntryCard>
        );
      })}
      <Button className={styles.add} appearance="primary" onClick={add}>{addLabel}</Button>
    </div>
  );
}

/** Which checklist items apply (a meeting type's, a need's). */
function ChecklistChecks({ keys, label }: { keys: readonly Key[]; label: string }) {
  const { doc, lang } = useEditor();
  const options = listAt<ChecklistItem>(doc, 'checklist').map((c) => ({ value: c.id, label: textOf(c.text, lang) || c.id }));
  return <IdChecks keys={keys} label={label} options={options} removeWhenEmpty />;
}

/** An entry's name in both languages and, with `description`, its optional description. */
function LabelFields({ k, description }: { k: EntryKeys; description?: boolean }) {
  const s = useSettingsText();
  return (
    <>
      <TextPair keys={[...k, 'label']} labelSv={s('labelSv')} labelEn={s('labelEn')} />
      {description && <TextPair keys={[...k, 'description']} labelSv={s('descriptionSv')} labelEn={s('descriptionEn')} optional />}
    </>
  );
}

export function GeneralSection() {
  const s = useSettingsText();
  const styles = useStyles();
  const modes: Option[] = [{ value: 'block', label: s('onSendBlock') }, { value: 'prompt', label: s('onSendPrompt') }];
  const { doc, update } = useEditor();
  // onSend is all or nothing in the document: setting one mode writes both (the other at its default).
  const onSend = (doc.onSend ?? { noAssessment: 'block', pendingApproval: 'block' }) as Record<string, unknown>;
  return (
    <div className={styles.section}>
      <FieldGrid>
        <TextField keys={['organization']} label={s('organization')} />
        <SelectField
          keys={['identityAssuranceRequired']} label={s('assurance')} hint={s('assuranceHint')} numeric emptyLabel={s('assuranceDefault')}
          options={assuranceLevels(s)}
        />
      </FieldGrid>
      <LinesField keys={['internalDomains']} label={s('internalDomains')} hint={s('internalDomainsHint')} removeWhenEmpty />
      <Group title={s('onSendHint')}>
        <FieldGrid>
          <OnSendSelect label={s('onSendNoAssessment')} field="noAssessment" options={modes} onSend={onSend} update={update} />
          <OnSendSelect label={s('onSendPending')} field="pendingApproval" options={modes} onSend={onSend} update={update} />
        </FieldGrid>
      </Group>
    </div>
  );
}

function OnSendSelect({ label, field, options, onSend, update }: {
  label: string; field: 'noAssessment' | 'pendingApproval'; options: Option[]; onSend: Record<string, unknown>;
  update: (keys: readonly (string | number)[], value: unknown) => void;
}) {
  // Writes go through a wrapper so that the other mode is filled in; the field itself reads the document.
  return (
    <EditorOverride update={(keys, value) => update(['onSend'], { ...onSend, [keys[1]!]: value ?? 'block' })}>
      <SelectField keys={['onSend', field]} label={label} options={options} />
    </EditorOverride>
  );
}

function EditorOverride({ update, children }: { update: (keys: readonly (string | number)[], value: unknown) => void; children: ReactNode }) {
  const state = useEditor();
  return <EditorProvider value={{ ...state, update }}>{children}</EditorProvider>;
}

export function MeetingTypesSection({ today }: { today: string }) {
  const s = useSettingsText();
  return (
    <ListSection<MeetingType>
      part="meetingTypes" today={today} addLabel={s('addType')} title={(type, l) => textOf(type?.label, l)}
      fields={(_, k) => <LabelFields k={k} description />}
    >
      {(_, k) => (
        <>
          <Group title={s('information')}>
            <FieldGrid>
              <CheckField keys={[...k, 'information', 'personalData']} label={s('personalData')} />
              <CheckField keys={[...k, 'information', 'sensitiveData']} label={s('sensitiveData')} />
              <CheckField keys={[...k, 'information', 'secrecy']} label={s('secrecy')} />
              <CheckField keys={[...k, 'information', 'childrenData']} label={s('childrenData')} />
            </FieldGrid>
          </Group>
          <Group title={s('classification')}>
            <FieldGrid>
              <SelectField keys={[...k, 'classification', 'confidentiality']} label={s('confidentiality')} hint={s('confidentialityHint')} options={plainLevels(s)} numeric />
              <SelectField keys={[...k, 'classification', 'integrity']} label={s('integrity')} hint={s('integrityHint')} options={plainLevels(s)} numeric />
              <SelectField keys={[...k, 'classification', 'availability']} label={s('availability')} hint={s('availabilityHint')} options={plainLevels(s)} numeric />
            </FieldGrid>
          </Group>
          <FieldGrid>
            <SelectField keys={[...k, 'digital']} label={s('digital')} options={[{ value: 'allowed', label: s('digitalAllowed') }, { value: 'never', label: s('digitalNever') }]} />
            <SelectField
              keys={[...k, 'identityVerification']} label={s('identityVerification')}
              options={[{ value: 'always', label: s('idAlways') }, { value: 'when-new-or-unclear', label: s('idWhenNew') }, { value: 'never', label: s('idNever') }]}
            />
            <SelectField
              keys={[...k, 'coApproval']} label={s('coApproval')}
              options={[{ value: 'always', label: s('coAlways') }, { value: 'when-deviation', label: s('coWhenDeviation') }, { value: 'never', label: s('coNever') }]}
            />
          </FieldGrid>
          <ChecklistChecks keys={[...k, 'checklist']} label={s('typeChecklist')} />
        </>
      )}
    </ListSection>
  );
}

export function ServicesSection({ today }: { today: string }) {
  const s = useSettingsText();
  return (
    <ListSection<Service>
      part="services" today={today} addLabel={s('addService')} title={(service) => typeof service?.label === 'string' && service.label}
      fields={(_, k) => (
        <>
          <TextField keys={[...k, 'label']} label={s('serviceLabel')} />
          <SelectField keys={[...k, 'approvedUpTo', 'confidentiality']} label={s('approvedUpTo')} hint={s('approvedUpToHint')} options={levels(s)} numeric />
        </>
      )}
    >
      {(_, k) => (
        <>
          <Group title={s('security')}>
            <FieldGrid>
              <SelectField
                keys={[...k, 'security', 'participantAuthentication']} label={s('participantAuthentication')}
                options={[
                  { value: 'eid-loa4', label: s('authLoa4') }, { value: 'eid-loa3', label: s('authLoa3') }, { value: 'eid-loa2', label: s('authLoa2') },
                  { value: 'organization-account', label: s('authOrg') }, { value: 'none', label: s('authNone') },
                ]}
              />
              <SelectField
                keys={[...k, 'security', 'encryption']} label={s('encryption')}
                options={[{ value: 'end-to-end', label: s('encE2e') }, { value: 'in-transit', label: s('encTransit') }, { value: 'none', label: s('encNone') }]}
              />
              <SelectField
                keys={[...k, 'security', 'dataLocation']} label={s('dataLocation')}
                options={[{ value: 'SE', label: s('locSE') }, { value: 'EU', label: s('locEU') }, { value: 'third-country', label: s('locThird') }]}
              />
              <CheckField keys={[...k, 'security', 'vendorStoresContent']} label={s('vendorStoresContent')} />
              <CheckField keys={[...k, 'security', 'processorAgreement']} label={s('processorAgreement')} hint={s('processorAgreementHint')} />
            </FieldGrid>
          </Group>
          <Group title={s('riskAnalysis')}>
            <FieldGrid>
              <TextField keys={[...k, 'riskAnalysis', 'reference']} label={s('riskReference')} />
              <DateField keys={[...k, 'riskAnalysis', 'date']} label={s('riskDate')} hint={s('dateHint')} />
              <DateField keys={[...k, 'riskAnalysis', 'reviewBy']} label={s('riskReviewBy')} hint={s('dateHint')} />
            </FieldGrid>
          </Group>
          <LinesField keys={[...k, 'meetingLinkPatterns']} label={s('patterns')} hint={s('patternsHint')} removeWhenEmpty />
        </>
      )}
    </ListSection>
  );
}

export function DeviationsSection({ today }: { today: string }) {
  const s = useSettingsText();
  const styles = useStyles();
  const { doc, update, lang } = useEditor();
  const services = listAt<Service>(doc, 'services').map((x) => ({ value: x.id, label: x.label || x.id }));
  const types = listAt<MeetingType>(doc, 'meetingTypes').map((x) => ({ value: x.id, label: textOf(x.label, lang) || x.id }));
  return (
    <ListSection<Deviation>
      part="deviations" today={today} addLabel={s('addDeviation')} title={(deviation) => deviation?.decision?.reference}
      fields={(_, k) => <SelectField keys={[...k, 'serviceId']} label={s('deviationService')} options={services} emptyLabel={s('chooseService')} />}
    >
      {(deviation, k) => {
        const conditions = Array.isArray(deviation?.conditions) ? deviation.conditions : [];
        return (
          <>
            <IdChecks keys={[...k, 'meetingTypeIds']} label={s('deviationTypes')} options={types} />
            <Group title={s('decisionLevel')}>
              <FieldGrid>
                <SelectField
                  keys={[...k, 'decision', 'level']} label={s('decisionLevel')}
                  options={(['kommunledning', 'forvaltning'] as const).map((v) => ({ value: v, label: DECISION_LEVEL_TEXT[v][lang] }))}
                />
                <TextField keys={[...k, 'decision', 'reference']} label={s('decisionReference')} />
                <DateField keys={[...k, 'decision', 'decidedOn']} label={s('decidedOn')} hint={s('dateHint')} />
                <DateField keys={[...k, 'decision', 'validUntil']} label={s('validUntil')} hint={s('dateHint')} />
              </FieldGrid>
            </Group>
            <Group title={s('conditions')}>
              {conditions.map((_, j) => (
                <FieldGrid key={j}>
                  <TextPair keys={[...k, 'conditions', j]} labelSv={s('conditionSv', { n: j + 1 })} labelEn={s('conditionEn', { n: j + 1 })} />
                  <Button
                    className={styles.end}
                    onClick={() => update([...k, 'conditions'], conditions.filter((__, x) => x !== j))}
                  >{s('removeCondition', { n: j + 1 })}</Button>
                </FieldGrid>
              ))}
              <Button className={styles.start} onClick={() => update([...k, 'conditions'], [...conditions, { sv: '', en: '' }])}>{s('addCondition')}</Button>
            </Group>
          </>
        );
      }}
    </ListSection>
  );
}

export function NeedsSection({ today }: { today: string }) {
  const s = useSettingsText();
  return (
    <ListSection<Need>
      part="needs" today={today} addLabel={s('addNeed')} title={(need, l) => textOf(need?.label, l)}
      fields={(_, k) => <LabelFields k={k} description />}
    >
      {(_, k) => (
        <Group title={s('effects')}>
          <FieldGrid>
            <CheckField keys={[...k, 'effects', 'digital']} label={s('effectNever')} optional checkedValue="never" />
            <CheckField keys={[...k, 'effects', 'identityVerification']} label={s('effectIdentity')} optional />
            <CheckField keys={[...k, 'effects', 'coApproval']} label={s('effectCoApproval')} optional />
            <CheckField keys={[...k, 'effects', 'noEid']} label={s('effectNoEid')} optional />
          </FieldGrid>
          <ChecklistChecks keys={[...k, 'effects', 'checklist']} label={s('effectChecklist')} />
        </Group>
      )}
    </ListSection>
  );
}

export function ChecklistSection({ today }: { today: string }) {
  const s = useSettingsText();
  return (
    <ListSection<ChecklistItem>
      part="checklist" today={today} addLabel={s('addItem')} title={(item, l) => textOf(item?.text, l)} removeById
      fields={(_, k) => (
        <>
          <TextPair keys={[...k, 'text']} labelSv={s('textSv')} labelEn={s('textEn')} />
          <SelectField
            keys={[...k, 'who']} label={s('who')}
            options={[{ value: 'caseworker', label: s('whoCaseworker') }, { value: 'counterpart', label: s('whoCounterpart') }, { value: 'both', label: s('whoBoth') }]}
          />
          <CheckField keys={[...k, 'always']} label={s('always')} optional />
        </>
      )}
    />
  );
}

export function IdentityMethodsSection({ today }: { today: string }) {
  const s = useSettingsText();
  return (
    <ListSection<IdentityMethod>
      part="identityMethods" today={today} addLabel={s('addMethod')} title={(method, l) => textOf(method?.label, l)}
      fields={(_, k) => (
        <>
          <LabelFields k={k} />
          <SelectField keys={[...k, 'assurance']} label={s('methodAssurance')} numeric options={assuranceLevels(s)} />
        </>
      )}
    />
  );
}
