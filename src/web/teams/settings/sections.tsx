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
import { listAt, newEntry, type Section } from './model';
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

function useList<T>(section: Exclude<Section, 'general'>, today: string) {
  const { doc, update, lang } = useEditor();
  const list = listAt<T>(doc, section);
  return {
    list,
    lang,
    add: () => {
      update([section], [...list, newEntry(section, doc, today)]);
      // Focus the new entry's first field once it is rendered, so keyboard users land in it.
      setTimeout(() => document.querySelector<HTMLElement>(`[data-path="$.${section}[${list.length}].id"]`)?.focus(), 0);
    },
    remove: (index: number) => update([section], list.filter((_, i) => i !== index)),
  };
}

function AddButton({ onClick, label }: { onClick: () => void; label: string }) {
  return <Button className={useStyles().add} appearance="primary" onClick={onClick}>{label}</Button>;
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
          options={[2, 3, 4].map((n) => ({ value: String(n), label: s('assuranceLevel', { n }) }))}
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
  const styles = useStyles();
  const { doc } = useEditor();
  const { list, lang, add, remove } = useList<MeetingType>('meetingTypes', today);
  const checklist = listAt<ChecklistItem>(doc, 'checklist').map((c) => ({ value: c.id, label: textOf(c.text, lang) || c.id }));
  return (
    <div className={styles.section}>
      {list.map((type, i) => {
        const k = ['meetingTypes', i] as const;
        const name = textOf(type?.label, lang) || type?.id || s('unnamed');
        return (
          <EntryCard key={i} keys={k} legend={name} removeLabel={s('remove', { name })} onRemove={() => remove(i)}>
            <FieldGrid>
              <TextField keys={[...k, 'id']} label={s('id')} hint={s('idHint')} />
              <TextPair keys={[...k, 'label']} labelSv={s('labelSv')} labelEn={s('labelEn')} />
              <TextPair keys={[...k, 'description']} labelSv={s('descriptionSv')} labelEn={s('descriptionEn')} optional />
            </FieldGrid>
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
            <IdChecks keys={[...k, 'checklist']} label={s('typeChecklist')} options={checklist} removeWhenEmpty />
          </EntryCard>
        );
      })}
      <AddButton onClick={add} label={s('addType')} />
    </div>
  );
}

export function ServicesSection({ today }: { today: string }) {
  const s = useSettingsText();
  const styles = useStyles();
  const { list, add, remove } = useList<Service>('services', today);
  return (
    <div className={styles.section}>
      {list.map((service, i) => {
        const k = ['services', i] as const;
        const name = (typeof service?.label === 'string' && service.label) || service?.id || s('unnamed');
        return (
          <EntryCard key={i} keys={k} legend={name} removeLabel={s('remove', { name })} onRemove={() => remove(i)}>
            <FieldGrid>
              <TextField keys={[...k, 'id']} label={s('id')} hint={s('idHint')} />
              <TextField keys={[...k, 'label']} label={s('serviceLabel')} />
              <SelectField keys={[...k, 'approvedUpTo', 'confidentiality']} label={s('approvedUpTo')} hint={s('approvedUpToHint')} options={levels(s)} numeric />
            </FieldGrid>
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
          </EntryCard>
        );
      })}
      <AddButton onClick={add} label={s('addService')} />
    </div>
  );
}

export function DeviationsSection({ today }: { today: string }) {
  const s = useSettingsText();
  const styles = useStyles();
  const { doc, update } = useEditor();
  const { list, lang, add, remove } = useList<Deviation>('deviations', today);
  const services = listAt<Service>(doc, 'services').map((x) => ({ value: x.id, label: x.label || x.id }));
  const types = listAt<MeetingType>(doc, 'meetingTypes').map((x) => ({ value: x.id, label: textOf(x.label, lang) || x.id }));
  return (
    <div className={styles.section}>
      {list.map((deviation, i) => {
        const k = ['deviations', i] as const;
        const name = deviation?.decision?.reference || deviation?.id || s('unnamed');
        const conditions = Array.isArray(deviation?.conditions) ? deviation.conditions : [];
        return (
          <EntryCard key={i} keys={k} legend={name} removeLabel={s('remove', { name })} onRemove={() => remove(i)}>
            <FieldGrid>
              <TextField keys={[...k, 'id']} label={s('id')} hint={s('idHint')} />
              <SelectField keys={[...k, 'serviceId']} label={s('deviationService')} options={services} emptyLabel={s('chooseService')} />
            </FieldGrid>
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
          </EntryCard>
        );
      })}
      <AddButton onClick={add} label={s('addDeviation')} />
    </div>
  );
}

export function NeedsSection({ today }: { today: string }) {
  const s = useSettingsText();
  const styles = useStyles();
  const { doc } = useEditor();
  const { list, lang, add, remove } = useList<Need>('needs', today);
  const checklist = listAt<ChecklistItem>(doc, 'checklist').map((c) => ({ value: c.id, label: textOf(c.text, lang) || c.id }));
  return (
    <div className={styles.section}>
      {list.map((need, i) => {
        const k = ['needs', i] as const;
        const name = textOf(need?.label, lang) || need?.id || s('unnamed');
        return (
          <EntryCard key={i} keys={k} legend={name} removeLabel={s('remove', { name })} onRemove={() => remove(i)}>
            <FieldGrid>
              <TextField keys={[...k, 'id']} label={s('id')} hint={s('idHint')} />
              <TextPair keys={[...k, 'label']} labelSv={s('labelSv')} labelEn={s('labelEn')} />
              <TextPair keys={[...k, 'description']} labelSv={s('descriptionSv')} labelEn={s('descriptionEn')} optional />
            </FieldGrid>
            <Group title={s('effects')}>
              <FieldGrid>
                <CheckField keys={[...k, 'effects', 'digital']} label={s('effectNever')} optional checkedValue="never" />
                <CheckField keys={[...k, 'effects', 'identityVerification']} label={s('effectIdentity')} optional />
                <CheckField keys={[...k, 'effects', 'coApproval']} label={s('effectCoApproval')} optional />
                <CheckField keys={[...k, 'effects', 'noEid']} label={s('effectNoEid')} optional />
              </FieldGrid>
              <IdChecks keys={[...k, 'effects', 'checklist']} label={s('effectChecklist')} options={checklist} removeWhenEmpty />
            </Group>
          </EntryCard>
        );
      })}
      <AddButton onClick={add} label={s('addNeed')} />
    </div>
  );
}

export function ChecklistSection({ today }: { today: string }) {
  const s = useSettingsText();
  const styles = useStyles();
  const { list, lang, add, remove } = useList<ChecklistItem>('checklist', today);
  return (
    <div className={styles.section}>
      {list.map((item, i) => {
        const k = ['checklist', i] as const;
        const name = textOf(item?.text, lang) || item?.id || s('unnamed');
        return (
          <EntryCard key={i} keys={k} legend={name} removeLabel={s('remove', { name: item?.id || s('unnamed') })} onRemove={() => remove(i)}>
            <FieldGrid>
              <TextField keys={[...k, 'id']} label={s('id')} hint={s('idHint')} />
              <TextPair keys={[...k, 'text']} labelSv={s('textSv')} labelEn={s('textEn')} />
              <SelectField
                keys={[...k, 'who']} label={s('who')}
                options={[{ value: 'caseworker', label: s('whoCaseworker') }, { value: 'counterpart', label: s('whoCounterpart') }, { value: 'both', label: s('whoBoth') }]}
              />
              <CheckField keys={[...k, 'always']} label={s('always')} optional />
            </FieldGrid>
          </EntryCard>
        );
      })}
      <AddButton onClick={add} label={s('addItem')} />
    </div>
  );
}

export function IdentityMethodsSection({ today }: { today: string }) {
  const s = useSettingsText();
  const styles = useStyles();
  const { list, lang, add, remove } = useList<IdentityMethod>('identityMethods', today);
  return (
    <div className={styles.section}>
      {list.map((method, i) => {
        const k = ['identityMethods', i] as const;
        const name = textOf(method?.label, lang) || method?.id || s('unnamed');
        return (
          <EntryCard key={i} keys={k} legend={name} removeLabel={s('remove', { name })} onRemove={() => remove(i)}>
            <FieldGrid>
              <TextField keys={[...k, 'id']} label={s('id')} hint={s('idHint')} />
              <TextPair keys={[...k, 'label']} labelSv={s('labelSv')} labelEn={s('labelEn')} />
              <SelectField
                keys={[...k, 'assurance']} label={s('methodAssurance')} numeric
                options={[2, 3, 4].map((n) => ({ value: String(n), label: s('assuranceLevel', { n }) }))}
              />
            </FieldGrid>
          </EntryCard>
        );
      })}
      <AddButton onClick={add} label={s('addMethod')} />
    </div>
  );
}
