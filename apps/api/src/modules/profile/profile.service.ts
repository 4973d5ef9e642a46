import { PROFILE_FIELDS, type SetupProfile, type SetupProfileInput } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { recordChange } from '../../lib/audited.js';
import { ConflictError, InvalidFieldError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { isInternal, type Scope } from '../../lib/scope.js';
import { createProfileRepository } from './profile.repository.js';

const invalid = (name: string, detail: string) => new InvalidFieldError({ in: 'body', name, detail });

/**
 * The profile as stored: every field present (null when empty), every list item whole with
 * `isPublic` set, in the order given. Rules across fields are checked here (a contact names a
 * member of the municipality, an agreement names parties of the profile, periods run forwards).
 */
export function normalizeProfile(input: SetupProfileInput, knownMembers?: ReadonlySet<string>): SetupProfileInput {
  const fields = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, input[f] ?? null])) as Record<string, unknown>;
  const parties = (input.parties ?? []).map((p) => ({
    key: p.key,
    name: p.name,
    kind: p.kind,
    description: p.description ?? null,
    isPublic: p.isPublic ?? true,
  }));
  const keys = new Set<string>();
  parties.forEach((p, i) => {
    if (keys.has(p.key)) throw invalid(`parties/${i}/key`, `"${p.key}" is used by another party.`);
    keys.add(p.key);
  });
  const contacts = (input.contacts ?? []).map((c, i) => {
    if (knownMembers && !knownMembers.has(c.memberId)) throw invalid(`contacts/${i}/memberId`, 'is not a member of this municipality.');
    return { memberId: c.memberId, label: c.label, isPublic: c.isPublic ?? true };
  });
  const agreements = (input.agreements ?? []).map((a, i) => {
    (a.parties ?? []).forEach((key, j) => {
      if (!keys.has(key)) throw invalid(`agreements/${i}/parties/${j}`, `names no party of the profile ("${key}").`);
    });
    if (a.signedDate && a.validUntil && a.validUntil < a.signedDate) throw invalid(`agreements/${i}/validUntil`, 'is before signedDate.');
    return {
      title: a.title,
      parties: a.parties ?? [],
      signedDate: a.signedDate ?? null,
      validUntil: a.validUntil ?? null,
      url: a.url ?? null,
      description: a.description ?? null,
      isPublic: a.isPublic ?? true,
    };
  });
  const plans = (input.plans ?? []).map((p, i) => {
    if (p.startYear != null && p.endYear != null && p.endYear < p.startYear) throw invalid(`plans/${i}/endYear`, 'is before startYear.');
    return {
      title: p.title,
      kind: p.kind,
      startYear: p.startYear ?? null,
      endYear: p.endYear ?? null,
      url: p.url ?? null,
      description: p.description ?? null,
      isPublic: p.isPublic ?? true,
    };
  });
  return {
    ...fields,
    internalFields: [...(input.internalFields ?? [])].sort((a, b) => PROFILE_FIELDS.indexOf(a) - PROFILE_FIELDS.indexOf(b)),
    contacts,
    concernChannels: (input.concernChannels ?? []).map((c) => ({
      situation: c.situation,
      how: c.how ?? null,
      isPublic: c.isPublic ?? true,
    })),
    parties,
    agreements,
    plans,
  };
}

export function createProfileService(deps: { db: Db }) {
  const { db } = deps;
  const profiles = createProfileRepository(db);

  return {
    /** The host's profile (a partner reads its host's) in the caller's view. */
    get: (scope: Scope): Promise<SetupProfile> => profiles.view(scope.host, isInternal(scope)),

    /** Replaces the whole profile under its row lock; one audit row with the fields that changed. */
    async put(scope: Scope, input: { body: SetupProfileInput; expected: ExpectedVersion }): Promise<SetupProfile> {
      const { kommunenummer, actor } = scope;
      if (scope.host !== kommunenummer) {
        throw new ConflictError(`${kommunenummer} is a partner in ${scope.host}'s SLT setup: the host keeps the profile.`);
      }
      return db.transaction(async (tx) => {
        const repo = createProfileRepository(tx);
        const { document: before, created } = await repo.lock(kommunenummer);
        checkVersion(input.expected, await repo.view(kommunenummer, true));
        const known = await repo.memberIds(
          kommunenummer,
          (input.body.contacts ?? []).map((c) => c.memberId),
        );
        const after = normalizeProfile(input.body, known);
        await repo.save(kommunenummer, after);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'setup_profile',
          entityId: kommunenummer,
          action: created ? 'create' : 'update',
          before: created ? null : { ...before },
          after: { ...after },
        });
        return repo.view(kommunenummer, true);
      });
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
