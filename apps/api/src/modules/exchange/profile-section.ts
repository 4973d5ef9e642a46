import { DocProfileSchema, type DocProfile, type ProblemFieldError, type SetupProfileInput } from '@slt/shared';
import { sql } from 'drizzle-orm';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Executor } from '../../db/client.js';
import { recordChange } from '../../lib/audited.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../../lib/scope.js';
import { compileTextRules } from '../../lib/text-rules.js';
import { toFieldErrors } from '../../plugins/validation.js';
import { normalizeProfile } from '../profile/profile.service.js';
import { fieldError } from './items.js';

/**
 * The document's `profile`: one object (not a list of items), taken whole. Left out, the stored
 * profile stays as it is; given, it replaces it. Contacts name members by externalId (of the
 * document or imported before). Export writes it normalized, so a round trip is identical.
 */
/** The item's key as documents name it (the same as document-sql.ts; kept here to avoid an import cycle). */
const extOf = (alias: string) => `coalesce(${alias}.external_id, ${alias}.id::text)`;
const checker = Compile(DocProfileSchema as TSchema);
const textRules = compileTextRules(DocProfileSchema);

/** The normalized empty profile, as an export writes it for a municipality without one. */
const EMPTY = JSON.stringify(toDoc(normalizeProfile({}), new Map()));

/** The stored profile of $1 in the document's form (members by externalId), as jsonb. */
export const PROFILE_EXPORT_SQL = `(select case when sp.d is null then '${EMPTY}'::jsonb else sp.d - 'contacts' || jsonb_build_object('contacts', coalesce((
      select jsonb_agg(jsonb_build_object('member', ${extOf('m')}, 'label', x.e->'label', 'isPublic', x.e->'isPublic') order by x.o)
      from jsonb_array_elements(sp.d->'contacts') with ordinality x(e, o)
      join members m on m.id = (x.e->>'memberId')::uuid and m.erased_at is null), '[]')) end
    from (select (select document from setup_profiles where kommunenummer = $1) as d) sp)`;

function toDoc(profile: SetupProfileInput, externalIds: ReadonlyMap<string, string>): DocProfile {
  const { contacts, ...rest } = profile;
  return {
    ...rest,
    contacts: (contacts ?? []).map((c) => ({ member: externalIds.get(c.memberId) ?? c.memberId, label: c.label, isPublic: c.isPublic })),
  };
}

/** Problems of the `profile` value, with pointers under `/profile`; an empty list when it is fine. */
export function checkProfile(value: unknown): ProblemFieldError[] {
  const text = (textRules?.(value) ?? []).map((v) => fieldError(`/profile${v.pointer}`, v.detail, v.code));
  if (!checker.Check(value)) {
    const errors = toFieldErrors([...checker.Errors(value)] as never, 'body')
      .filter((e, i, all) => all.findIndex((o) => o.pointer === e.pointer) === i)
      .map((e) => ({ ...e, pointer: `/profile${e.pointer}` }));
    return [...text, ...errors].slice(0, 20);
  }
  if (text.length) return text;
  try {
    normalizeProfile({ ...(value as DocProfile), contacts: [] });
  } catch (error) {
    if (error instanceof AppError && error.errors) return error.errors.map((e) => ({ ...e, pointer: `/profile${e.pointer}` }));
    throw error;
  }
  return [];
}

const rows = async <T>(db: Executor, query: ReturnType<typeof sql>) =>
  ((await db.execute<Record<string, unknown>>(query)) as { rows: T[] }).rows;

/**
 * Plans and (unless a dry run) writes the profile inside the import's transaction, after the
 * items: contacts' members must be in the document or in the municipality. Returns the count of
 * what it did, or the problems (nothing is written then).
 */
export async function importProfile(
  tx: Executor,
  input: { kommunenummer: string; actor: Actor; profile: DocProfile; dryRun: boolean },
): Promise<{ errors: ProblemFieldError[]; action: 'created' | 'updated' | 'unchanged' }> {
  const { kommunenummer, profile } = input;
  const refs = [...new Set((profile.contacts ?? []).map((c) => c.member))];
  const existing = await rows<{ ext: string; id: string }>(
    tx,
    sql`select ${sql.raw(extOf('m'))} as ext, m.id::text as id from members m
        where m.kommunenummer = ${kommunenummer} and m.erased_at is null and ${sql.raw(extOf('m'))} in (select jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb))`,
  );
  const staged = await rows<{ ext: string }>(
    tx,
    sql`select s.external_id as ext from import_stage s where s.section = 'members' and s.external_id in (select jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb))`,
  );
  const known = new Set([...existing.map((r) => r.ext), ...staged.map((r) => r.ext)]);
  const errors = (profile.contacts ?? []).flatMap((c, i) =>
    known.has(c.member) ? [] : [fieldError(`/profile/contacts/${i}/member`, `names no member ("${c.member}")`, 'unknown_reference')],
  );
  if (errors.length) return { errors, action: 'unchanged' };
  const normal = toDoc(normalizeProfile({ ...profile, contacts: [] }), new Map());
  normal.contacts = (profile.contacts ?? []).map((c) => ({ member: c.member, label: c.label, isPublic: c.isPublic ?? true }));
  const [current] = await rows<{ doc: DocProfile | string | null; stored: boolean }>(
    tx,
    sql`select ${sql.raw(PROFILE_EXPORT_SQL.replace('$1', 'p.k'))} as doc,
               exists (select 1 from setup_profiles s where s.kommunenummer = p.k) as stored
        from (select ${kommunenummer}::char(4) as k) p`,
  );
  const before = typeof current!.doc === 'string' ? (JSON.parse(current!.doc) as DocProfile) : current!.doc;
  const action = !current!.stored
    ? 'created'
    : JSON.stringify(sortKeys(before)) === JSON.stringify(sortKeys(normal))
      ? 'unchanged'
      : 'updated';
  if (input.dryRun || action === 'unchanged') return { errors: [], action };
  // After the items are applied: the document's members now exist.
  const ids = await rows<{ ext: string; id: string }>(
    tx,
    sql`select ${sql.raw(extOf('m'))} as ext, m.id::text as id from members m
        where m.kommunenummer = ${kommunenummer} and m.erased_at is null and ${sql.raw(extOf('m'))} in (select jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb))`,
  );
  const idOf = new Map(ids.map((r) => [r.ext, r.id]));
  const stored = normalizeProfile({
    ...profile,
    contacts: (profile.contacts ?? []).map((c) => ({ memberId: idOf.get(c.member)!, label: c.label, isPublic: c.isPublic })),
  });
  await tx.execute(sql`insert into setup_profiles (kommunenummer, document) values (${kommunenummer}, ${JSON.stringify(stored)}::jsonb)
    on conflict (kommunenummer) do update set document = excluded.document, updated_at = now()`);
  await recordChange(tx, input.actor, {
    kommunenummer,
    entity: 'setup_profile',
    entityId: kommunenummer,
    action: action === 'created' ? 'create' : 'update',
    before: action === 'created' ? null : { ...before },
    after: { ...normal },
  });
  return { errors: [], action };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}
