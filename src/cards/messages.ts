// The bot's plain-text messages and the few words it understands.
import type { Lang } from '../policy/types';
import { STRINGS } from './strings';

/** Sent once when the app is installed: one line on what the bot does. */
export function greetingText(lang: Lang): string {
  return STRINGS[lang].greeting;
}

/** The answer to anything the bot does not understand. */
export function helpText(lang: Lang): string {
  return STRINGS[lang].help;
}

export type BotCommand = 'pending' | 'mine' | 'help';

/**
 * What a message asks for: "att godkänna"/"pending" → the manager's pending cards, "mina"/"mine" →
 * the caseworker's status card, anything else → help. Case, surrounding punctuation, quotes and a
 * leading @-mention of the bot are ignored.
 */
export function parseCommand(text: string): BotCommand {
  const normalized = text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .toLocaleLowerCase('sv')
    .replace(/[”“"'’.!?,:;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = (list: string[]) => list.some((w) => normalized === w);
  const all = [STRINGS.sv, STRINGS.en];
  if (all.some((s) => words(s.commands.pending))) return 'pending';
  if (all.some((s) => words(s.commands.mine))) return 'mine';
  return 'help';
}
