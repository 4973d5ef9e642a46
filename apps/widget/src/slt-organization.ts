import type { Meeting, MeetingPage, PublicIndicatorSourceList, SetupMember, SltSetup } from '@slt/shared';
import { ENUM_LABELS, type LabelLanguage } from '@slt/shared/labels';
import { indicatorSummary, languageOf, osloToday, tiersInOrder, upcoming, type IndicatorSummary } from './model';
import { TEXTS } from './texts';

/**
 * `<slt-organization kommunenummer="3401" lang="nn">`: a municipality's public SLT page — the setup
 * profile, tiers with mandate, responsibilities, meeting rule and members by role, public contacts,
 * when to get in touch, target groups with criteria, focus areas with their decisions, goals,
 * central actors and the upcoming meetings (`sections="…"` picks some) — read anonymously from the API this script was served by (or `api="…"`).
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
.cards { display: grid; gap: var(--slt-spacing, 1rem); grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); align-items: start; padding: 0; list-style: none; }
.card { border: 1px solid var(--slt-border-color, #8a8a8a); border-radius: var(--slt-radius, 0.5rem); padding: var(--slt-spacing, 1rem); display: grid; gap: 0.5rem; align-content: start; }
section { display: grid; gap: 0.5rem; }
.lines { white-space: pre-line; }
.columns { columns: 16rem; }
.level { font-size: 0.875em; }
.role { font-weight: 600; }
.source { font-size: 0.875em; }
a { color: var(--slt-link-color, #0b5394); }
a:focus-visible { outline: 3px solid var(--slt-focus-color, #0b5394); outline-offset: 2px; }
`;

type Status =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; setup: SltSetup; meetings: Meeting[]; sources: PublicIndicatorSourceList['items'] };

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

/** The sections an intranet can ask for with `sections="…"` (space-separated); all when left out. */
const SECTIONS = ['profile', 'organisation', 'contacts', 'concerns', 'targets', 'focus', 'goals', 'actors', 'meetings'] as const;
type Section = (typeof SECTIONS)[number];
export function sectionsOf(attribute: string | null): Set<Section> {
  const wanted = (attribute ?? '')
    .toLowerCase()
    .replace(/organization/g, 'organisation')
    .split(/[\s,]+/);
  const known = SECTIONS.filter((s) => wanted.includes(s));
  return new Set(known.length ? known : SECTIONS);
}

const link = (title: string, url: string | null) => (url ? el('a', { href: url }, title) : title);

export class SltOrganizationElement extends HTMLElement {
  static observedAttributes = ['kommunenummer', 'lang', 'api', 'heading-level', 'sections'];
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
      // Open statistics only when goals with indicators are shown; without them the goals still show.
      const wantsSources = sectionsOf(this.getAttribute('sections')).has('goals') && setup.goals.some((g) => g.indicators.length > 0);
      const [page, sources] = await Promise.all([
        get<MeetingPage>(`${setup.meetings.href}?from=${from}&limit=20`),
        wantsSources
          ? get<PublicIndicatorSourceList>(`/api/v1/municipalities/${kommunenummer}/indicator-sources`).then(
              (list) => list.items,
              () => [],
            )
          : [],
      ]);
      this.#status = { kind: 'ready', setup, meetings: upcoming(page.items, new Date()), sources };
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
    const { setup, meetings, sources } = status;
    const { profile } = setup;
    const labels = ENUM_LABELS[language];
    const shown = sectionsOf(this.getAttribute('sections'));
    const locale = language === 'en' ? 'en-GB' : language === 'nn' ? 'nn-NO' : 'nb-NO';
    const day = (date: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${date}T00:00:00Z`));
    const person = (m: SetupMember) => [m.name, m.roleTitle, m.organizationName].filter((part): part is string => Boolean(part)).join(', ');
    const para = (value: string | null | undefined, attributes: Record<string, string> = {}) => (value ? el('p', attributes, value) : null);
    const labelled = (label: string, value: string | null | undefined) =>
      value ? el('p', {}, el('span', { class: 'role' }, `${label}: `), value) : null;
    const list = <T>(items: readonly T[], render: (item: T) => (Node | string | null)[], attributes: Record<string, string> = {}) =>
      items.length ? el('ul', attributes, ...items.map((item) => el('li', {}, ...render(item)))) : null;
    const card = (title: string, ...content: (Node | null)[]) => el('li', { class: 'card' }, heading(2, title), ...content);
    const cards = (...items: (Node | null)[]) => (items.some(Boolean) ? el('ul', { class: 'cards' }, ...items) : null);

    const tiers = el(
      'ul',
      { class: 'cards tiers' },
      ...tiersInOrder(setup).map((tier) =>
        el(
          'li',
          { class: 'card tier' },
          heading(2, tier.name),
          el('p', { class: 'level' }, labels.tierLevel[tier.level]),
          labelled(text.mandate, tier.mandate),
          labelled(text.responsibilities, tier.responsibilities),
          para(tier.meetingRule && text.rule(tier.meetingRule)),
          tier.individualCases ? null : para(text.noIndividualCases),
          list(tier.seats, (seat) => [el('span', { class: 'role' }, `${labels.membershipRole[seat.role]}: `), person(seat.member)], {
            class: 'seats',
          }) ?? (tier.mandate || tier.responsibilities ? null : el('p', {}, text.noMembers)),
        ),
      ),
    );

    const reach = (m: SetupMember) => [
      ...(m.email ? [el('br'), `${text.email}: `, el('a', { href: `mailto:${m.email}` }, m.email)] : []),
      ...(m.phone ? [el('br'), `${text.phone}: `, el('a', { href: `tel:${m.phone.replace(/\s+/g, '')}` }, m.phone)] : []),
    ];
    const contacts = profile.contacts.length
      ? profile.contacts.map((c) => el('p', {}, el('span', { class: 'role' }, `${c.label}: `), person(c.member), ...reach(c.member)))
      : setup.coordinators.map((c) => el('p', {}, person(c), ...reach(c)));

    const history = [
      profile.establishedDate ? `${text.established} ${day(profile.establishedDate)}` : '',
      profile.projectYears || profile.projectStart
        ? text.project(profile.projectYears ?? null, profile.projectStart ? day(profile.projectStart) : null)
        : '',
      profile.fundingSource ? `${text.funding}: ${profile.fundingSource}` : '',
    ].filter(Boolean);
    const coordinator = [
      profile.coordinatorState ? labels.coordinatorState[profile.coordinatorState] : '',
      profile.coordinatorPercent != null ? text.post(profile.coordinatorPercent) : '',
      profile.coordinatorPlacement ?? '',
    ].filter(Boolean);
    const about = cards(
      profile.purpose || profile.principles || profile.historyText || history.length
        ? card(
            profile.collaborationName ?? text.about,
            para(profile.purpose),
            para(profile.principles),
            para(history.join('. ')),
            para(profile.historyText),
          )
        : null,
      profile.coordinatorRole || coordinator.length
        ? card(text.coordinator, para(profile.coordinatorRole), para(coordinator.join(', ')))
        : null,
      profile.visitingAddress ? card(text.address, para(profile.visitingAddress, { class: 'lines' })) : null,
      profile.parties.length || profile.agreements.length
        ? card(
            text.parties,
            list(profile.parties, (p) => [`${p.name} (${labels.partyKind[p.kind]})`]),
            list(profile.agreements, (a) => [link(a.title, a.url), a.signedDate ? `, ${day(a.signedDate)}` : '']),
          )
        : null,
      profile.plans.length
        ? card(
            text.plans,
            list(profile.plans, (p) => [
              link(p.title, p.url),
              ` (${[labels.planKind[p.kind], [p.startYear, p.endYear].filter(Boolean).join('–')].filter(Boolean).join(', ')})`,
            ]),
          )
        : null,
    );

    const number = new Intl.NumberFormat(locale);
    const shownValue = (v: IndicatorSummary['latest'][number]['value']) =>
      v === null ? text.missing : typeof v === 'number' ? number.format(v) : v;
    const indicatorLine = (i: IndicatorSummary): (Node | string | null)[] => [
      i.series && i.series !== i.name ? `${i.name} (${i.series})` : i.name,
      i.latest.length ? `: ${i.latest.map((l) => `${l.period}: ${shownValue(l.value)}`).join(' · ')}` : '',
      i.trend ? ` – ${text.trend[i.trend]}` : '',
      i.attribution
        ? el(
            'span',
            { class: 'source' },
            el('br'),
            link(text.attribution(text.providers[i.attribution.provider], i.attribution.tableId, i.attribution.licence), i.attribution.url),
          )
        : null,
    ];
    const section = (key: Section, title: string, ...content: (Node | null)[]) =>
      shown.has(key) && content.some(Boolean) ? el('section', {}, heading(1, title), ...content) : null;
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

    const root = el(
      'div',
      { class: 'slt', lang: language },
      heading(0, text.title(setup.name)),
      el('p', {}, profile.leadText ?? text.lead),
      setup.partners.length ? el('p', {}, text.partners(setup.partners.map((p) => p.name).join(', '))) : null,
      section('profile', text.about, about),
      section('organisation', text.organization, tiers),
      section('contacts', text.contact, ...contacts),
      section(
        'concerns',
        text.concerns,
        list(profile.concernChannels, (c) => [c.situation, c.how ? ` ${c.how}` : '']),
      ),
      section(
        'targets',
        text.targetGroups,
        list(setup.targetGroups, (g) => [
          [g.name, text.ages(g.ageFrom, g.ageTo)].filter(Boolean).join(', '),
          g.description && g.description !== g.name ? `: ${g.description}` : '',
          list(g.riskCriteria, (c) => [c]),
        ]),
      ),
      section(
        'focus',
        text.focusAreas,
        list(setup.focusAreas, (f) => [
          f.name,
          f.description ? `. ${f.description}` : '',
          f.decisionReference || f.decisionDate
            ? el(
                'span',
                { class: 'decision' },
                ` ${text.decision}: ${[f.decisionReference, f.decisionDate && day(f.decisionDate)].filter(Boolean).join(', ')}`,
              )
            : null,
        ]),
      ),
      section(
        'goals',
        text.goals,
        list(setup.goals, (g) => [
          g.title,
          list(
            g.indicators.map((i) =>
              indicatorSummary(
                i,
                sources.find((s) => s.indicatorId === i.id),
              ),
            ),
            (i) => indicatorLine(i),
            { class: 'indicators' },
          ),
        ]),
      ),
      section(
        'actors',
        text.actors,
        list(setup.centralActors, (a) => [`${a.name} (${labels.organizationKind[a.kind]})`], { class: 'columns' }),
        setup.organizations.count > setup.centralActors.length
          ? el('p', {}, text.moreActors(setup.organizations.count - setup.centralActors.length))
          : null,
      ),
      section('meetings', text.upcoming, meetingList),
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
