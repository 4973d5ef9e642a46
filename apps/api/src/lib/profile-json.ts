import { CENTRAL_ACTORS_LISTED, PROFILE_FIELDS } from '@slt/shared';

/**
 * The setup profile (`setup_profiles.document`, stored whole and normalized) as jsonb in one view,
 * for the reads PostgreSQL serializes (`GET …/slt`, `GET …/profile`). `k` is the host's
 * kommunenummer, `internal` a boolean SQL expression. The public view leaves out the fields marked
 * internal (and the list of them) and the list items that are not public; contacts show their
 * member's e-mail and phone only where the member flagged them public (or in the internal view),
 * and leave out members who are gone or erased.
 */
export const profileJsonSql = (k: string, internal: string) => {
  const fields = `array[${PROFILE_FIELDS.map((f) => `'${f}'`).join(', ')}]::text[]`;
  const visible = (e: string) => `(${internal} or coalesce((${e}->>'isPublic')::boolean, true))`;
  const list = (name: string) => `coalesce((
      select jsonb_agg(x.e order by x.o) from jsonb_array_elements(coalesce(pd.d->'${name}', '[]')) with ordinality x(e, o)
      where ${visible('x.e')}), '[]')`;
  return `(select jsonb_build_object('kommunenummer', ${k}::text)
    || (select coalesce(jsonb_object_agg(f.name, coalesce(pd.d->f.name, 'null'::jsonb)), '{}') from unnest(${fields}) f(name)
        where ${internal} or not coalesce(pd.d->'internalFields', '[]') @> to_jsonb(f.name))
    || case when ${internal} then jsonb_build_object('internalFields', coalesce(pd.d->'internalFields', '[]')) else '{}' end
    || jsonb_build_object(
      'contacts', coalesce((
        select jsonb_agg(jsonb_build_object('label', x.e->>'label', 'isPublic', coalesce((x.e->>'isPublic')::boolean, true),
          'member', jsonb_build_object('id', m.id, 'name', m.name, 'roleTitle', m.role_title,
            'organizationId', m.organization_id, 'organizationName', mo.name,
            'email', case when ${internal} or m.email_public then m.email end,
            'phone', case when ${internal} or m.phone_public then m.phone end)) order by x.o)
        from jsonb_array_elements(coalesce(pd.d->'contacts', '[]')) with ordinality x(e, o)
        join members m on m.id = (x.e->>'memberId')::uuid and m.kommunenummer = ${k} and m.erased_at is null
        left join organizations mo on mo.id = m.organization_id
        where ${visible('x.e')}), '[]'),
      'concernChannels', ${list('concernChannels')},
      'parties', ${list('parties')},
      'agreements', ${list('agreements')},
      'plans', ${list('plans')})
  from (select coalesce((select sp.document from setup_profiles sp where sp.kommunenummer = ${k}), '{}'::jsonb) as d) pd)`;
};

/**
 * The organizations of the network as central actors, by name (organizations are public facts),
 * at most CENTRAL_ACTORS_LISTED of them: the setup's size does not follow the data.
 */
export const centralActorsJsonSql = (k: string) => `coalesce((
    select json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'description', o.description) order by o.name, o.id)
    from (select * from organizations o where o.kommunenummer = ${k} order by o.name, o.id limit ${CENTRAL_ACTORS_LISTED}) o), '[]'::json)`;
