// Checks a card with the official `adaptivecards` object model — no schema of our own — and renders it
// with the official renderer. Parsing reports what it cannot read through the serialization context,
// `validateProperties` reports what the card may not contain, and serializing the parsed card back
// to 1.5 must give the JSON we built: a property the model does not know would be dropped there.
import * as AC from 'adaptivecards';
import type { AdaptiveCard } from '../../src/cards';
import { TEAMS_LIGHT_HOST_CONFIG } from './hostConfig';

export interface CardCheck {
  contextEvents: string[];
  validationEvents: string[];
  roundTripDifferences: string[];
}

function describe(e: { phase: number; event: number; message: string }): string {
  return `${AC.ValidationEvent[e.event]} (${AC.ValidationPhase[e.phase]}): ${e.message}`;
}

/** Differences between what we built and what the object model serializes; enum values compare case-insensitively. */
function differences(built: unknown, serialized: unknown, path: string, out: string[]): void {
  if (typeof built === 'string' && typeof serialized === 'string') {
    const same = built === serialized || (/^[a-z][A-Za-z]*$/.test(built) && built.toLowerCase() === serialized.toLowerCase());
    if (!same) out.push(`${path}: ${JSON.stringify(built)} became ${JSON.stringify(serialized)}`);
    return;
  }
  if (typeof built !== 'object' || built === null || typeof serialized !== 'object' || serialized === null) {
    if (built !== serialized) out.push(`${path}: ${JSON.stringify(built)} became ${JSON.stringify(serialized)}`);
    return;
  }
  const keys = new Set([...Object.keys(built), ...Object.keys(serialized)]);
  for (const k of keys) differences((built as Record<string, unknown>)[k], (serialized as Record<string, unknown>)[k], `${path}/${k}`, out);
}

export function parseCard(json: AdaptiveCard): { card: AC.AdaptiveCard; context: AC.SerializationContext } {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  return { card, context };
}

export function checkCard(json: AdaptiveCard): CardCheck {
  const { card, context } = parseCard(json);
  const contextEvents = Array.from({ length: context.eventCount }, (_, i) => describe(context.getEventAt(i)));
  const validationEvents = card.validateProperties().validationEvents.map(describe);
  const serialized = card.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
  const roundTripDifferences: string[] = [];
  differences(JSON.parse(JSON.stringify(json)), serialized, '', roundTripDifferences);
  return { contextEvents, validationEvents, roundTripDifferences };
}

/**
 * jsdom has no layout, so no `innerText`; the renderer writes text through it. Treating it as
 * `textContent` is what the renderer needs (it writes plain strings, never reads layout).
 */
export function installInnerTextPolyfill(): void {
  if (Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'innerText')) return;
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: HTMLElement) { return this.textContent ?? ''; },
    set(this: HTMLElement, value: string) { this.textContent = value; },
  });
}

/**
 * A small stand-in for the Markdown a host such as Teams applies to TextBlocks (bold, italics, links),
 * so that a test can show that text from records never goes through it. Installed on the class, as the
 * renderer expects; without one the renderer shows TextBlocks as plain text and warns.
 */
export function installMarkdownLikeTeams(): void {
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    result.outputHtml = escaped
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|\s)_([^_]+)_/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
    result.didProcess = true;
  };
}

/** Renders with the official renderer and the Teams-like host config; needs a DOM (jsdom or a browser). */
export function renderCard(json: AdaptiveCard): HTMLElement {
  return renderCardObject(json).element;
}

export function renderCardObject(json: AdaptiveCard): { card: AC.AdaptiveCard; element: HTMLElement } {
  const { card } = parseCard(json);
  card.hostConfig = new AC.HostConfig(TEAMS_LIGHT_HOST_CONFIG);
  const element = card.render();
  if (!element) throw new Error('adaptivecards rendered nothing');
  return { card, element };
}

/**
 * The rendered HTML for snapshots: generated ids made stable, inline styles left out (they restate the
 * host config; the structure, classes, roles, labels and texts are what a change to a card shows in).
 */
export function stableHtml(element: HTMLElement): string {
  const ids = new Map<string, string>();
  const stable = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
    return ids.get(id)!;
  };
  return element.outerHTML.replace(/ style="[^"]*"/g, '').replace(/(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*__ac-[^"]*)"/g, (_, attr: string, value: string) =>
    `${attr}="${value.split(' ').map(stable).join(' ')}"`);
}

/** Every string of every TextBlock and TextRun, in document order. */
export function texts(json: unknown, kind: 'TextBlock' | 'TextRun'): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === kind && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(json);
  return out;
}

/** Every action anywhere in the card (top level, show cards, action sets), with the refresh action apart. */
export function actions(json: AdaptiveCard): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown, key: string) => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (key !== 'refresh' && typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
      for (const [k, v] of Object.entries(o)) if (k !== 'refresh') walk(v, k);
    }
  };
  walk(json, '');
  return out;
}
