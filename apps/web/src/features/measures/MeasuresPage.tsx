import { Button, Field, Label, Search, Select, Tag } from '@digdir/designsystemet-react';
import {
  EVIDENCE_LEVELS,
  MEASURE_STATUSES,
  MEASURE_TRANSITIONS,
  routes,
  type FocusArea,
  type Measure,
  type MeasureStatus,
  type Member,
  type Organization,
  type TargetGroup,
  type Tier,
} from '@slt/shared/browser';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../resources/api';
import { ResourcePage, type ResourceField } from '../resources/ResourcePage';
import { ManagePage } from '../slt/ManagePage';
import { Evaluations } from './Evaluations';

import { FILTER_KEYS, type MeasureFilters } from './filters';
import '../../designsystemet/search.css';

const measureRoutes = {
  list: routes.listMeasures,
  get: routes.getMeasure,
  create: routes.createMeasure,
  update: routes.updateMeasure,
  remove: routes.deleteMeasure,
};

/** The measures register: filters live in the URL (shareable, and kept on Back); add and edit below. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/measures' });
  const filters = useSearch({ from: '/municipalities/$kommunenummer/measures' });
  const navigate = useNavigate({ from: '/municipalities/$kommunenummer/measures' });
  const targetGroups = useList<TargetGroup>(kommunenummer, 'target-groups', routes.listTargetGroups);
  const focusAreas = useList<FocusArea>(kommunenummer, 'focus-areas', routes.listFocusAreas);
  const organizations = useList<Organization>(kommunenummer, 'organizations', routes.listOrganizations);
  const members = useList<Member>(kommunenummer, 'members', routes.listMembers);
  const tiers = useList<Tier>(kommunenummer, 'tiers', routes.listTiers);
  const [q, setQ] = useState(filters.q ?? '');
  const ready = targetGroups.isSuccess && focusAreas.isSuccess && organizations.isSuccess && members.isSuccess && tiers.isSuccess;

  const options = <T extends { id: string }>(items: T[] | undefined, label: (item: T) => string) =>
    (items ?? []).map((i) => ({ value: i.id, label: label(i) }));
  const statusOptions = <S extends string>(statuses: readonly S[]) =>
    statuses.map((s) => ({ value: s, label: t(`measures.statuses.${s}`) }));
  const fields = (statuses: readonly MeasureStatus[]): ResourceField<typeof measureRoutes>[] => [
    { name: 'title', kind: 'text', label: t('measures.measureTitle'), required: true },
    { name: 'description', kind: 'textarea', label: t('measures.description') },
    { name: 'status', kind: 'select', label: t('measures.status'), required: true, options: statusOptions(statuses) },
    { name: 'startDate', kind: 'date', label: t('measures.startDate') },
    { name: 'endDate', kind: 'date', label: t('measures.endDate') },
    {
      name: 'responsibleOrganizationId',
      kind: 'select',
      label: t('measures.organization'),
      options: options(organizations.data, (o) => o.name),
    },
    {
      name: 'responsibleMemberId',
      kind: 'select',
      label: t('measures.member'),
      options: options(
        members.data?.filter((m) => !m.erasedAt),
        (m) => m.name!,
      ),
    },
    { name: 'decidedByTierId', kind: 'select', label: t('measures.decidedBy'), options: options(tiers.data, (x) => x.name) },
    {
      name: 'evidenceLevel',
      kind: 'select',
      label: t('measures.evidence'),
      required: true,
      options: EVIDENCE_LEVELS.map((e) => ({ value: e, label: t(`measures.evidenceLevels.${e}`) })),
    },
    { name: 'targetGroupIds', kind: 'multi', label: t('nav.targetGroups'), options: options(targetGroups.data, (g) => g.name) },
    { name: 'focusAreaIds', kind: 'multi', label: t('nav.focusAreas'), options: options(focusAreas.data, (f) => f.name) },
    { name: 'isPublic', kind: 'checkbox', label: t('measures.isPublic'), description: t('measures.isPublicHint') },
  ];

  const setFilter = (patch: MeasureFilters) =>
    void navigate({ search: (prev) => Object.fromEntries(Object.entries({ ...prev, ...patch }).filter(([, v]) => v)) as MeasureFilters });
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ q: q.trim() || undefined });
  };
  const filterSelect = (key: keyof MeasureFilters, label: string, opts: { value: string; label: string }[]) => (
    <Field>
      <Label htmlFor={`filter-${key}`}>{label}</Label>
      <Select id={`filter-${key}`} value={filters[key] ?? ''} onChange={(e) => setFilter({ [key]: e.target.value || undefined })}>
        <Select.Option value="">{t('measures.all')}</Select.Option>
        {opts.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
  const query = Object.fromEntries(FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]]));

  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('measures.title', { name })} intro={t('measures.intro')}>
      {ready && (
        <>
          <section aria-labelledby="filters" className="panel">
            <h2 id="filters" className="visually-hidden">
              {t('measures.filters')}
            </h2>
            <form role="search" onSubmit={submitSearch} className="filters">
              <Field>
                <Label htmlFor="filter-q">{t('measures.search')}</Label>
                <Search>
                  <Search.Input id="filter-q" value={q} onChange={(e) => setQ(e.target.value)} aria-label={t('measures.search')} />
                  <Search.Button aria-label={t('measures.searchButton')} />
                </Search>
              </Field>
              {filterSelect('status', t('measures.status'), statusOptions(MEASURE_STATUSES))}
              {filterSelect(
                'focusAreaId',
                t('measures.focusArea'),
                options(focusAreas.data, (f) => f.name),
              )}
              {filterSelect(
                'targetGroupId',
                t('measures.targetGroup'),
                options(targetGroups.data, (g) => g.name),
              )}
              {filterSelect(
                'organizationId',
                t('measures.organization'),
                options(organizations.data, (o) => o.name),
              )}
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setQ('');
                  void navigate({ search: {} });
                }}
              >
                {t('measures.clear')}
              </Button>
            </form>
          </section>
          <ResourcePage<Measure, typeof measureRoutes>
            kommunenummer={kommunenummer}
            name="measures"
            routes={measureRoutes}
            idParam="measureId"
            query={{ ...query, limit: 500 }}
            fields={fields(MEASURE_STATUSES)}
            fieldsFor={(m) => fields([m.status, ...MEASURE_TRANSITIONS[m.status]])}
            itemName={(m) => m.title}
            details={(m) => <Evaluations kommunenummer={kommunenummer} measureId={m.id} />}
            labels={{
              list: t('measures.results'),
              add: t('measures.add'),
              new: t('measures.new'),
              edit: (m) => t('forms.editNamed', { name: m.title }),
              empty: t('measures.empty'),
            }}
            columns={[
              { header: t('measures.measureTitle'), cell: (m) => m.title },
              { header: t('measures.status'), cell: (m) => t(`measures.statuses.${m.status}`) },
              {
                header: t('measures.visibility'),
                cell: (m) => (m.isPublic ? <Tag data-color="success">{t('measures.public')}</Tag> : <Tag>{t('measures.internal')}</Tag>),
              },
            ]}
          />
        </>
      )}
    </ManagePage>
  );
}
