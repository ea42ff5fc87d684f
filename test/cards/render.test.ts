/**
 * @jest-environment jsdom
 */
// Each card rendered to HTML by the official adaptivecards renderer (the UMD bundle, as jest.config.js
// maps it) with a Teams-like host config: a snapshot per card and language, and what a reader must see.
import { TextDecoder, TextEncoder } from 'node:util';
import type { Lang } from '../../src/policy';
import { approvalCard } from '../../src/cards';
import * as AC from 'adaptivecards';
import { installInnerTextPolyfill, installMarkdownLikeTeams, renderCard, renderCardObject, stableHtml } from './harness';
import { APPROVER_USER_IDS, HOSTILE, makeAssessment, NAMES, NOW, POLICY } from './fixtures';
import { scenarios } from './scenarios';

// jsdom's window has no TextEncoder; the policy core hashes policies with it (fixtures evaluate verdicts).
Object.assign(globalThis, { TextEncoder, TextDecoder });
beforeAll(() => {
  installInnerTextPolyfill();
  installMarkdownLikeTeams();
});

const LANGS: Lang[] = ['sv', 'en'];
const visible = (el: HTMLElement) => (el.textContent ?? '').replace(/\s+/g, ' ');

describe.each(LANGS)('rendered by adaptivecards (%s)', (lang) => {
  it.each(scenarios(lang).map((s) => [s.name, s.card] as const))('%s', (_name, card) => {
    const el = renderCard(card);
    expect(visible(el).length).toBeGreaterThan(20);
    expect(stableHtml(el)).toMatchSnapshot();
  });
});

describe('what the approver sees', () => {
  const view = (lang: Lang) => renderCard(approvalCard({
    assessment: makeAssessment(), policy: POLICY, names: { caseworker: NAMES.caseworker, approver: NAMES.approver },
    lang, approverUserIds: APPROVER_USER_IDS, now: NOW, viewerIsApprover: true,
  }));

  it.each([
    ['sv', ['Bedömning att godkänna', 'Utredningssamtal med vuxen', 'tisdag 16 juni 2026 kl. 10:00', 'Digitalt möte via Microsoft Teams', 'Digitalt möte är tillåtet genom ett beslut om avsteg.', 'Varning: ', 'Källa: ', 'Identitetskontroll', 'Checklista inför mötet', 'SN 2026/117 (exempel)', 'Kim Exempelsson']],
    ['en', ['Assessment for your approval', 'Investigation interview with an adult', 'Tuesday, 16 June 2026 at 10:00', 'Digital meeting via Microsoft Teams', 'A digital meeting is allowed under a deviation decision.', 'Warning: ', 'Source: ', 'Identity verification', 'Checklist before the meeting', 'SN 2026/117 (exempel)', 'Kim Exempelsson']],
  ] as const)('%s: the key texts are rendered', (lang, expected) => {
    const text = visible(view(lang));
    for (const t of expected) expect(text).toContain(t);
  });

  it.each([['sv', ['Godkänn', 'Avslå …', 'Avslå']], ['en', ['Approve', 'Reject …', 'Reject']]] as const)('%s: the buttons are rendered and the labelled comment field is limited and required before Avslå sends', (lang, titles) => {
    const { card, element: el } = renderCardObject(approvalCard({
      assessment: makeAssessment(), policy: POLICY, names: { caseworker: NAMES.caseworker }, lang, approverUserIds: APPROVER_USER_IDS, viewerIsApprover: true,
    }));
    const executed: { verb: string; data: unknown }[] = [];
    card.onExecuteAction = (action) => {
      if (action instanceof AC.ExecuteAction) executed.push({ verb: action.verb, data: action.data });
    };
    document.body.replaceChildren(el);
    const button = (title: string) => Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === title)!;
    expect(Array.from(el.querySelectorAll('button')).map((b) => b.textContent?.trim())).toEqual([titles[0], titles[1]]);

    button(titles[1]).click();
    expect(Array.from(el.querySelectorAll('button')).map((b) => b.textContent?.trim())).toEqual([...titles]);
    const textarea = el.querySelector('textarea')!;
    expect(textarea.maxLength).toBe(500);
    const label = el.querySelector(`label[for="${textarea.id}"]`);
    expect(label?.textContent).toBe(`${lang === 'sv' ? 'Motivering till avslaget' : 'Reason for rejecting'} *`);

    button(titles[2]).click();
    expect(executed).toEqual([]);
    textarea.value = 'Välj den e-legitimerade tjänsten.';
    textarea.dispatchEvent(new Event('input'));
    button(titles[2]).click();
    button(titles[0]).click();
    expect(executed).toEqual([
      { verb: 'reject', data: { assessmentId: 'asmt-0001', revision: 2, comment: 'Välj den e-legitimerade tjänsten.' } },
      { verb: 'approve', data: { assessmentId: 'asmt-0001', revision: 2 } },
    ]);
  });

  it('anyone else gets no button at all', () => {
    const el = renderCard(approvalCard({ assessment: makeAssessment(), policy: POLICY, names: { caseworker: NAMES.caseworker }, lang: 'sv', approverUserIds: APPROVER_USER_IDS }));
    expect(el.querySelectorAll('button')).toHaveLength(0);
  });
});

describe('hostile record text renders as typed', () => {
  it('our own Markdown-like processor does run on TextBlocks, so the check below means something', () => {
    const el = renderCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: HOSTILE.markdown }] });
    expect(el.querySelector('a')?.getAttribute('href')).toBe('https://evil.example/phish');
    expect(el.querySelector('strong')?.textContent).toBe('fet');
  });

  it('shows Markdown, HTML and link syntax literally: no link, no bold, no script element', () => {
    const card = scenarios('sv').find((s) => s.name === 'hostile record text')!.card;
    const el = renderCard(card);
    const text = el.textContent ?? '';
    expect(text).toContain(HOSTILE.markdown);
    expect(text).toContain(HOSTILE.html);
    expect(text).toContain('{\u200b{DATE(2026-06-16T08:00:00Z, SHORT)}}');
    expect(el.querySelector('a, b, strong, em, script')).toBeNull();
  });
});
