// The Graph calls Mötescheck makes, each with the least data it needs: an approver's manager, staff
// display names for cards, the app's catalog id, installing the app for a user and finding its chat,
// and the one fixed-name open extension on the organizer's event.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Chat, TeamsApp, TeamsAppInstallation, User } from '@microsoft/microsoft-graph-types';
import { graphFailure } from './client';

/** The open extension's one fixed name (each is a MAPI named property on the mailbox: one per app). */
export const EXTENSION_NAME = 'se.motescheck.check';

/** Everything the extension holds: no subject, body, attendees or anything about the client. */
export interface EventExtensionData { assessmentId: string; revision: number; status: 'approved' | 'rejected'; decidedAt: string }

export interface Directory {
  /** The user's manager's object id, or null when the directory names none. */
  manager(oid: string): Promise<string | null>;
  /** A staff member's display name for a card; the object id when the directory does not know it. */
  displayName(oid: string): Promise<string>;
}

const seg = (s: string) => encodeURIComponent(s);

interface Cached<T> { value: T; until: number }

export class GraphDirectory implements Directory {
  private readonly names = new Map<string, Cached<string>>();
  private readonly managers = new Map<string, Cached<string | null>>();
  private catalogId: string | undefined;

  constructor(private readonly client: Client, private readonly options: { baseUrl: string; cacheSeconds?: number }) {}

  private ttl(): number {
    return Date.now() + (this.options.cacheSeconds ?? 300) * 1000;
  }

  async manager(oid: string): Promise<string | null> {
    const hit = this.managers.get(oid);
    if (hit && hit.until > Date.now()) return hit.value;
    let value: string | null;
    try {
      const m = (await this.client.api(`/users/${seg(oid)}/manager`).select('id').get()) as { id?: string };
      value = m.id ?? null;
    } catch (err) {
      // Graph answers 404 when the user has no manager.
      if (graphFailure(err).status !== 404) throw err;
      value = null;
    }
    this.managers.set(oid, { value, until: this.ttl() });
    return value;
  }

  async displayName(oid: string): Promise<string> {
    const hit = this.names.get(oid);
    if (hit && hit.until > Date.now()) return hit.value;
    let value: string;
    try {
      const u = (await this.client.api(`/users/${seg(oid)}`).select('displayName').get()) as Pick<User, 'displayName'>;
      value = u.displayName ?? oid;
    } catch {
      // A name is a courtesy on a card: the card (and the decision behind it) must not fail for it.
      return oid;
    }
    this.names.set(oid, { value, until: this.ttl() });
    return value;
  }

  /** The app's id in the organisation's catalog, found by the manifest id (externalId). */
  async teamsAppCatalogId(externalId: string): Promise<string> {
    if (this.catalogId) return this.catalogId;
    const res = (await this.client.api('/appCatalogs/teamsApps').filter(`externalId eq '${externalId.replace(/'/g, "''")}'`).get()) as { value: TeamsApp[] };
    const id = res.value[0]?.id;
    if (!id) throw new Error(`the Teams app ${externalId} is not in the organisation's app catalog: upload the manifest (see docs/approvals.md)`);
    this.catalogId = id;
    return id;
  }

  /**
   * The join URL of the online meeting a Teams chat belongs to (GET /chats/{id}: onlineMeetingInfo), or
   * null when the chat is not a meeting's, or Graph does not let us read it. Only the URL is kept.
   */
  async meetingJoinUrl(chatId: string): Promise<string | null> {
    try {
      const chat = (await this.client.api(`/chats/${seg(chatId)}`).get()) as Pick<Chat, 'onlineMeetingInfo'>;
      return chat.onlineMeetingInfo?.joinWebUrl ?? null;
    } catch (err) {
      const status = graphFailure(err).status;
      if (status === 404 || status === 403) return null;
      throw err;
    }
  }

  /** Installs the app in the user's personal scope (already installed is fine) and returns the 1:1 chat's id. */
  async personalChat(oid: string, catalogId: string): Promise<string> {
    try {
      await this.client.api(`/users/${seg(oid)}/teamwork/installedApps`).post({ 'teamsApp@odata.bind': `${this.options.baseUrl}/v1.0/appCatalogs/teamsApps/${catalogId}` });
    } catch (err) {
      if (graphFailure(err).status !== 409) throw err;
    }
    const installed = (await this.client.api(`/users/${seg(oid)}/teamwork/installedApps`).expand('teamsApp').filter(`teamsApp/id eq '${catalogId}'`).get()) as { value: TeamsAppInstallation[] };
    const installation = installed.value[0]?.id;
    if (!installation) throw new Error(`the app was installed for ${oid} but its installation is not listed yet`);
    const chat = (await this.client.api(`/users/${seg(oid)}/teamwork/installedApps/${seg(installation)}/chat`).get()) as Pick<Chat, 'id'>;
    if (!chat.id) throw new Error(`no chat for the app installation of ${oid}`);
    return chat.id;
  }

  /** Creates the extension on the event, or updates it when it exists (`exists` from our records, or a 409). */
  async writeEventExtension(organizer: string, eventId: string, data: EventExtensionData, exists: boolean): Promise<'created' | 'updated'> {
    const base = `/users/${seg(organizer)}/events/${seg(eventId)}/extensions`;
    const body = { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: EXTENSION_NAME, ...data };
    if (!exists) {
      try {
        await this.client.api(base).post(body);
        return 'created';
      } catch (err) {
        if (graphFailure(err).status !== 409) throw err;
      }
    }
    await this.client.api(`${base}/${EXTENSION_NAME}`).patch(body);
    return 'updated';
  }
}
