import { createHash } from 'node:crypto';
import type { CreateKeyDate, KeyDate, UpdateKeyDate, YearPlan } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { NotFoundError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import type { Scope } from '../../lib/scope.js';
import { createGrantsRepository } from '../grants/grants.repository.js';
import { grantDeadlines } from '../grants/grants.service.js';
import { meetingFacts } from '../meetings/meeting-view.js';
import { createYearPlanRepository, type KeyDateRow } from './year-plan.repository.js';

export function toKeyDate(row: KeyDateRow): KeyDate {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    title: row.title,
    kind: row.kind,
    date: row.date,
    yearly: row.yearly,
    description: row.description,
    isPublic: row.isPublic,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Where a key date falls in `year`: itself, or for a yearly date the same day (29 February → 28 in other years). */
export function dateInYear(row: Pick<KeyDateRow, 'date' | 'yearly'>, year: number): string | null {
  const first = Number(row.date.slice(0, 4));
  if (!row.yearly) return first === year ? row.date : null;
  if (year < first) return null;
  const monthDay = row.date.slice(5) === '02-29' && !isLeap(year) ? '02-28' : row.date.slice(5);
  return `${year}-${monthDay}`;
}

/** A stable id for a key date derived from a record (a grant application's deadline). */
const derivedId = (key: string): string => {
  const hex = createHash('md5').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/** The deadlines of the grant applications that fall in `year` (internal: grant applications are). */
async function grantKeyDates(db: Db, kommunenummer: string, year: number): Promise<YearPlan['keyDates']> {
  const applications = await createGrantsRepository(db).deadlinesNear(kommunenummer, year);
  return applications.flatMap((a) => {
    const { apply, report } = grantDeadlines(a.periodStart, a.periodEnd);
    return [
      ...(apply.startsWith(`${year}-`)
        ? [{ keyDateId: derivedId(`${a.id}:apply`), title: `Søknadsfrist: ${a.title}`, kind: 'grant_application' as const, date: apply }]
        : []),
      ...report
        .filter((date) => date.startsWith(`${year}-`))
        .map((date) => ({
          keyDateId: derivedId(`${a.id}:report:${date}`),
          title: `Rapportering: ${a.title}`,
          kind: 'grant_report' as const,
          date,
        })),
    ].map((d) => ({ ...d, description: `${a.periodStart} – ${a.periodEnd}`, isPublic: false }));
  });
}

const auditable = (row: KeyDateRow | undefined) => {
  if (!row) return null;
  const { id: _i, kommunenummer: _k, createdAt: _c, updatedAt: _u, ...fields } = row;
  return fields;
};

export function createYearPlanService(deps: { db: Db }) {
  const { db } = deps;
  const notFound = (k: string, id: string) => `There is no key date ${id} in ${k}.`;

  return {
    async yearPlan({ kommunenummer: k, caller: { internal } }: Scope, year: number): Promise<YearPlan> {
      const repo = createYearPlanRepository(db);
      const meetings = await repo.meetingsOfYear(k, year);
      const dates = (await repo.keyDates(k, { publicOnly: !internal }))
        .map((row) => ({ row, date: dateInYear(row, year) }))
        .filter((d): d is { row: KeyDateRow; date: string } => d.date !== null)
        .sort((a, b) => a.date.localeCompare(b.date) || a.row.title.localeCompare(b.row.title));
      const renewals = await repo.agreementRenewals(k, { year, publicOnly: !internal });
      const keyDates = [
        ...dates.map(({ row, date }) => ({
          keyDateId: row.id,
          title: row.title,
          kind: row.kind,
          date,
          description: row.description,
          isPublic: row.isPublic,
        })),
        ...renewals.map((r) => ({
          keyDateId: r.id,
          title: r.title,
          kind: 'agreement_renewal' as const,
          date: r.date,
          description: r.description,
          isPublic: r.isPublic,
        })),
        ...(internal ? await grantKeyDates(db, k, year) : []),
      ].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
      return { kommunenummer: k, year, meetings: meetings.map(meetingFacts), keyDates };
    },

    async list({ kommunenummer: k, caller: { internal } }: Scope): Promise<{ items: KeyDate[] }> {
      return { items: (await createYearPlanRepository(db).keyDates(k, { publicOnly: !internal })).map(toKeyDate) };
    },

    async get({ kommunenummer: k, caller: { internal } }: Scope, id: string): Promise<KeyDate> {
      const row = await createYearPlanRepository(db).find(k, id);
      if (!row || (!internal && !row.isPublic)) throw new NotFoundError(notFound(k, id));
      return toKeyDate(row);
    },

    async create({ kommunenummer: k, actor }: Scope, input: CreateKeyDate): Promise<KeyDate> {
      return db.transaction(async (tx) => {
        const row = await createYearPlanRepository(tx).insert(k, {
          title: input.title,
          kind: input.kind ?? 'other',
          date: input.date,
          yearly: input.yearly ?? false,
          description: input.description ?? null,
          isPublic: input.isPublic ?? false,
        });
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'key_date',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditable(row),
        });
        return toKeyDate(row);
      });
    },

    async update(
      { kommunenummer: k, actor }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateKeyDate; expected: ExpectedVersion },
    ): Promise<KeyDate> {
      return db.transaction(async (tx) => {
        const repo = createYearPlanRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        checkVersion(expected, toKeyDate(before));
        const after = await repo.update(id, patch);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'key_date',
          entityId: id,
          action: 'update',
          before: auditable(before),
          after: auditable(after),
        });
        return toKeyDate(after);
      });
    },

    async remove({ kommunenummer: k, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createYearPlanRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        checkVersion(expected, toKeyDate(before));
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'key_date',
          entityId: id,
          action: 'delete',
          before: auditable(before),
          after: null,
        });
      });
    },
  };
}

export type YearPlanService = ReturnType<typeof createYearPlanService>;
