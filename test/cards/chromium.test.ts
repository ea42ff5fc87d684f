// The cards rendered by adaptivecards in a real browser (Chromium, no shims): they render without
// errors and read right in both languages, and the approval card's buttons hand the host the invoke
// data the bot expects.
import type { Browser } from 'playwright-core';
import { approvalCard, reviewReminderCard, uncheckedMeetingCard } from '../../src/cards';
import type { Lang } from '../../src/policy';
import { launchChromium, renderInChromium } from './chromium';
import { APPROVER_USER_IDS, decided, EVENT_URL, FINDING, makeAssessment, NAMES, NOW, POLICY, REMINDERS, SETTINGS_URL } from './fixtures';

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

describe.each(['sv', 'en'] as const)('the review reminder and unchecked meeting cards in Chromium (%s)', (lang) => {
  const sv = lang === 'sv';

  it('the review reminder renders without errors, with each reminder and the link to Inställningar', async () => {
    const card = reviewReminderCard({ reminders: REMINDERS, policy: POLICY, lang, newKeys: ['deviation-expiry:avsteg-teams-utredning'], openUrl: SETTINGS_URL });
    const { page, errors } = await renderInChromium(browser, card);
    const text = await page.locator('#frame').innerText();
    for (const t of sv
      ? ['Dags att se över säkerhetsåtgärder', 'Översynen är försenad', 'för 12 dagar sedan', 'Avsteget upphör snart · Ny', 'Publicera sedan en ny version av policyn']
      : ['Security measures due for review', 'Review overdue', '12 days ago', 'Deviation expiring soon · New', 'Then publish a new version of the policy']) expect(text).toContain(t);
    expect(await page.getByRole('heading').allInnerTexts()).toEqual([sv ? 'Dags att se över säkerhetsåtgärder' : 'Security measures due for review']);
    // The renderer gives an Action.OpenUrl the role of a link: it navigates.
    expect(await page.getByRole('link').allInnerTexts()).toEqual([sv ? 'Öppna Inställningar' : 'Open Settings']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the unchecked meeting card renders without errors, for the caseworker with the link to the meeting and for the manager without', async () => {
    const mine = await renderInChromium(browser, uncheckedMeetingCard({ finding: FINDING, audience: 'caseworker', names: {}, lang, eventUrl: EVENT_URL }));
    expect(await mine.page.locator('#frame').innerText()).toContain(sv ? 'tisdag 16 juni 2026 kl. 10:00' : 'Tuesday, 16 June 2026 at 10:00');
    expect(await mine.page.getByRole('link').allInnerTexts()).toEqual([sv ? 'Öppna mötet i Outlook' : 'Open the meeting in Outlook']);
    expect(mine.errors).toEqual([]);
    await mine.page.context().close();

    const manager = await renderInChromium(browser, uncheckedMeetingCard({ finding: FINDING, audience: 'manager', names: { caseworker: NAMES.caseworker }, lang, eventUrl: EVENT_URL }));
    expect(await manager.page.locator('#frame').innerText()).toContain(sv ? 'Kim Exempelssons möte' : "Kim Exempelsson's meeting");
    expect(await manager.page.getByRole('link').count()).toBe(0);
    expect(await manager.page.getByRole('button').count()).toBe(0);
    expect(manager.errors).toEqual([]);
    await manager.page.context().close();
  });
});
