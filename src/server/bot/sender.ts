// Proactive messages: the app is installed for the user through Graph (which also gives the 1:1 chat),
// the user's Teams id is read from the chat's members (for the card's refresh.userIds), and the
// message goes to the Bot Connector through the Teams SDK.
import type { App } from '@microsoft/teams.apps';
import type { AdaptiveCard } from '../../cards';
import type { Clock } from '../deps';
import type { GraphDirectory } from '../graph/directory';
import type { ConversationStore } from './conversations';
import { cardAttachment } from './bot';

export interface Recipient { conversationId: string; teamsUserId: string; locale: string | null }

export class ProactiveSender {
  constructor(
    private readonly app: App,
    private readonly directory: Pick<GraphDirectory, 'teamsAppCatalogId' | 'personalChat'>,
    private readonly conversations: ConversationStore,
    private readonly options: { teamsAppId: string; serviceUrl: string; clock: Clock },
  ) {}

  /** The user's 1:1 chat with the bot, installing the app for them first when we have never talked. */
  async recipient(oid: string): Promise<Recipient> {
    let known = await this.conversations.get(oid);
    if (!known) {
      const catalogId = await this.directory.teamsAppCatalogId(this.options.teamsAppId);
      const conversationId = await this.directory.personalChat(oid, catalogId);
      await this.conversations.remember({ oid, conversationId, serviceUrl: this.options.serviceUrl }, this.options.clock.now());
      known = (await this.conversations.get(oid))!;
    }
    let teamsUserId = known.teams_user_id;
    if (!teamsUserId) {
      teamsUserId = (await this.app.api.conversations.getMemberById(known.conversation_id, oid)).id;
      await this.conversations.remember({ oid, conversationId: known.conversation_id, serviceUrl: known.service_url, teamsUserId }, this.options.clock.now());
    }
    return { conversationId: known.conversation_id, teamsUserId, locale: known.locale };
  }

  async sendCard(conversationId: string, card: AdaptiveCard): Promise<void> {
    await this.app.send(conversationId, { type: 'message', attachments: [cardAttachment(card)] });
  }
}
