// The seams the server is built from: everything with IO or time comes in through these.
import type { FastifyBaseLogger } from 'fastify';
import type { JWTVerifyGetKey } from 'jose';
import type { BotRuntime } from './bot/integration';
import type { Config } from './config';
import type { Store } from './store/store';

export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** Who may approve an organizer's assessment, designated approver first. Never includes the organizer. */
export interface ApproverResolver {
  resolve(organizer: string, date: string): Promise<{ approvers: string[] }>;
}

/** Token signing keys: the tenant's JWKS in production, the local issuer's keys in development. */
export type TokenKeySource = JWTVerifyGetKey;

export interface ServerDeps {
  config: Config;
  store: Store;
  clock: Clock;
  approvers: ApproverResolver;
  keys: TokenKeySource;
  /** A pino-compatible logger, options for Fastify's own pino, or false for none (tests). */
  logger?: FastifyBaseLogger | { level: string } | false;
  /** Signs development tokens for POST /api/dev/token; present only with MOTESCHECK_DEV. */
  devIssuer?: { sign(userId: string): Promise<string | undefined> };
  /** The Teams bot (bot/integration.ts): serves POST /api/messages when present. */
  bot?: BotRuntime;
  /** A Teams meeting chat's join URL (Graph), so the meeting tab finds a check made in Outlook. */
  meetingChats?: MeetingChats;
}

export interface MeetingChats {
  /** The join URL of the online meeting a chat belongs to; null when the chat is not a meeting's or unknown. */
  joinUrl(chatId: string): Promise<string | null>;
}
