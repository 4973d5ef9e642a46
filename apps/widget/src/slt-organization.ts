import type { Meeting, MeetingPage, SetupMember, SltSetup } from '@slt/shared';
import { ENUM_LABELS, type LabelLanguage } from '@slt/shared/labels';
import { languageOf, osloToday, tiersInOrder, upcoming } from './model';
import { TEXTS } from './texts';

/**
 * `<slt-organization kommunenummer="3401" lang="nn">`: a municipality's public SLT organization —
 * tiers and their members by role, the coordinator's contact, target groups, focus areas and the
 * upcoming meetings — read anonymously from the API this script was served by (or `api="…"`).
 * Themeable with CSS custom properties (see STYLE); `heading-level` (default 2) fits it into the
 * host page's outline. Everything is rendered as text nodes: nothing from the API becomes markup.
 */
const STYLE = `
:host {
  display: block;
  font-family: var(--slt-font-family, inherit);
  font-size: var(--slt-font-size, 1rem);
  color: var(--slt-text-color, inherit);
  background: var(--slt-background, transparent);
  line-height: 1.5;
}
.slt { display: grid; gap: var(--slt-spacing, 1rem); }
h1, h2, h3, h4, h5, h6 { margin: 0; line-height: 1.25; color: var(--slt-heading-color, inherit); }
p, ul, dl { margin: 0; }
ul { padding-left: 1.25rem; }
.tiers { display: grid; gap: var(--slt-spacing, 1rem); grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); padding: 0; list-style: none; }
.tier { border: 1px solid var(--slt-border-color, #8a8a8a); border-radius: var(--slt-radius, 0.5rem); padding: var(--slt-spacing, 1rem); display: grid; gap: 0.5rem; }
.level { font-size: 0.875em; }
.role { font-weight: 600; }
a { color: var(--slt-link-color, #0b5394); }
a:focus-visible { outline: 3px solid var(--slt-focus-color, #0b5394); outline-offset: 2px; }
`;

type Status = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; setup: SltSetup; meetings: Meeting[] };

const scriptOrigin = (() => {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return '';
  }
})();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string | null)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

export class SltOrganizationElement extends HTMLElement {
  static observedAttributes = ['kommunenummer', 'lang', 'api', 'heading-level'];
  readonly #root: ShadowRoot;
  #controller: AbortController | undefined;
  #status: Status = { kind: 'loading' };
  #connected = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback(): void {
    this.#connected = true;
    void this.#load();
  }

  disconnectedCallback(): void {
    this.#connected = false;
    this.#controller?.abort();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    // Not before connectedCallback: an element upgraded in the page (the script loads after the
    // markup) gets a callback per attribute first, and each would start a read of its own.
    if (!this.#connected || before === after) return;
    if (name === 'kommunenummer' || name === 'api') void this.#load();
    else this.#render();
  }

  get #language(): LabelLanguage {
    return languageOf(this.getAttribute('lang'), this.#status.kind === 'ready' ? this.#status.setup.malform : undefined);
  }

  async #load(): Promise<void> {
    const kommunenummer = this.getAttribute('kommunenummer') ?? '';
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = { kind: 'loading' };
    this.#render();
    if (!/^[0-9]{4}$/.test(kommunenummer)) {
      this.#status = { kind: 'failed' };
      this.#render();
      return;
    }
    const api = (this.getAttribute('api') ?? scriptOrigin).replace(/\/$/, '');
    const get = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${api}${path}`, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`${response.status} ${path}`);
      return (await response.json()) as T;
    };
    try {
      const setup = await get<SltSetup>(`/api/v1/municipalities/${kommunenummer}/slt`);
      const from = osloToday(new Date());
      // The setup counts the meetings and links their paginated list; the widget shows the next few.
      const page = await get<MeetingPage>(`${setup.meetings.href}?from=${from}&limit=20`);
      this.#status = { kind: 'ready', setup, meetings: upcoming(page.items, new Date()) };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#status = { kind: 'failed' };
      console.warn('slt-organization:', error);
    }
    this.#render();
  }

  #render(): void {
    const language = this.#language;
    const text = TEXTS[language];
    const level = Math.min(Math.max(Number(this.getAttribute('heading-level') ?? 2) || 2, 1), 4);
    const heading = (offset: number, content: string, attributes: Record<string, string> = {}) =>
      el(`h${Math.min(level + offset, 6)}` as 'h2', attributes, content);
    const style = this.#style();
    const status = this.#status;
    if (status.kind !== 'ready') {
      const message = status.kind === 'loading' ? el('p', { role: 'status' }, text.loading) : el('p', { role: 'alert' }, text.failed);
      this.#root.replaceChildren(...style, el('div', { class: 'slt', lang: language }, message));
      return;
    }
    const { setup, meetings } = status;
    const labels = ENUM_LABELS[language];
    const person = (m: SetupMember) => [m.name, m.roleTitle, m.organizationName].filter((part): part is string => Boolean(part)).join(', ');

    const tiers = el(
      'ul',
      { class: 'tiers' },
      ...tiersInOrder(setup).map((tier) =>
        el(
          'li',
          { class: 'tier' },
          heading(2, tier.name),
          el('p', { class: 'level' }, labels.tierLevel[tier.level]),
          tier.seats.length
            ? el(
                'ul',
                {},
                ...tier.seats.map((seat) =>
                  el('li', {}, el('span', { class: 'role' }, `${labels.membershipRole[seat.role]}: `), person(seat.member)),
                ),
              )
            : el('p', {}, text.noMembers),
        ),
      ),
    );

    const contact = setup.coordinators.map((c) =>
      el(
        'p',
        {},
        person(c),
        ...(c.email ? [el('br'), `${text.email}: `, el('a', { href: `mailto:${c.email}` }, c.email)] : []),
        ...(c.phone ? [el('br'), `${text.phone}: `, el('a', { href: `tel:${c.phone.replace(/\s+/g, '')}` }, c.phone)] : []),
      ),
    );

    const locale = language === 'en' ? 'en-GB' : language === 'nn' ? 'nn-NO' : 'nb-NO';
    const when = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' });
    const tierName = new Map(setup.tiers.map((t) => [t.id, t.name]));
    const meetingList = meetings.length
      ? el(
          'ul',
          {},
          ...meetings.map((m) =>
            el(
              'li',
              {},
              el('time', { datetime: m.startsAt }, when.format(new Date(m.startsAt))),
              `: ${m.title}`,
              tierName.has(m.tierId) && !m.title.includes(tierName.get(m.tierId)!) ? ` (${tierName.get(m.tierId)})` : '',
              m.place ? `, ${m.place}` : '',
              m.status === 'cancelled' ? ` – ${text.cancelled}` : '',
            ),
          ),
        )
      : el('p', {}, text.noUpcoming);

    const section = (title: string, ...content: (Node | null)[]) => el('section', {}, heading(1, title), ...content);
    const root = el(
      'div',
      { class: 'slt', lang: language },
      heading(0, text.title(setup.name)),
      el('p', {}, text.lead),
      setup.partners.length ? el('p', {}, text.partners(setup.partners.map((p) => p.name).join(', '))) : null,
      section(text.organization, tiers),
      contact.length ? section(text.contact, ...contact) : null,
      setup.targetGroups.length
        ? section(
            text.targetGroups,
            el(
              'ul',
              {},
              ...setup.targetGroups.map((g) => el('li', {}, [g.name, text.ages(g.ageFrom, g.ageTo)].filter(Boolean).join(', '))),
            ),
          )
        : null,
      setup.focusAreas.length ? section(text.focusAreas, el('ul', {}, ...setup.focusAreas.map((f) => el('li', {}, f.name)))) : null,
      section(text.upcoming, meetingList),
    );
    this.#root.replaceChildren(...style, root);
  }

  /**
   * The widget's styles as a constructed stylesheet adopted by its shadow root: no `<style>`
   * element, so a host page whose Content-Security-Policy forbids inline styles still shows it
   * styled. Browsers without constructable stylesheets get the `<style>` element.
   */
  #style(): HTMLStyleElement[] {
    if ('adoptedStyleSheets' in ShadowRoot.prototype && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      if (this.#root.adoptedStyleSheets.length === 0) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        this.#root.adoptedStyleSheets = [sheet];
      }
      return [];
    }
    return [el('style', {}, STYLE)];
  }
}

if (!customElements.get('slt-organization')) customElements.define('slt-organization', SltOrganizationElement);
