// The slice of the Adaptive Card 1.5 schema that Mötescheck's cards use, and small builders for it.
// Plain JSON, no SDK: the official `adaptivecards` object model checks these shapes in test/cards.
//
// Text from records (policy labels, references, conditions, display names, comments) is only ever
// placed in a RichTextBlock's TextRuns: a TextRun is not processed as Markdown, so `**`, `_`, `[x](y)`
// or a leading `1.` show as typed. What is still interpreted in a TextRun is neutralised by `literal`.
// TextBlocks and fact titles carry only this module's own interface strings.

export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type Color = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'default' | 'lighter' | 'bolder';
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  color?: Color;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
}

export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'default' | 'lighter' | 'bolder';
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  color?: Color;
  isSubtle?: boolean;
  italic?: boolean;
}

export interface RichTextBlock extends ElementBase {
  type: 'RichTextBlock';
  inlines: TextRun[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: Element[];
  style?: ContainerStyle;
  bleed?: boolean;
}

export interface Column {
  type: 'Column';
  width?: 'auto' | 'stretch' | string;
  items: Element[];
  verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface InputText extends ElementBase {
  type: 'Input.Text';
  id: string;
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: Action[];
}

export type Element = TextBlock | RichTextBlock | Container | ColumnSet | InputText | ActionSet;

export interface ExecuteAction {
  type: 'Action.Execute';
  id?: string;
  title?: string;
  verb: string;
  data: Record<string, unknown>;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  id?: string;
  title: string;
  style?: 'default' | 'positive' | 'destructive';
  card: SubCard;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  id?: string;
  title: string;
  url: string;
}

export type Action = ExecuteAction | ShowCardAction | OpenUrlAction;

export interface Refresh {
  action: ExecuteAction;
  userIds?: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: string;
  fallbackText?: string;
  refresh?: Refresh;
  body: Element[];
  actions?: Action[];
}

/** The card an Action.ShowCard opens: no `version` or `$schema` of its own. */
export type SubCard = Omit<AdaptiveCard, 'version' | '$schema' | 'refresh' | 'fallbackText'>;

/**
 * Makes text from a record show literally in a TextRun. Hosts expand `{{DATE(…)}}` and `{{TIME(…)}}`
 * in every text and template engines bind `${…}`; a zero-width space between the two characters
 * leaves what a reader sees unchanged but stops either from firing. Control characters other than
 * line breaks are dropped, and a record never becomes an empty run.
 */
export function literal(text: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
  return cleaned.replace(/\{\{/g, '{\u200b{').replace(/\$\{/g, '$\u200b{');
}

/** A TextRun with record text (or interface text), neutralised. */
export function run(text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'TextRun', text: literal(text), ...style };
}

export function rich(inlines: TextRun[], extra: Omit<RichTextBlock, 'type' | 'inlines'> = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines, ...extra };
}

/** A TextBlock for this module's own interface strings only — never for text from a record. */
export function uiText(text: string, style: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

export function container(items: Element[], extra: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items, ...extra };
}

export function subCard(body: Element[], actions: Action[]): SubCard {
  return { type: 'AdaptiveCard', body, actions };
}

// No `lang` on the cards: the texts are already in the reader's language and the cards use no host
// date functions, and adaptivecards 3.0.6 checks `lang` with a global (stateful) regular expression that
// rejects every other card it parses.
export function card(body: Element[], extra: Omit<AdaptiveCard, 'type' | 'version' | 'body' | '$schema'> = {}): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, ...extra, body };
}
