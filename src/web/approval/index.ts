// The development card page (docs/approvals.md): pick a demo manager or caseworker, see the approval
// cards as Teams would show them to that user, and press Godkänn / Avslå.
import * as AC from 'adaptivecards';
import { pageApi, type DevUser } from './cardPage';

const api = pageApi(window.location.origin);
const root = document.getElementById('root')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderCard(slot: HTMLElement, user: DevUser, json: object): void {
  const card = new AC.AdaptiveCard();
  card.parse(json, new AC.SerializationContext());
  card.onExecuteAction = (action) => {
    if (!(action instanceof AC.ExecuteAction)) return;
    void act(slot, user, action.verb, (action.data ?? {}) as Record<string, unknown>);
  };
  const rendered = card.render();
  slot.replaceChildren(...(rendered ? [rendered] : []));
}

async function act(slot: HTMLElement, user: DevUser, verb: string, data: Record<string, unknown>): Promise<void> {
  const answer = await api.invoke(user, verb, data);
  if (answer.kind === 'card') renderCard(slot, user, answer.card);
  else slot.prepend(el('p', `${answer.code}: ${answer.message}`));
}

async function show(user: DevUser): Promise<void> {
  list.replaceChildren(el('p', 'Hämtar …'));
  const items = await api.assessments(user);
  list.replaceChildren(...(items.length === 0 ? [el('p', 'Inget att visa.')] : []));
  for (const a of items) {
    const slot = el('section');
    slot.className = 'card';
    list.append(slot);
    // The card as Teams fetches it for this user: the Universal Actions refresh.
    await act(slot, user, 'refresh', { assessmentId: a.id, revision: a.revision });
  }
}

const heading = el('h1', 'Mötescheck – kort att godkänna (utveckling)');
const label = el('label', 'Demo-användare ');
const select = el('select');
label.append(select);
const reload = el('button', 'Uppdatera');
const list = el('div');
root.append(heading, label, reload, list);

void api.users().then((users) => {
  for (const u of users) {
    const o = el('option', `${u.name} (${u.roles.join(', ')})`);
    o.value = u.userId;
    select.append(o);
  }
  const current = () => users.find((u) => u.userId === select.value)!;
  select.addEventListener('change', () => void show(current()));
  reload.addEventListener('click', () => void show(current()));
  if (users.length > 0) void show(current());
});
