// The approval card rendered by adaptivecards in a real browser (Chromium, no shims): it renders without
// errors, reads right in both languages, and its buttons hand the host the invoke data the bot expects.
import type { Browser } from 'playwright-core';
import { approvalCard } from '../../src/cards';
import type { Lang } from '../../src/policy';
import { launchChromium, renderInChromium } from './chromium';
import { APPROVER_USER_IDS, decided, makeAssessment, NAMES, NOW, POLICY } from './fixtures';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

const input = (lang: Lang) => ({
  assessment: makeAssessment(), policy: POLICY, names: { caseworker: NAMES.caseworker, approver: NAMES.approver },
  lang, approverUserIds: APPROVER_USER_IDS, now: NOW, viewerIsApprover: true,
});

const WORDS = {
  sv: { approve: 'Godkänn', open: 'Avslå …', reject: 'Avslå', label: 'Motivering till avslaget', texts: ['Bedömning att godkänna', 'tisdag 16 juni 2026 kl. 10:00', 'Beslut om avsteg', NAMES.caseworker] },
  en: { approve: 'Approve', open: 'Reject …', reject: 'Reject', label: 'Reason for rejecting', texts: ['Assessment for your approval', 'Tuesday, 16 June 2026 at 10:00', 'Deviation decision', NAMES.caseworker] },
};

describe.each(['sv', 'en'] as const)('the approval card in Chromium (%s)', (lang) => {
  const w = WORDS[lang];

  it('renders without errors and shows the meeting, the verdict and the buttons', async () => {
    const { page, errors } = await renderInChromium(browser, approvalCard(input(lang)));
    const text = await page.locator('#frame').innerText();
    for (const t of w.texts) expect(text).toContain(t);
    expect(await page.getByRole('button').allInnerTexts()).toEqual([w.approve, w.open]);
    const box = await page.locator('#frame').boundingBox();
    expect(box!.height).toBeGreaterThan(600);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Avslå sends nothing without a comment, then sends the comment with the assessment and revision; Godkänn sends no comment', async () => {
    const { page, executed, errors } = await renderInChromium(browser, approvalCard(input(lang)));
    await page.getByRole('button', { name: w.open }).click();
    const comment = page.getByLabel(w.label);
    await expect(comment.getAttribute('maxlength')).resolves.toBe('500');
    await page.getByRole('button', { name: w.reject, exact: true }).click();
    expect(await executed()).toEqual([]);
    await comment.fill('Välj den e-legitimerade tjänsten.');
    await page.getByRole('button', { name: w.reject, exact: true }).click();
    await page.getByRole('button', { name: w.approve }).click();
    expect(await executed()).toEqual([
      { verb: 'reject', data: { assessmentId: 'asmt-0001', revision: 2, comment: 'Välj den e-legitimerade tjänsten.' } },
      { verb: 'approve', data: { assessmentId: 'asmt-0001', revision: 2 } },
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('after a decision the card shows the outcome and has no button', async () => {
    const card = approvalCard({ ...input(lang), assessment: decided('approved', 'OK.'), names: { caseworker: NAMES.caseworker, decidedBy: NAMES.standIn } });
    const { page, errors } = await renderInChromium(browser, card);
    expect(await page.locator('#frame').innerText()).toContain(NAMES.standIn);
    expect(await page.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
