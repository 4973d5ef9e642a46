import { SECTION_ITEM_SCHEMAS, type ProblemFieldError, type SetupSection } from '@slt/shared';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { compileTextRules } from '../../lib/text-rules.js';
import { toFieldErrors } from '../../plugins/validation.js';

/** A document item as stored, compared and exported: every field present, parts in a fixed order. */
export type NormalItem = Record<string, unknown> & { externalId: string };

type Raw = Record<string, unknown>;
const checkers = Object.fromEntries(
  Object.entries(SECTION_ITEM_SCHEMAS).map(([section, schema]) => [section, Compile(schema as TSchema)]),
) as unknown as Record<SetupSection, ReturnType<typeof Compile>>;
/** The same text rules as every request's validation (no national identity numbers, no control characters). */
const textRules = Object.fromEntries(
  Object.entries(SECTION_ITEM_SCHEMAS).map(([section, schema]) => [section, compileTextRules(schema)]),
) as Record<SetupSection, ReturnType<typeof compileTextRules>>;

/** Code-unit order with null first: the same order as PostgreSQL's `collate "C" nulls first`. */
export function compareC(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  // The keys are scalar column values: String() is the text they compare by.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const x = String(a);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
const by =
  <T extends Raw>(...keys: (keyof T & string)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const order = compareC(a[key], b[key]);
      if (order !== 0) return order;
    }
    return 0;
  };
const sortedStrings = (values: unknown) => [...((values as string[] | undefined) ?? [])].sort(compareC);
const list = (value: unknown) => (value as Raw[] | undefined) ?? [];
const or = <T>(value: unknown, fallback: T) => (value === undefined || value === null ? fallback : value);
const n = (value: unknown) => (value === undefined ? null : value);
const instant = (value: unknown) => (value === undefined ? null : new Date(value as string).toISOString());
const decisionRef = (value: unknown) =>
  value === undefined || value === null ? null : { meeting: (value as Raw).meeting, decision: (value as Raw).decision };

/** Each section's normal form (mirrors export.sql). */
const NORMALIZE: Record<SetupSection, (item: Raw) => Raw> = {
  organizations: (i) => ({ externalId: i.externalId, name: i.name, kind: i.kind, description: n(i.description) }),
  members: (i) => ({
    externalId: i.externalId,
    name: i.name,
    roleTitle: n(i.roleTitle),
    organization: n(i.organization),
    email: n(i.email),
    emailPublic: or(i.emailPublic, false),
    phone: n(i.phone),
    phonePublic: or(i.phonePublic, false),
    isCoordinator: or(i.isCoordinator, false),
  }),
  tiers: (i) => ({
    externalId: i.externalId,
    level: i.level,
    name: i.name,
    mandate: n(i.mandate),
    responsibilities: n(i.responsibilities),
    chair: n(i.chair),
    secretary: n(i.secretary),
    individualCases: or(i.individualCases, false),
    displayOrder: or(i.displayOrder, 0),
    meetingRule: n(i.meetingRule),
    memberships: list(i.memberships)
      .map((m) => ({ member: m.member, role: m.role, startDate: m.startDate, endDate: n(m.endDate) }))
      .sort(by('member', 'startDate', 'role')),
  }),
  targetGroups: (i) => ({
    externalId: i.externalId,
    name: i.name,
    description: n(i.description),
    ageFrom: n(i.ageFrom),
    ageTo: n(i.ageTo),
    riskCriteria: or(i.riskCriteria, []),
    displayOrder: or(i.displayOrder, 0),
  }),
  focusAreas: (i) => ({
    externalId: i.externalId,
    name: i.name,
    description: n(i.description),
    decisionReference: n(i.decisionReference),
    decisionDate: n(i.decisionDate),
    displayOrder: or(i.displayOrder, 0),
  }),
  goals: (i) => ({
    externalId: i.externalId,
    title: i.title,
    description: n(i.description),
    focusArea: n(i.focusArea),
    displayOrder: or(i.displayOrder, 0),
    indicators: list(i.indicators)
      .map((x) => ({
        name: x.name,
        unit: x.unit,
        direction: x.direction,
        targetValue: n(x.targetValue),
        measurements: list(x.measurements)
          .map((m) => ({
            periodStart: m.periodStart,
            periodEnd: m.periodEnd,
            value: m.value,
            groupSize: n(m.groupSize),
            source: n(m.source),
            caveat: n(m.caveat),
          }))
          .sort(by('periodStart', 'periodEnd')),
      }))
      .sort(by('name', 'unit')),
  }),
  measures: (i) => ({
    externalId: i.externalId,
    title: i.title,
    description: n(i.description),
    status: or(i.status, 'idea'),
    startDate: n(i.startDate),
    endDate: n(i.endDate),
    responsibleOrganization: n(i.responsibleOrganization),
    responsibleMember: n(i.responsibleMember),
    decidedByTier: n(i.decidedByTier),
    evidenceLevel: or(i.evidenceLevel, 'not_assessed'),
    isPublic: or(i.isPublic, false),
    targetGroups: sortedStrings(i.targetGroups),
    focusAreas: sortedStrings(i.focusAreas),
    goals: sortedStrings(i.goals),
    evaluations: list(i.evaluations)
      .map((e) => ({ date: e.date, outcome: e.outcome, text: n(e.text) }))
      .sort(by('date', 'outcome', 'text')),
  }),
  meetings: (i) => ({
    externalId: i.externalId,
    tier: i.tier,
    title: i.title,
    startsAt: instant(i.startsAt),
    endsAt: instant(i.endsAt),
    place: n(i.place),
    status: or(i.status, 'planned'),
    minutes: n(i.minutes),
    agenda: list(i.agenda).map((a) => ({
      title: a.title,
      description: n(a.description),
      owner: n(a.owner),
      closed: or(a.closed, false),
      visibleTo: sortedStrings(a.visibleTo),
    })),
    attendance: list(i.attendance)
      .map((a) => ({ member: a.member, status: a.status }))
      .sort(by('member')),
    decisions: list(i.decisions).map((d) => ({ text: d.text, agendaItem: n(d.agendaItem), measure: n(d.measure) })),
    actionItems: list(i.actionItems)
      .map((a) => ({
        externalId: a.externalId,
        description: a.description,
        responsibleMember: n(a.responsibleMember),
        dueDate: n(a.dueDate),
        status: or(a.status, 'open'),
        reportBackMeeting: n(a.reportBackMeeting),
        decision: n(a.decision),
      }))
      .sort(by('externalId')),
  }),
  statusAnalyses: (i) => ({
    externalId: i.externalId,
    title: i.title,
    periodStart: i.periodStart,
    periodEnd: i.periodEnd,
    summary: n(i.summary),
    observations: list(i.observations).map((o) => ({ organization: o.organization, text: o.text })),
    priorities: list(i.priorities).map((p) => ({ title: p.title, focusArea: n(p.focusArea), rationale: n(p.rationale) })),
    presentedAt: i.presentedAt ? { meeting: (i.presentedAt as Raw).meeting, agendaItem: (i.presentedAt as Raw).agendaItem } : null,
  }),
  plans: (i) => ({
    externalId: i.externalId,
    title: i.title,
    description: n(i.description),
    periodStart: i.periodStart,
    periodEnd: i.periodEnd,
    status: or(i.status, 'draft'),
    adoptingTier: n(i.adoptingTier),
    adoptedBy: decisionRef(i.adoptedBy),
    statusAnalysis: n(i.statusAnalysis),
    priorities: list(i.priorities).map((p) => ({
      focusArea: p.focusArea,
      text: n(p.text),
      goals: list(p.goals).map((g) => ({
        goal: g.goal,
        measures: list(g.measures).map((m) => ({
          measure: m.measure,
          deadline: n(m.deadline),
          fundingAmount: n(m.fundingAmount),
          fundingSource: n(m.fundingSource),
          evaluationType: n(m.evaluationType),
          evaluationDue: n(m.evaluationDue),
        })),
      })),
    })),
    statusHistory: list(i.statusHistory)
      .map((h) => ({ status: h.status, at: instant(h.at), decision: decisionRef(h.decision), note: n(h.note) }))
      .sort(by('at', 'status', 'note')),
  }),
  grantApplications: (i) => ({
    externalId: i.externalId,
    title: i.title,
    periodStart: i.periodStart,
    periodEnd: i.periodEnd,
    appliedAmount: i.appliedAmount,
    grantedAmount: n(i.grantedAmount),
    ownFunding: i.ownFunding,
    goals: [...((i.goals as string[] | undefined) ?? [])],
    budgetLines: list(i.budgetLines).map((b) => ({ label: b.label, budget: b.budget, accounts: n(b.accounts) })),
    description: n(i.description),
  }),
};

/** The fields of each section's normal form, apart from externalId (every item has them all). */
export const NORMAL_FIELDS = Object.fromEntries(
  Object.entries(NORMALIZE).map(([section, normalize]) => [section, Object.keys(normalize({})).filter((k) => k !== 'externalId')]),
) as unknown as Record<SetupSection, readonly string[]>;

const ordered = (errors: ProblemFieldError[], pointer: string, [from, to, field, what]: [unknown, unknown, string, string]) => {
  if (from !== null && from !== undefined && to !== null && to !== undefined && (to as string | number) < (from as string | number)) {
    errors.push({ ...fieldError(`${pointer}/${field}`, `comes before ${what}`), code: 'before_start' });
  }
};

export const fieldError = (pointer: string, detail: string, code?: string): ProblemFieldError => ({
  in: 'body',
  pointer,
  name: pointer.split('/').pop() ?? '',
  detail,
  ...(code ? { code } : {}),
});

/** The rules one item must meet on its own (references across items are checked in SQL). */
function itemRules(section: SetupSection, item: Raw, pointer: string): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (section === 'targetGroups') ordered(errors, pointer, [item.ageFrom, item.ageTo, 'ageTo', 'ageFrom']);
  if (section === 'measures') ordered(errors, pointer, [item.startDate, item.endDate, 'endDate', 'startDate']);
  if (section === 'tiers') {
    const seats = list(item.memberships);
    seats.forEach((m, i) => ordered(errors, `${pointer}/memberships/${i}`, [m.startDate, m.endDate, 'endDate', 'startDate']));
    seats.forEach((m, i) => {
      const overlap = seats.findIndex(
        (o, j) =>
          j < i &&
          o.member === m.member &&
          (o.endDate ?? '9999-12-31') >= (m.startDate as string) &&
          (m.endDate ?? '9999-12-31') >= (o.startDate as string),
      );
      if (overlap >= 0)
        errors.push(fieldError(`${pointer}/memberships/${i}/startDate`, `overlaps membership ${overlap} of the same member`));
    });
  }
  if (section === 'goals') {
    list(item.indicators).forEach((x, i) => {
      const ms = list(x.measurements);
      ms.forEach((m, j) => {
        ordered(errors, `${pointer}/indicators/${i}/measurements/${j}`, [m.periodStart, m.periodEnd, 'periodEnd', 'periodStart']);
        if (ms.findIndex((o) => o.periodStart === m.periodStart && o.periodEnd === m.periodEnd) < j) {
          errors.push(
            fieldError(
              `${pointer}/indicators/${i}/measurements/${j}/periodStart`,
              'the indicator has a measurement for this period already',
            ),
          );
        }
      });
    });
  }
  if (section === 'statusAnalyses' || section === 'plans' || section === 'grantApplications')
    ordered(errors, pointer, [item.periodStart, item.periodEnd, 'periodEnd', 'periodStart']);
  if (section === 'plans') planRules(errors, item, pointer);
  if (section === 'meetings') {
    if (new Date(item.endsAt as string) < new Date(item.startsAt as string))
      errors.push({ ...fieldError(`${pointer}/endsAt`, 'comes before startsAt'), code: 'before_start' });
    const agenda = list(item.agenda).length;
    list(item.decisions).forEach((d, i) => {
      if (typeof d.agendaItem === 'number' && d.agendaItem > agenda)
        errors.push(fieldError(`${pointer}/decisions/${i}/agendaItem`, `the meeting has ${agenda} agenda items`));
    });
    const decisions = list(item.decisions).length;
    list(item.actionItems).forEach((a, i) => {
      if (typeof a.decision === 'number' && a.decision > decisions)
        errors.push(fieldError(`${pointer}/actionItems/${i}/decision`, `the meeting has ${decisions} decisions`));
    });
  }
  return errors;
}

/** A goal and a measure appear at most once in a plan (the rule of the plan's own API). */
function planRules(errors: ProblemFieldError[], item: Raw, pointer: string): void {
  const goals = new Map<unknown, string>();
  const measures = new Map<unknown, string>();
  list(item.priorities).forEach((p, i) =>
    list(p.goals).forEach((g, j) => {
      const at = `${pointer}/priorities/${i}/goals/${j}`;
      if (goals.has(g.goal)) errors.push(fieldError(`${at}/goal`, `is in the plan already (${goals.get(g.goal)})`));
      else goals.set(g.goal, at);
      list(g.measures).forEach((m, k) => {
        if (measures.has(m.measure))
          errors.push(fieldError(`${at}/measures/${k}/measure`, `is in the plan already (${measures.get(m.measure)})`));
        else measures.set(m.measure, `${at}/measures/${k}`);
      });
    }),
  );
}

/**
 * Checks one item of a section (schema, then its own rules) and returns its normal form, or the
 * errors, each with its JSON pointer into the document (`/members/12/email`).
 */
export function checkItem(section: SetupSection, index: number, value: unknown): { item: NormalItem } | { errors: ProblemFieldError[] } {
  const pointer = `/${section}/${index}`;
  const checker = checkers[section];
  const text = (textRules[section]?.(value) ?? []).map((v) => fieldError(`${pointer}${v.pointer}`, v.detail, v.code));
  if (!checker.Check(value)) {
    const errors = toFieldErrors([...checker.Errors(value)] as never, 'body')
      // A field may fail several ways (each branch of "text or null"): its first reason is enough.
      .filter((e, i, all) => all.findIndex((o) => o.pointer === e.pointer) === i)
      .map((e) => ({ ...e, pointer: `${pointer}${e.pointer}`, name: e.pointer === '' ? String(index) : e.name }));
    return { errors: [...text, ...errors].slice(0, 20) };
  }
  const errors = [...text, ...itemRules(section, value as Raw, pointer)];
  if (errors.length) return { errors };
  return { item: NORMALIZE[section](value as Raw) as NormalItem };
}
