import {
  approvalCard, COMMENT_INPUT_ID, COMMENT_MAX_LENGTH, literal, myAssessmentsCard, needsRecheckCard, outcomeNotificationCard,
  parseApprovalAction, pendingListCards, pendingWarningCard, VERBS, type AdaptiveCard,
} from '../../src/cards';
import type { Lang } from '../../src/policy';
import { actions, checkCard, texts } from './harness';
import { APPROVER_USER_IDS, decided, HOSTILE, HOSTILE_TEXT, hostilePolicy, makeAssessment, NAMES, NOW, POLICY, SECRETS } from './fixtures';
import { scenarios } from './scenarios';

const LANGS: Lang[] = ['sv', 'en'];
const base = (lang: Lang) => ({
  assessment: makeAssessment(),
  policy: POLICY,
  names: { caseworker: NAMES.caseworker, approver: NAMES.approver },
  lang,
  approverUserIds: APPROVER_USER_IDS,
});
const allText = (card: AdaptiveCard) => [...texts(card, 'TextBlock'), ...texts(card, 'TextRun')].join('\n');

describe('every card passes the official adaptivecards object model', () => {
  const all = LANGS.flatMap((lang) => scenarios(lang).map((s) => [lang, s.name, s.card] as const));

  it.each(all)('%s: %s — parses with no context events, validates with no events, round-trips unchanged', (_lang, _name, card) => {
    expect(checkCard(card)).toEqual({ contextEvents: [], validationEvents: [], roundTripDifferences: [] });
  });

  it.each(all)('%s: %s — is a 1.5 card with a fallback text', (_lang, _name, card) => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', fallbackText: expect.any(String) });
  });

  it('the checker itself reports what the object model refuses or drops', () => {
    const broken = {
      type: 'AdaptiveCard', version: '1.5',
      body: [{ type: 'Input.Text', id: 'x', isRequired: true }, { type: 'TextBlok', text: 'typo' }, { type: 'TextBlock', text: 'a', colour: 'good' }],
    } as unknown as AdaptiveCard;
    const check = checkCard(broken);
    expect(check.contextEvents.join()).toMatch(/UnknownElementType/);
    expect(check.validationEvents.join()).toMatch(/RequiredInputsShouldHaveLabel/);
    expect(check.roundTripDifferences.join()).toMatch(/colour/);
  });
});

describe('approval card: the approver view', () => {
  it.each(LANGS)('%s: Godkänn and Avslå are Action.Execute with the verb, the assessment and the revision seen', (lang) => {
    const card = approvalCard({ ...base(lang), viewerIsApprover: true });
    const data = { assessmentId: 'asmt-0001', revision: 2 };
    const [approve, showReject] = card.actions ?? [];
    expect(approve).toEqual({ type: 'Action.Execute', verb: VERBS.approve, data, title: lang === 'sv' ? 'Godkänn' : 'Approve', style: 'positive', associatedInputs: 'none' });
    expect(showReject).toMatchObject({ type: 'Action.ShowCard', title: lang === 'sv' ? 'Avslå …' : 'Reject …' });
    const rejectCard = showReject?.type === 'Action.ShowCard' ? showReject.card : undefined;
    expect(rejectCard?.body).toEqual([expect.objectContaining({
      type: 'Input.Text', id: COMMENT_INPUT_ID, isRequired: true, maxLength: COMMENT_MAX_LENGTH, isMultiline: true,
      label: lang === 'sv' ? 'Motivering till avslaget' : 'Reason for rejecting', errorMessage: expect.stringContaining(String(COMMENT_MAX_LENGTH)),
    })]);
    expect(rejectCard?.actions).toEqual([{ type: 'Action.Execute', verb: VERBS.reject, data, title: lang === 'sv' ? 'Avslå' : 'Reject', style: 'destructive', associatedInputs: 'auto' }]);
  });

  it('refreshes only for the approver, with the same data, so only they get the buttons', () => {
    const card = approvalCard({ ...base('sv'), viewerIsApprover: true });
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: VERBS.refresh, data: { assessmentId: 'asmt-0001', revision: 2 }, title: 'Mötescheck' },
      userIds: APPROVER_USER_IDS,
    });
  });

  it('falls back to the assessment\'s approver for refresh.userIds and refuses more than 60 users', () => {
    const { approverUserIds: _ids, ...rest } = base('sv');
    expect(approvalCard(rest).refresh?.userIds).toEqual(['00000000-feed-4bad-8bad-appr0ver0001']);
    const many = Array.from({ length: 61 }, (_, i) => `29:user-${i}`);
    expect(() => approvalCard({ ...base('sv'), approverUserIds: many })).toThrow(/60/);
  });

  it('everyone else sees the same card without any button, and it still refreshes for the approver', () => {
    const card = approvalCard(base('sv'));
    expect(actions(card)).toEqual([]);
    expect(card.refresh?.userIds).toEqual(APPROVER_USER_IDS);
    expect(allText(card)).toContain('Bedömning som väntar på chefens godkännande');
  });

  it.each(LANGS)('%s: shows meeting type, Stockholm date and time, service, verdict with reasons and sources, identity, checklist, deviation, caseworker and status', (lang) => {
    const assessment = makeAssessment();
    const text = allText(approvalCard({ ...base(lang), viewerIsApprover: true }));
    const sv = lang === 'sv';
    expect(text).toContain(sv ? 'Utredningssamtal med vuxen' : 'Investigation interview with an adult');
    expect(text).toContain(sv ? 'tisdag 16 juni 2026 kl. 10:00' : 'Tuesday, 16 June 2026 at 10:00');
    expect(text).toContain('Microsoft Teams');
    expect(text).toContain(sv ? 'Digitalt möte är tillåtet genom ett beslut om avsteg.' : 'A digital meeting is allowed under a deviation decision.');
    for (const reason of assessment.verdict.reasons) {
      expect(text).toContain(reason.text[lang]);
      expect(text).toContain(reason.source);
    }
    expect(assessment.verdict.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['deviation-applies', 'risk-analysis-overdue', 'identity-required', 'verify-identity-separately', 'co-approval-required']));
    expect(text).toContain(sv ? 'BankID, Freja eID Plus, SITHS eID' : 'BankID, Freja eID Plus, SITHS eID');
    expect(text).toContain(sv ? 'Tjänsten kontrollerar inte identiteten' : 'The service does not verify identity');
    for (const item of assessment.verdict.checklist) expect(text).toContain(item.text[lang]);
    expect(text).toContain('SN 2026/117 (exempel)');
    expect(text).toContain(sv ? '29 september 2026' : '29 September 2026');
    for (const c of assessment.verdict.deviation!.conditions) expect(text).toContain(c[lang]);
    expect(text).toContain(NAMES.caseworker);
    expect(text).toContain(NAMES.approver);
    expect(text).toContain(sv ? 'Väntar på godkännande' : 'Awaiting approval');
  });

  it('gives the date in Stockholm time in winter too', () => {
    const text = allText(approvalCard({ ...base('sv'), assessment: makeAssessment({ start: '2026-12-01T09:00:00Z' }) }));
    expect(text).toContain('tisdag 1 december 2026 kl. 10:00');
  });

  it('a reminder says so and keeps the buttons', () => {
    const card = approvalCard({ ...base('en'), viewerIsApprover: true, reminder: true });
    expect(allText(card)).toContain('Reminder: assessment for your approval');
    expect(actions(card).map((a) => a.verb ?? a.type)).toEqual(['approve', 'Action.ShowCard', 'reject']);
  });

  it('says when the meeting start has already passed', () => {
    expect(allText(approvalCard({ ...base('sv'), now: '2026-06-16T08:30:00Z' }))).toContain('Mötets starttid har passerat.');
    expect(allText(approvalCard({ ...base('sv'), now: NOW }))).not.toContain('Mötets starttid har passerat.');
  });
});

describe('approval card: after a decision, for a stale revision, and when refused', () => {
  it.each(LANGS)('%s: the outcome shows who decided, when and the comment, to everyone, with no buttons and no refresh', (lang) => {
    const card = approvalCard({
      ...base(lang), viewerIsApprover: true,
      assessment: decided('rejected', 'Välj den e-legitimerade tjänsten i stället.'),
      names: { caseworker: NAMES.caseworker, decidedBy: NAMES.standIn },
    });
    expect(actions(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
    const text = allText(card);
    expect(text).toContain(lang === 'sv' ? 'Avslagen av ' : 'Rejected by ');
    expect(text).toContain(NAMES.standIn);
    expect(text).toContain(lang === 'sv' ? ' den 10 juni 2026 kl. 15:45' : ' on 10 Jun 2026 15:45');
    expect(text).toContain('Välj den e-legitimerade tjänsten i stället.');
  });

  it('an approval without a comment shows no comment line', () => {
    const text = allText(approvalCard({ ...base('sv'), assessment: decided('approved'), names: { caseworker: NAMES.caseworker, decidedBy: NAMES.approver } }));
    expect(text).toContain('Godkänd av ');
    expect(text).not.toContain('Kommentar: ');
  });

  it.each(LANGS)('%s: a stale revision says which revision the approver saw and shows the current one, whose buttons carry the current revision', (lang) => {
    const card = approvalCard({ ...base(lang), viewerIsApprover: true, assessment: makeAssessment({ revision: 5 }), seenRevision: 3 });
    const text = allText(card);
    expect(text).toContain(lang === 'sv' ? 'Kortet du svarade på gällde version ' : 'The card you answered showed revision ');
    expect(texts(card, 'TextRun')).toEqual(expect.arrayContaining(['3', '5']));
    for (const a of actions(card).filter((x) => x.type === 'Action.Execute')) expect(a.data).toEqual({ assessmentId: 'asmt-0001', revision: 5 });
    expect(card.refresh?.action.data).toEqual({ assessmentId: 'asmt-0001', revision: 5 });
  });

  it('the current revision shows no stale notice', () => {
    expect(allText(approvalCard({ ...base('sv'), seenRevision: 2 }))).not.toContain('Kortet du svarade på');
  });

  it('an already-decided card says so and has no buttons, even for the approver', () => {
    const card = approvalCard({ ...base('sv'), viewerIsApprover: true, assessment: decided('approved'), names: { caseworker: NAMES.caseworker, decidedBy: NAMES.approver }, refusal: 'already-decided' });
    expect(actions(card)).toEqual([]);
    expect(allText(card)).toContain('Bedömningen är redan beslutad och kan inte beslutas igen.');
  });

  it.each([
    ['not-approver', 'Du är inte utsedd att godkänna den här bedömningen.'],
    ['own-assessment', 'Du kan inte godkänna din egen bedömning.'],
  ] as const)('a refusal for %s has no buttons even while awaiting approval', (refusal, text) => {
    const card = approvalCard({ ...base('sv'), viewerIsApprover: true, refusal });
    expect(actions(card)).toEqual([]);
    expect(allText(card)).toContain(text);
  });

  it.each([
    ['draft', 'Handläggaren ändrar bedömningen.'],
    ['withdrawn', 'Handläggaren har återkallat bedömningen.'],
    ['needs-recheck', 'Bedömningen måste göras om'],
    ['ready', 'Inget godkännande krävs'],
  ] as const)('status %s: explained, no buttons, no refresh', (status, text) => {
    const card = approvalCard({ ...base('sv'), viewerIsApprover: true, assessment: makeAssessment({ status }) });
    expect(actions(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
    expect(allText(card)).toContain(text);
  });

  it('a physical meeting says the caseworker chose it and shows no digital checklist', () => {
    const assessment = makeAssessment({ mode: 'physical', meetingTypeId: 'skyddsbedomning-barn', needs: [] });
    const text = allText(approvalCard({ ...base('sv'), assessment }));
    expect(text).toContain('Fysiskt möte');
    expect(text).toContain('Handläggaren har valt ett fysiskt möte.');
    expect(text).not.toContain('Checklista inför mötet');
    expect(text).toContain('Skyddsbedömning gällande barn');
  });

  it('a recurring series shows its first and last occurrence', () => {
    const text = allText(approvalCard({ ...base('en'), assessment: makeAssessment({ seriesEnd: '2026-09-01T08:00:00Z' }) }));
    expect(text).toContain('First occurrence: ');
    expect(text).toContain('Tuesday, 1 September 2026 at 10:00');
  });
});

describe('privacy and escaping', () => {
  it.each(LANGS)('%s: no card carries the organizer, the meeting reference, confirmations or need ids', (lang) => {
    for (const { name, card } of scenarios(lang)) {
      const json = JSON.stringify(card);
      for (const secret of Object.values(SECRETS)) expect({ name, leaked: json.includes(secret) }).toEqual({ name, leaked: false });
      for (const need of ['ny-motpart', 'barn-deltar']) expect({ name, need, leaked: json.includes(need) }).toEqual({ name, need, leaked: false });
    }
  });

  it('text from records is only ever in TextRuns, which are not Markdown, and host functions and templates are neutralised', () => {
    const hostile = hostilePolicy();
    const card = approvalCard({
      ...base('sv'),
      policy: hostile,
      assessment: decided('rejected', `Nej. ${HOSTILE_TEXT}`, { policy: hostile }),
      names: { caseworker: `Kim ${HOSTILE_TEXT}`, approver: `Alex ${HOSTILE_TEXT}`, decidedBy: `Robin ${HOSTILE_TEXT}` },
    });
    for (const t of texts(card, 'TextBlock')) for (const h of Object.values(HOSTILE)) expect(t).not.toContain(h.slice(0, 6));
    const runs = texts(card, 'TextRun').join('\n');
    expect(runs).toContain(HOSTILE.markdown);
    expect(runs).toContain(HOSTILE.html);
    expect(runs).toContain('1. första\n- punkt');
    expect(runs).not.toContain('{{DATE(');
    expect(runs).not.toContain('${');
    expect(runs).toContain('{\u200b{DATE(2026-06-16T08:00:00Z, SHORT)}}');
    expect(runs).toContain('$\u200b{$root.secret}');
    expect(JSON.stringify(card)).not.toMatch(/\$\{|\{\{/);
  });

  it('literal keeps line breaks, drops other control characters and leaves ordinary text alone', () => {
    expect(literal('a\r\nb\u0007c\td')).toBe('a\nbcd');
    expect(literal('Kontrollera identiteten (nivå 3) – SN 2026/117.')).toBe('Kontrollera identiteten (nivå 3) – SN 2026/117.');
    expect(literal('{{TIME(2026-06-16T08:00:00Z)}} ${x}')).toBe('{\u200b{TIME(2026-06-16T08:00:00Z)}} $\u200b{x}');
  });
});

describe('the invoke payload', () => {
  const value = (verb: string, data: unknown) => ({ action: { type: 'Action.Execute', verb, data }, trigger: 'manual' });

  it('reads approve, reject with its comment, and refresh', () => {
    expect(parseApprovalAction(value('approve', { assessmentId: 'asmt-0001', revision: 2 }))).toEqual({ verb: 'approve', assessmentId: 'asmt-0001', revision: 2 });
    expect(parseApprovalAction(value('reject', { assessmentId: 'asmt-0001', revision: 2, comment: '  Välj en annan tjänst. ' })))
      .toEqual({ verb: 'reject', assessmentId: 'asmt-0001', revision: 2, comment: 'Välj en annan tjänst.' });
    expect(parseApprovalAction(value('refresh', { assessmentId: 'asmt-0001', revision: 2, comment: '   ' }))).toEqual({ verb: 'refresh', assessmentId: 'asmt-0001', revision: 2 });
  });

  it.each([
    ['no action', {}],
    ['Action.Submit', { action: { type: 'Action.Submit', verb: 'approve', data: { assessmentId: 'a', revision: 1 } } }],
    ['an unknown verb', value('delete', { assessmentId: 'a', revision: 1 })],
    ['no data', value('approve', undefined)],
    ['an empty id', value('approve', { assessmentId: '', revision: 1 })],
    ['a revision as text', value('approve', { assessmentId: 'a', revision: '1' })],
    ['a fractional revision', value('approve', { assessmentId: 'a', revision: 1.5 })],
    ['a comment that is not text', value('reject', { assessmentId: 'a', revision: 1, comment: { x: 1 } })],
  ])('refuses %s', (_name, v) => {
    expect(parseApprovalAction(v)).toBeNull();
  });

  it('what the card sends is what the parser reads', () => {
    const card = approvalCard({ ...base('sv'), viewerIsApprover: true });
    for (const a of actions(card).filter((x) => x.type === 'Action.Execute')) {
      const parsed = parseApprovalAction({ action: { ...a, data: { ...(a.data as object), comment: 'Nej.' } } });
      expect(parsed).toMatchObject({ verb: a.verb, assessmentId: 'asmt-0001', revision: 2 });
    }
  });
});

describe('the caseworker\'s cards', () => {
  it.each(LANGS)('%s: the outcome notification says who decided, when, the comment and what to do after a rejection', (lang) => {
    const rejected = outcomeNotificationCard({ assessment: decided('rejected', 'Välj en annan tjänst.'), policy: POLICY, names: { decidedBy: NAMES.approver }, lang });
    const text = allText(rejected);
    expect(text).toContain(lang === 'sv' ? 'Din bedömning har avslagits' : 'Your assessment was rejected');
    expect(text).toContain(NAMES.approver);
    expect(text).toContain('Välj en annan tjänst.');
    expect(text).toContain(lang === 'sv' ? 'lämna in bedömningen igen' : 'submit the assessment again');
    const approved = outcomeNotificationCard({ assessment: decided('approved'), policy: POLICY, names: { decidedBy: NAMES.approver }, lang, openUrl: 'https://motescheck.example.se/x' });
    expect(allText(approved)).toContain(lang === 'sv' ? 'Din bedömning är godkänd' : 'Your assessment was approved');
    expect(approved.actions).toEqual([{ type: 'Action.OpenUrl', title: lang === 'sv' ? 'Öppna i Mötescheck' : 'Open in Mötescheck', url: 'https://motescheck.example.se/x' }]);
  });

  it('refuses to notify an outcome that does not exist', () => {
    expect(() => outcomeNotificationCard({ assessment: makeAssessment(), policy: POLICY, names: {}, lang: 'sv' })).toThrow(/no decision/);
  });

  it('needs-recheck says why when known and what to do', () => {
    const text = allText(needsRecheckCard({ assessment: makeAssessment({ status: 'needs-recheck' }), policy: POLICY, lang: 'sv', cause: 'deviation-expired' }));
    expect(text).toContain('Din bedömning behöver göras om');
    expect(text).toContain('Beslutet om avsteg som bedömningen byggde på gäller inte längre.');
    expect(text).toContain('gör om kontrollen');
    const withoutCause = allText(needsRecheckCard({ assessment: makeAssessment({ status: 'needs-recheck' }), policy: POLICY, lang: 'en' }));
    expect(withoutCause).toContain('Open the meeting in Outlook or Teams and redo the check');
  });

  it('the warning names the approver who has not decided', () => {
    const text = allText(pendingWarningCard({ assessment: makeAssessment(), policy: POLICY, names: { approver: NAMES.approver }, lang: 'sv' }));
    expect(text).toContain('Mötet börjar snart och bedömningen väntar fortfarande på godkännande.');
    expect(text).toContain(NAMES.approver);
  });

  it('"mina" lists open assessments soonest first with status, leaving out withdrawn and past ones', () => {
    const card = myAssessmentsCard({
      lang: 'sv', now: NOW,
      items: [
        { assessment: makeAssessment({ id: 'late', start: '2026-06-30T08:00:00Z', meetingTypeId: 'samverkansmote', needs: [] }), policy: POLICY },
        { assessment: makeAssessment({ id: 'soon', status: 'approved', start: '2026-06-11T08:00:00Z', meetingTypeId: 'uppfoljningssamtal', needs: [] }), policy: POLICY },
        { assessment: makeAssessment({ id: 'gone', status: 'withdrawn', meetingTypeId: 'informationsmote' }), policy: POLICY },
        { assessment: makeAssessment({ id: 'past', start: '2026-06-01T08:00:00Z', meetingTypeId: 'utredningssamtal-barn' }), policy: POLICY },
        { assessment: makeAssessment({ id: 'series', start: '2026-06-01T08:00:00Z', seriesEnd: '2026-07-01T08:00:00Z', meetingTypeId: 'uppfoljning-placering', needs: [] }), policy: POLICY },
      ],
    });
    const labels = texts(card, 'TextRun').filter((t) => POLICY.meetingTypes.some((m) => m.label.sv === t));
    expect(labels).toEqual(['Uppföljningssamtal vid placering i familjehem eller HVB', 'Uppföljningssamtal', 'Samverkansmöte (skola, Arbetsförmedlingen, Försäkringskassan, hälso- och sjukvård)']);
    expect(allText(card)).toContain('Godkänd');
  });

  it('"mina" counts what does not fit, and says when nothing is open', () => {
    const items = [1, 2, 3].map((n) => ({ assessment: makeAssessment({ id: `a${n}` }), policy: POLICY }));
    expect(texts(myAssessmentsCard({ lang: 'sv', now: NOW, items, max: 2 }), 'TextRun')).toEqual(expect.arrayContaining(['Ytterligare ', '1']));
    expect(allText(myAssessmentsCard({ lang: 'en', now: NOW, items: [] }))).toContain('You have no open assessments.');
  });
});

describe('the manager\'s pending list', () => {
  it('one approval card with buttons per assessment awaiting approval, soonest first', () => {
    const cards = pendingListCards({
      lang: 'sv', now: NOW,
      items: [
        { assessment: makeAssessment({ id: 'b', start: '2026-06-20T08:00:00Z' }), policy: POLICY, names: { caseworker: NAMES.caseworker }, approverUserIds: APPROVER_USER_IDS },
        { assessment: makeAssessment({ id: 'done', status: 'approved' }), policy: POLICY, names: { caseworker: NAMES.caseworker } },
        { assessment: makeAssessment({ id: 'a', start: '2026-06-12T08:00:00Z' }), policy: POLICY, names: { caseworker: NAMES.caseworker } },
      ],
    });
    expect(cards.map((c) => (c.refresh?.action.data as { assessmentId: string }).assessmentId)).toEqual(['a', 'b']);
    for (const c of cards) expect(actions(c).map((a) => a.verb ?? a.type)).toEqual(['approve', 'Action.ShowCard', 'reject']);
    expect(cards[1]!.refresh?.userIds).toEqual(APPROVER_USER_IDS);
  });

  it('caps the answer and counts the rest on a closing card; says when nothing waits', () => {
    const items = [1, 2, 3, 4].map((n) => ({ assessment: makeAssessment({ id: `a${n}` }), policy: POLICY, names: { caseworker: NAMES.caseworker } }));
    const cards = pendingListCards({ lang: 'en', items, max: 3 });
    expect(cards).toHaveLength(4);
    expect(texts(cards[3]!, 'TextRun')).toEqual(['A further ', '1', ' are awaiting your approval. Open the For approval tab to see them all.']);
    expect(allText(pendingListCards({ lang: 'sv', items: [] })[0]!)).toContain('Inga bedömningar väntar på ditt godkännande.');
  });
});
