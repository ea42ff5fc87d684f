// The one place where the task pane meets the on-send handler's formats (src/web/outlook/onsend/format.ts):
// the roaming settings it keeps fresh, the custom properties it writes after every server answer, and
// the recognition of the service from the item's meeting link.
import type { Assessment } from '../../../api/contract';
import type { Policy } from '../../../policy/types';
import type { LinkRecognition } from '../../shared/components/AssessmentForm';
import type { LinkSources } from './host';
import {
  CUSTOM_PROPERTY_KEY, decodeOnSendRecord, encodeCustomProperties, encodeRoamingSettings, extractLinks, meetingLinks,
  onSendRecordFor, onSendSettingsFor as settingsFor, recogniseServiceId,
} from '../onsend/format';

export function onSendSettingsFor(policy: Policy, policyVersion: string | null = null): Record<string, string> {
  return encodeRoamingSettings(settingsFor(policy, policyVersion));
}

/** The service the item's online-meeting link names; the link itself stays in the page (only its hash leaves). */
export function recogniseService(policy: Policy, sources: LinkSources): { link: LinkRecognition; joinUrl: string | null } {
  const catalog = policy.services.flatMap((s) => s.meetingLinkPatterns ?? []);
  const links = meetingLinks(extractLinks(sources.bodyHtml, sources.location), catalog);
  if (links.length === 0) return { link: { kind: 'no-link' }, joinUrl: null };
  const serviceId = recogniseServiceId(links, policy.services);
  return { link: serviceId ? { kind: 'recognised', serviceId } : { kind: 'unrecognised' }, joinUrl: links[0]! };
}

/** The assessment named in the item's custom properties; a record that cannot be read counts as none. */
export function assessmentIdFromProperties(properties: Record<string, unknown>): string | null {
  try {
    return decodeOnSendRecord(properties[CUSTOM_PROPERTY_KEY])?.assessmentId ?? null;
  } catch {
    return null;
  }
}

export function customPropertiesFor(policy: Policy, assessment: Assessment): Record<string, string> {
  return encodeCustomProperties(onSendRecordFor(assessment, policy));
}
