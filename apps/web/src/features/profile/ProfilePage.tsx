import { Button, Card, Heading, Link as DsLink } from '@digdir/designsystemet-react';
import {
  COORDINATOR_STATES,
  PARTY_KINDS,
  PLAN_KINDS,
  PROFILE_FIELDS,
  routes,
  type Member,
  type SetupProfile,
  type SetupProfileInput,
} from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../layout/Spinner';
import { readWithEtag, sltKey, useList, useSetupWrite } from '../resources/api';
import type { AnyField, CreateField, FormValues } from '../resources/fields';
import { valuesOf } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { ManagePage } from '../slt/ManagePage';
import '../../designsystemet/card.css';

export const PROFILE_PARTS = ['about', 'contacts', 'concerns', 'agreements', 'plans'] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

type Input = Required<Pick<SetupProfileInput, 'contacts' | 'concernChannels' | 'parties' | 'agreements' | 'plans'>> & SetupProfileInput;

/** The profile as read (internal view), as the PUT body that writes it back unchanged. */
export function inputOf(profile: SetupProfile): Input {
  const { kommunenummer: _k, contacts, ...rest } = profile;
  return { ...rest, contacts: contacts.map((c) => ({ memberId: c.member.id, label: c.label, isPublic: c.isPublic })) };
}

/** Empty strings are left out; numbers are numbers; lists stay lists. */
function clean(fields: readonly AnyField[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === '' || v === undefined) continue;
    out[f.name] = f.kind === 'number' ? Number(v) : v;
  }
  return out;
}

/**
 * One ordered list of the profile: each item its own small form (save, move up, remove), and a
 * form to add one. The fields are typed against the item of the PUT body (`CreateField<T>`), so a
 * change of an item's schema in the contract breaks this page's build.
 */
function ListEditor<T extends object>(props: {
  id: string;
  items: T[];
  fields: readonly CreateField<T>[];
  title: (item: T) => string;
  toItem: (values: Record<string, unknown>) => T;
  save: (items: T[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { id, items, fields, title, toItem, save } = props;
  const replace = (index: number, item: T | null) => save(items.flatMap((x, i) => (i === index ? (item ? [item] : []) : [x])));
  const up = (index: number) => save(items.map((x, i) => (i === index - 1 ? items[index]! : i === index ? items[index - 1]! : x)));
  return (
    <div className="stack">
      {items.map((item, index) => (
        <Card key={`${id}-${index}-${title(item)}`} data-color="neutral">
          <Heading level={3} data-size="xs">
            {`${index + 1}. ${title(item)}`}
          </Heading>
          <ResourceForm
            id={`${id}-${index}`}
            fields={fields}
            initial={valuesOf(fields, item as Record<string, unknown>)}
            submitLabel={t('forms.save')}
            onSubmit={(values) => replace(index, toItem(clean(fields, values)))}
            extraButtons={
              <>
                {index > 0 && (
                  <Button type="button" variant="secondary" onClick={() => void up(index)}>
                    {t('profile.moveUp')}
                  </Button>
                )}
                <Button type="button" variant="tertiary" onClick={() => void replace(index, null)}>
                  {t('profile.remove')}
                </Button>
              </>
            }
          />
        </Card>
      ))}
      <Card data-color="neutral">
        <Heading level={3} data-size="xs">
          {t('profile.add')}
        </Heading>
        <ResourceForm
          key={`${id}-new-${items.length}`}
          id={`${id}-new`}
          fields={fields}
          initial={valuesOf(fields)}
          submitLabel={t('profile.add')}
          onSubmit={(values) => save([...items, toItem(clean(fields, values))])}
        />
      </Card>
    </div>
  );
}

/** Where coordinators write the setup profile, one part per page (reached from the setup navigation). */
export function ProfilePage({ kommunenummer, part }: { kommunenummer: string; part: ProfilePart }) {
  const { t } = useTranslation();
  const writes = useSetupWrite(kommunenummer);
  const profile = useQuery({
    queryKey: sltKey(kommunenummer, 'profile'),
    queryFn: () => readWithEtag<SetupProfile>(routes.getSetupProfile, { kommunenummer }),
  });
  const members = useList<Member>(kommunenummer, 'members', routes.listMembers);
  const put = async (change: Partial<SetupProfileInput>) => {
    if (!profile.data) return;
    await writes.send(routes.putSetupProfile, { body: { ...inputOf(profile.data.item), ...change }, etag: profile.data.etag });
  };
  const yes = t('profile.public');
  const publicField = { name: 'isPublic', kind: 'checkbox', label: yes } as const;
  const withPublic = <T extends { isPublic?: boolean }>(values: Record<string, unknown>) =>
    ({ ...values, isPublic: values['isPublic'] === true }) as T;

  let body: ReactNode = <Spinner aria-label={t('profile.loading')} />;
  if (profile.data) {
    const input = inputOf(profile.data.item);
    if (part === 'about') {
      // The about part's fields follow PROFILE_FIELDS (the contract's list); their kinds are chosen
      // by name here, so they are described as plain fields. The PUT body itself is typed (`put`).
      const fields: AnyField[] = [
        ...PROFILE_FIELDS.map((name): AnyField => ({
          name,
          label: t(`profile.fields.${name}`),
          kind: ['establishedDate', 'projectStart'].includes(name)
            ? 'date'
            : ['projectYears', 'coordinatorPercent'].includes(name)
              ? 'number'
              : name === 'coordinatorState'
                ? 'select'
                : ['collaborationName', 'fundingSource', 'coordinatorPlacement'].includes(name)
                  ? 'text'
                  : 'textarea',
          options: name === 'coordinatorState' ? COORDINATOR_STATES.map((s) => ({ value: s, label: t(`profile.states.${s}`) })) : undefined,
        })),
        {
          name: 'internalFields',
          kind: 'multi',
          label: t('profile.internalFields'),
          options: PROFILE_FIELDS.map((f) => ({ value: f, label: t(`profile.fields.${f}`) })),
        },
      ];
      body = (
        <ResourceForm
          key={profile.data.etag}
          id="profile-about"
          fields={fields}
          initial={valuesOf(fields, input)}
          submitLabel={t('forms.save')}
          onSubmit={async (values) => {
            const fieldsOnly = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, null]));
            await put({ ...fieldsOnly, ...clean(fields, values) });
          }}
        />
      );
    } else if (part === 'contacts') {
      const options = (members.data ?? []).map((m) => ({ value: m.id, label: [m.name, m.roleTitle].filter(Boolean).join(', ') }));
      body = (
        <ListEditor
          id="contacts"
          items={input.contacts}
          fields={[
            { name: 'memberId', kind: 'select', label: t('profile.member'), required: true, options },
            { name: 'label', kind: 'text', label: t('profile.label'), required: true },
            publicField,
          ]}
          title={(c) => `${c.label}: ${options.find((o) => o.value === c.memberId)?.label ?? ''}`}
          toItem={(v) => withPublic(v)}
          save={(contacts) => put({ contacts })}
        />
      );
    } else if (part === 'concerns') {
      body = (
        <ListEditor
          id="concerns"
          items={input.concernChannels}
          fields={[
            { name: 'situation', kind: 'textarea', label: t('profile.situation'), required: true },
            { name: 'how', kind: 'textarea', label: t('profile.how') },
            publicField,
          ]}
          title={(c) => c.situation}
          toItem={(v) => withPublic(v)}
          save={(concernChannels) => put({ concernChannels })}
        />
      );
    } else if (part === 'agreements') {
      body = (
        <>
          <Heading level={2} data-size="sm">
            {t('profile.parties')}
          </Heading>
          <ListEditor
            id="parties"
            items={input.parties}
            fields={[
              { name: 'key', kind: 'text', label: t('profile.key'), required: true, description: t('profile.keyHelp') },
              { name: 'name', kind: 'text', label: t('profile.name'), required: true },
              {
                name: 'kind',
                kind: 'select',
                label: t('profile.kind'),
                required: true,
                options: PARTY_KINDS.map((k) => ({ value: k, label: t(`profile.partyKinds.${k}`) })),
              },
              { name: 'description', kind: 'textarea', label: t('profile.description') },
              publicField,
            ]}
            title={(p) => p.name}
            toItem={(v) => withPublic(v)}
            save={(parties) => put({ parties })}
          />
          <Heading level={2} data-size="sm">
            {t('profile.agreements')}
          </Heading>
          <ListEditor
            id="agreements"
            items={input.agreements}
            fields={[
              { name: 'title', kind: 'text', label: t('profile.title'), required: true },
              {
                name: 'parties',
                kind: 'multi',
                label: t('profile.parties'),
                options: input.parties.map((p) => ({ value: p.key, label: p.name })),
              },
              { name: 'signedDate', kind: 'date', label: t('profile.signedDate') },
              { name: 'validUntil', kind: 'date', label: t('profile.validUntil'), description: t('profile.validUntilHelp') },
              { name: 'url', kind: 'text', label: t('profile.url') },
              { name: 'description', kind: 'textarea', label: t('profile.description') },
              publicField,
            ]}
            title={(a) => a.title}
            toItem={(v) => withPublic(v)}
            save={(agreements) => put({ agreements })}
          />
        </>
      );
    } else {
      body = (
        <ListEditor
          id="plans"
          items={input.plans}
          fields={[
            { name: 'title', kind: 'text', label: t('profile.title'), required: true },
            {
              name: 'kind',
              kind: 'select',
              label: t('profile.kind'),
              required: true,
              options: PLAN_KINDS.map((k) => ({ value: k, label: t(`profile.planKinds.${k}`) })),
            },
            { name: 'startYear', kind: 'number', label: t('profile.startYear') },
            { name: 'endYear', kind: 'number', label: t('profile.endYear') },
            { name: 'url', kind: 'text', label: t('profile.url') },
            { name: 'description', kind: 'textarea', label: t('profile.description') },
            publicField,
          ]}
          title={(p) => p.title}
          toItem={(v) => withPublic(v)}
          save={(plans) => put({ plans })}
        />
      );
    }
  }

  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('profile.heading', { name })} intro={t(`profile.intro.${part}`)}>
      <nav aria-label={t('profile.parts')} className="setup-nav">
        {PROFILE_PARTS.map((p) => (
          <DsLink asChild key={p}>
            <Link
              to={p === 'about' ? '/municipalities/$kommunenummer/profile' : '/municipalities/$kommunenummer/profile/$part'}
              params={{ kommunenummer, part: p }}
              activeProps={{ 'aria-current': 'page' }}
              activeOptions={{ exact: true }}
            >
              {t(`profile.partNames.${p}`)}
            </Link>
          </DsLink>
        ))}
      </nav>
      {body}
    </ManagePage>
  );
}
