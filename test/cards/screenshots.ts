// Writes the pictures of the cards in docs/cards, rendered by adaptivecards in Chromium:
//   node_modules/.bin/node node_modules/.bin/tsx test/cards/screenshots.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { approvalCard, reviewReminderCard, uncheckedMeetingCard, type AdaptiveCard } from '../../src/cards';
import type { Lang } from '../../src/policy';
import { launchChromium, renderInChromium } from './chromium';
import { APPROVER_USER_IDS, decided, EVENT_URL, FINDING, makeAssessment, NAMES, NOW, POLICY, REMINDERS, SETTINGS_URL } from './fixtures';

const OUT = join(__dirname, '..', '..', 'docs', 'cards');
const REJECT_OPEN: Record<Lang, string> = { sv: 'Avslå …', en: 'Reject …' };

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const lang of ['sv', 'en'] as const) {
      const input = {
        assessment: makeAssessment(), policy: POLICY, names: { caseworker: NAMES.caseworker, approver: NAMES.approver },
        lang, approverUserIds: APPROVER_USER_IDS, now: NOW, viewerIsApprover: true,
      };
      const shots: [string, AdaptiveCard, boolean][] = [
        [`approval-card-${lang}.png`, approvalCard(input), false],
        [`approval-card-reject-${lang}.png`, approvalCard(input), true],
        [`approval-card-decided-${lang}.png`, approvalCard({ ...input, assessment: decided('rejected', lang === 'sv' ? 'Välj den e-legitimerade tjänsten i stället.' : 'Choose the e-ID video service instead.'), names: { caseworker: NAMES.caseworker, decidedBy: NAMES.standIn } }), false],
        [`review-reminder-card-${lang}.png`, reviewReminderCard({ reminders: REMINDERS, policy: POLICY, lang, newKeys: ['deviation-expiry:avsteg-teams-utredning'], openUrl: SETTINGS_URL }), false],
        [`unchecked-meeting-card-${lang}.png`, uncheckedMeetingCard({ finding: FINDING, audience: 'caseworker', names: {}, lang, eventUrl: EVENT_URL }), false],
        [`unchecked-meeting-card-manager-${lang}.png`, uncheckedMeetingCard({ finding: { ...FINDING, problem: 'check-incomplete', assessmentId: 'asmt-0001' }, audience: 'manager', names: { caseworker: NAMES.caseworker }, lang }), false],
      ];
      for (const [file, card, openReject] of shots) {
        const { page, errors } = await renderInChromium(browser, card);
        if (openReject) await page.getByRole('button', { name: REJECT_OPEN[lang] }).click();
        await page.locator('#frame').screenshot({ path: join(OUT, file) });
        if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
        await page.context().close();
        console.log(`wrote docs/cards/${file}`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
