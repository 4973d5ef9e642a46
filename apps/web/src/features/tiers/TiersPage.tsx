import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import {
  MEMBERSHIP_ROLES,
  routes,
  TIER_LEVELS,
  type CreateMembership,
  type CreateTier,
  type Member,
  type MailRule,
  type MeetingRule,
  type Membership,
  type Tier,
  type UpdateTier,
} from '@slt/shared/browser';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readWithEtag, useList, useSetupWrite } from '../resources/api';
import { createBody, valuesOf, type CreateField, type FormValues } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { ResourcePage, type ResourceField } from '../resources/ResourcePage';
import { ManagePage } from '../slt/ManagePage';
import { describeRule } from '../slt/meeting-rule';
import '../../designsystemet/table.css';

const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD, local time

/** The meeting rule as four plain form fields, and back. */
function ruleOf(values: FormValues): MeetingRule | null {
  const n = (name: string) => Number(values[name] || 0);
  if (values.ruleKind === 'per_year') return { kind: 'per_year', count: n('ruleCount') };
  if (values.ruleKind === 'per_half_year') return { kind: 'per_half_year', count: n('ruleCount') };
  if (values.ruleKind === 'spring_autumn') return { kind: 'spring_autumn', spring: n('ruleSpring'), autumn: n('ruleAutumn') };
  return null;
}

/** The mail rule as two plain form fields (days before; reminders on/off), and back: no days and reminders on is no rule. */
function mailRuleOf(values: FormValues): MailRule | null {
  const days = values.noticeDaysBefore === '' || values.noticeDaysBefore === undefined ? null : Number(values.noticeDaysBefore);
  const reminders = values.reminders !== false;
  return days === null && reminders ? null : { noticeDaysBefore: days, reminders };
}

const tierRoutes = {
  list: routes.listTiers,
  get: routes.getTier,
  create: routes.createTier,
  update: routes.updateTier,
  remove: routes.deleteTier,
};

export function TiersPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/tiers' });
  const members = useList<Member>(kommunenummer, 'members', routes.listMembers);
  const memberOptions = (members.data ?? [])
    .filter((m) => !m.erasedAt)
    .map((m) => ({ value: m.id, label: m.roleTitle ? `${m.name}, ${m.roleTitle}` : m.name! }));
  const fields: ResourceField<typeof tierRoutes>[] = [
    {
      name: 'level',
      kind: 'select',
      label: t('tiers.level'),
      required: true,
      options: TIER_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) })),
    },
    { name: 'name', kind: 'text', label: t('tiers.name'), description: t('tiers.nameHint'), required: true },
    { name: 'mandate', kind: 'textarea', label: t('tiers.mandate') },
    { name: 'responsibilities', kind: 'textarea', label: t('tiers.responsibilities') },
    { name: 'chairMemberId', kind: 'select', label: t('roles.chair'), options: memberOptions },
    { name: 'secretaryMemberId', kind: 'select', label: t('roles.secretary'), options: memberOptions },
    { name: 'individualCases', kind: 'checkbox', label: t('tiers.individualCases') },
    { name: 'displayOrder', kind: 'number', label: t('forms.displayOrder'), keepWhenEmpty: true },
    {
      name: 'ruleKind',
      kind: 'select',
      label: t('tiers.rule'),
      virtual: true,
      options: [
        { value: 'per_year', label: t('tiers.ruleKinds.per_year') },
        { value: 'per_half_year', label: t('tiers.ruleKinds.per_half_year') },
        { value: 'spring_autumn', label: t('tiers.ruleKinds.spring_autumn') },
      ],
    },
    { name: 'ruleCount', kind: 'number', label: t('tiers.ruleCount'), virtual: true },
    { name: 'ruleSpring', kind: 'number', label: t('tiers.ruleSpring'), virtual: true },
    { name: 'ruleAutumn', kind: 'number', label: t('tiers.ruleAutumn'), virtual: true },
    {
      name: 'noticeDaysBefore',
      kind: 'number',
      label: t('tiers.noticeDaysBefore'),
      description: t('tiers.noticeDaysBeforeHelp'),
      virtual: true,
    },
    { name: 'reminders', kind: 'checkbox', label: t('tiers.reminders'), virtual: true },
  ];
  const valuesOfTier = (tier: Tier): FormValues => {
    const rule = tier.meetingRule;
    return {
      ...valuesOf(fields, tier),
      ruleKind: rule?.kind ?? '',
      ruleCount: rule && 'count' in rule ? String(rule.count) : '',
      ruleSpring: rule?.kind === 'spring_autumn' ? String(rule.spring) : '',
      ruleAutumn: rule?.kind === 'spring_autumn' ? String(rule.autumn) : '',
      noticeDaysBefore: tier.mailRule?.noticeDaysBefore == null ? '' : String(tier.mailRule.noticeDaysBefore),
      reminders: tier.mailRule?.reminders ?? true,
    };
  };
  const compose = {
    create: (values: FormValues, body: CreateTier): CreateTier => {
      const rule = ruleOf(values);
      const mailRule = mailRuleOf(values);
      return { ...body, ...(rule ? { meetingRule: rule } : {}), ...(mailRule ? { mailRule } : {}) };
    },
    update: (values: FormValues, body: Partial<UpdateTier>, initial: FormValues): Partial<UpdateTier> => {
      const rule = ruleOf(values);
      const mailRule = mailRuleOf(values);
      return {
        ...body,
        ...(JSON.stringify(rule) === JSON.stringify(ruleOf(initial)) ? {} : { meetingRule: rule }),
        ...(JSON.stringify(mailRule) === JSON.stringify(mailRuleOf(initial)) ? {} : { mailRule }),
      };
    },
  };
  const ruleFields = new Set(['ruleCount', 'ruleSpring', 'ruleAutumn']);
  const memberName = (id: string | null) => members.data?.find((m) => m.id === id)?.name ?? '';

  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('tiers.title', { name })} intro={t('tiers.intro')}>
      {members.isSuccess && (
        <ResourcePage<Tier, typeof tierRoutes>
          kommunenummer={kommunenummer}
          name="tiers"
          routes={tierRoutes}
          idParam="tierId"
          fields={fields}
          valuesOfItem={valuesOfTier}
          compose={compose}
          fieldOf={(name) =>
            name.startsWith('meetingRule')
              ? 'ruleKind'
              : name.startsWith('mailRule')
                ? 'noticeDaysBefore'
                : ruleFields.has(name)
                  ? name
                  : undefined
          }
          itemName={(tier) => tier.name}
          labels={{
            list: t('nav.tiers'),
            add: t('tiers.add'),
            new: t('tiers.new'),
            edit: (tier) => t('forms.editNamed', { name: tier.name }),
            empty: t('tiers.empty'),
          }}
          columns={[
            { header: t('tiers.name'), cell: (tier) => tier.name },
            { header: t('tiers.level'), cell: (tier) => t(`levels.${tier.level}`) },
            { header: t('roles.chair'), cell: (tier) => memberName(tier.chairMemberId) },
            { header: t('tiers.rule'), cell: (tier) => describeRule(t, tier.meetingRule) },
          ]}
          details={(tier) => <Memberships kommunenummer={kommunenummer} tier={tier} members={members.data} />}
        />
      )}
    </ManagePage>
  );
}

/** A tier's seats: current and past, with a form to seat a member and a button to record a leave. */
function Memberships({ kommunenummer, tier, members }: { kommunenummer: string; tier: Tier; members: Member[] }) {
  const { t } = useTranslation();
  const memberships = useList<Membership>(kommunenummer, 'memberships', routes.listMemberships, { tierId: tier.id });
  const write = useSetupWrite(kommunenummer);
  const [formKey, setFormKey] = useState(0);
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? t('slt.erased');
  const fields: CreateField<CreateMembership>[] = [
    {
      name: 'memberId',
      kind: 'select',
      label: t('tiers.member'),
      required: true,
      options: members.filter((m) => !m.erasedAt).map((m) => ({ value: m.id, label: m.name! })),
    },
    {
      name: 'role',
      kind: 'select',
      label: t('tiers.role'),
      required: true,
      options: MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
    },
    { name: 'startDate', kind: 'date', label: t('tiers.startDate'), required: true },
    { name: 'endDate', kind: 'date', label: t('tiers.endDate') },
  ];

  async function leave(membership: Membership) {
    const { etag } = await readWithEtag<Membership>(routes.getMembership, { kommunenummer, tierId: tier.id, membershipId: membership.id });
    await write.send(routes.updateMembership, {
      params: { tierId: tier.id, membershipId: membership.id },
      body: { endDate: today() },
      etag,
    });
  }

  return (
    <section aria-labelledby="memberships" className="section">
      <Heading level={3} data-size="xs" id="memberships">
        {t('tiers.memberships', { name: tier.name })}
      </Heading>
      {memberships.data && memberships.data.length > 0 ? (
        <div className="table-scroll">
          <Table className="results">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('tiers.member')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tiers.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tiers.period')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('forms.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {memberships.data.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{nameOf(m.memberId)}</Table.Cell>
                  <Table.Cell>{t(`roles.${m.role}`)}</Table.Cell>
                  <Table.Cell>{`${m.startDate} – ${m.endDate ?? ''}`}</Table.Cell>
                  <Table.Cell>
                    {(m.endDate === null || m.endDate > today()) && (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => void leave(m)}
                        aria-label={t('tiers.leaveNamed', { name: nameOf(m.memberId) })}
                      >
                        {t('tiers.leave')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Paragraph>{t('tiers.noMemberships')}</Paragraph>
      )}
      <Heading level={4} data-size="2xs">
        {t('tiers.addMembership')}
      </Heading>
      <ResourceForm
        key={formKey}
        id="membership-form"
        fields={fields}
        initial={{ memberId: '', role: 'member', startDate: today(), endDate: '' }}
        submitLabel={t('tiers.addMembership')}
        onSubmit={async (values) => {
          await write.send(routes.createMembership, {
            params: { tierId: tier.id },
            body: createBody(fields, values),
          });
          setFormKey((k) => k + 1);
        }}
      />
    </section>
  );
}
