// "The on-send decision allows / blocks": the pure decision (src/web/outlook/onsend/decide.ts) fed as
// Outlook's handler would feed it when the user presses Send on the standalone item.
//
// How the inputs are obtained: the standalone host keeps the custom properties and roaming settings the
// pane wrote in the page's memory (StandaloneItem, standaloneHost.tsx) and does not expose them to the
// page or the test. So the record is derived in Node, exactly as the pane derives it, from the server's
// assessment: `customPropertiesFor` (taskpane/onsendBridge.ts → `onSendRecordFor` + the 2,500-character
// encoder) on GET /api/assessments/:id and the published policy, then decoded with the handler's own
// `decodeOnSendRecord`; the roaming settings likewise (`onSendSettingsFor` → `decodeOnSendSettings`). The
// item facts (links, attendees, start) are read from the standalone appointment form in the browser.
// For a check awaiting approval the handler asks the server once: GET /api/assessments/:id/status.
import type { Page } from 'playwright-core';
import type { Assessment, PublishedPolicy } from '../../src/api/contract';
import { decideOnSend, statusToRefresh, type ItemFacts, type OnSendDecision, type OnSendInput } from '../../src/web/outlook/onsend/decide';
import {
  CUSTOM_PROPERTY_KEY, decodeOnSendRecord, decodeOnSendSettings, decodeStatusSummary, extractLinks, ROAMING_SETTINGS_KEY,
} from '../../src/web/outlook/onsend/format';
import { customPropertiesFor, onSendSettingsFor } from '../../src/web/outlook/taskpane/onsendBridge';
import type { Product } from './env';

/** The standalone appointment's organizer (standaloneHost.tsx `initialAppointment`). */
const ORGANIZER = 'handlaggare@exempelkommun.se';

/** What the item in the standalone form carries now, as the handler reads it from Office.js. */
export async function itemFacts(page: Page): Promise<ItemFacts> {
  const read = await page.evaluate(() => {
    const byLabel = (text: string) => {
      const label = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim().startsWith(text));
      const control = label?.htmlFor ? document.getElementById(label.htmlFor) as HTMLInputElement | HTMLTextAreaElement | null : null;
      return control?.value ?? '';
    };
    const start = byLabel('Start');
    return {
      attendees: byLabel('Deltagare') || byLabel('Attendees'),
      location: byLabel('Plats') || byLabel('Location'),
      body: byLabel('Inbjudan') || byLabel('Invitation'),
      // datetime-local is in the browser's zone (Europe/Stockholm): the browser turns it into an instant.
      start: start ? new Date(start).toISOString() : null,
    };
  });
  return {
    links: extractLinks(read.body, read.location),
    attendees: read.attendees.split(/[,;\n]/).map((a) => a.trim()).filter(Boolean),
    userEmail: ORGANIZER,
    start: read.start,
  };
}

export interface OnSendResult { decision: OnSendDecision; input: OnSendInput }

/** The handler's decision for the item, with the check `assessmentId` in its custom properties (or none). */
export async function onSendDecision(product: Product, item: ItemFacts, assessmentId: string | null, user = 'caseworker'): Promise<OnSendResult> {
  const published = await product.api<PublishedPolicy>('GET', '/api/policy', user);
  if (published.status !== 200) throw new Error(`GET /api/policy: ${published.status}`);
  const settings = decodeOnSendSettings(onSendSettingsFor(published.body.policy, published.body.hash)[ROAMING_SETTINGS_KEY]);
  let record = null;
  if (assessmentId) {
    const a = await product.api<Assessment>('GET', `/api/assessments/${assessmentId}`, user);
    if (a.status !== 200) throw new Error(`GET /api/assessments/${assessmentId}: ${a.status}`);
    record = decodeOnSendRecord(customPropertiesFor(published.body.policy, a.body)[CUSTOM_PROPERTY_KEY]);
  }
  const input: OnSendInput = { lang: 'sv', item, record, settings };
  const ask = statusToRefresh(input);
  if (ask) {
    const status = await product.api('GET', `/api/assessments/${ask.assessmentId}/status`, user);
    input.refreshed = status.status === 200 ? decodeStatusSummary(status.body) : 'unreachable';
  }
  return { decision: decideOnSend(input), input };
}
