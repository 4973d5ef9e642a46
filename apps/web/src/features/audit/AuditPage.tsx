import { Alert, Button, Field, Heading, Input, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { ENUM_LABELS, type AuditEntry } from '@slt/shared/browser';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { RequireRole } from '../auth/RequireRole';
import { DataTable } from '../layout/DataTable';
import { Spinner } from '../layout/Spinner';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { formatDate, formatDateTime } from '../meetings/time';
import { municipalityQueries } from '../municipalities/queries';
import { userQueries } from '../users/queries';
import { auditQueries, type AuditFilters } from './queries';

export function AuditPage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/audit' });
  return (
    <RequireRole kommunenummer={kommunenummer} role="coordinator">
      <AuditLog kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

const ENTITIES = [
  'meeting',
  'agenda_item',
  'decision',
  'action_item',
  'tier',
  'membership',
  'member',
  'organization',
  'target_group',
  'focus_area',
  'goal',
  'indicator',
  'measurement',
  'measure',
  'evaluation',
  'key_date',
  'municipality',
  'partnership',
  'user',
  'user_role',
  'api_token',
  'session',
] as const;
const ACTIONS = ['create', 'update', 'delete', 'revoke', 'login', 'logout', 'refresh'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The words for a stored value: enum values by their label, dates and times in Oslo time, yes/no; no UUIDs, no JSON. */
function describe(value: unknown, t: TFunction, language: string, field?: string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return t('audit.someone');
    if (field === 'scopes') return t(`tokens.scopeNames.${value}`, { defaultValue: value });
    if (DATE.test(value)) return formatDate(value, language);
    if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value, language);
    const labels = ENUM_LABELS[language === 'nn' || language === 'en' ? language : 'nb'] as unknown as Record<
      string,
      Record<string, string>
    >;
    for (const group of Object.values(labels)) if (typeof group[value] === 'string') return group[value];
    return value;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' && UUID.test(v))) return t('audit.entries', { count: value.length });
    return value.map((v) => describe(v, t, language, field)).join(', ') || '–';
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // A map keyed by ids (attendance: person → status) reads as counts of its values.
    if (entries.length > 0 && entries.every(([k]) => UUID.test(k))) {
      const counts = new Map<string, number>();
      for (const [, v] of entries) counts.set(describe(v, t, language), (counts.get(describe(v, t, language)) ?? 0) + 1);
      return [...counts].map(([label, count]) => t('audit.times', { label, count })).join(', ');
    }
    return entries.map(([k, v]) => `${fieldLabel(k, t)}: ${describe(v, t, language, k)}`).join('; ') || '–';
  }
  return String(value);
}

const fieldLabel = (field: string, t: TFunction): string => t(`audit.fields.${field}`, { defaultValue: '' }) || field;

function AuditLog({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  const name = municipality.data?.name ?? kommunenummer;
  useDocumentTitle(t('audit.title', { name }));
  const [filters, setFilters] = useState<AuditFilters>({});
  const entries = useInfiniteQuery(auditQueries.list(kommunenummer, filters));
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const users = useQuery(userQueries.list(kommunenummer));
  // The people to filter by: everyone with access, and whoever else the log has shown (a former user, a token).
  const people = new Map<string, string>();
  for (const user of users.data ?? []) people.set(user.id, `${user.name} (${user.email})`);
  for (const entry of items) if (entry.actor.id && !people.has(entry.actor.id)) people.set(entry.actor.id, entry.actor.label);
  const personOptions = [...people].sort(([, a], [, b]) => a.localeCompare(b, 'nb'));
  const set = (key: keyof AuditFilters) => (value: string) =>
    setFilters(({ [key]: _old, ...rest }) => (value ? { ...rest, [key]: value } : rest));

  const columns = [
    {
      header: t('audit.when'),
      cell: (entry: AuditEntry) => <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>,
    },
    { header: t('audit.who'), cell: (entry: AuditEntry) => (entry.actor.type === 'system' ? t('audit.system') : entry.actor.label) },
    {
      header: t('audit.what'),
      cell: (entry: AuditEntry) => (
        <>
          {t(`audit.entities.${entry.entity}`, { defaultValue: entry.entity })} –{' '}
          {t(`audit.actions.${entry.action}`, { defaultValue: entry.action }).toLowerCase()}
        </>
      ),
    },
    {
      header: t('audit.changes'),
      cell: (entry: AuditEntry) => {
        const changes = Object.entries(entry.changes);
        if (changes.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
        return (
          <ul className="changes">
            {changes.map(([field, change]) => (
              <li key={field}>
                <strong>{fieldLabel(field, t)}</strong>:{' '}
                {entry.action === 'create'
                  ? describe(change.after, t, i18n.language, field)
                  : entry.action === 'delete'
                    ? describe(change.before, t, i18n.language, field)
                    : `${describe(change.before, t, i18n.language, field)} → ${describe(change.after, t, i18n.language, field)}`}
              </li>
            ))}
          </ul>
        );
      },
    },
  ];

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('audit.title', { name })}
      </Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <section aria-labelledby="audit-filters" className="section">
        <h2 id="audit-filters" className="visually-hidden">
          {t('audit.filters')}
        </h2>
        <div className="filters">
          <Field>
            <Label htmlFor="audit-entity">{t('audit.kind')}</Label>
            <Select id="audit-entity" value={filters.entity ?? ''} onChange={(e) => set('entity')(e.target.value)}>
              <Select.Option value="">{t('audit.allKinds')}</Select.Option>
              {ENTITIES.map((entity) => (
                <Select.Option key={entity} value={entity}>
                  {t(`audit.entities.${entity}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="audit-action">{t('audit.action')}</Label>
            <Select id="audit-action" value={filters.action ?? ''} onChange={(e) => set('action')(e.target.value)}>
              <Select.Option value="">{t('audit.allActions')}</Select.Option>
              {ACTIONS.map((action) => (
                <Select.Option key={action} value={action}>
                  {t(`audit.actions.${action}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="audit-person">{t('audit.person')}</Label>
            <Select id="audit-person" value={filters.actorId ?? ''} onChange={(e) => set('actorId')(e.target.value)}>
              <Select.Option value="">{t('audit.allPeople')}</Select.Option>
              {personOptions.map(([id, label]) => (
                <Select.Option key={id} value={id}>
                  {label}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="audit-from">{t('audit.from')}</Label>
            <Input id="audit-from" type="date" value={filters.from ?? ''} onChange={(e) => set('from')(e.target.value)} />
          </Field>
          <Field>
            <Label htmlFor="audit-to">{t('audit.to')}</Label>
            <Input id="audit-to" type="date" value={filters.to ?? ''} onChange={(e) => set('to')(e.target.value)} />
          </Field>
        </div>
      </section>
      {entries.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : entries.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : items.length === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <DataTable items={items} columns={columns} caption={t('audit.title', { name })} />
      )}
      {entries.hasNextPage && (
        <Button variant="secondary" onClick={() => void entries.fetchNextPage()}>
          {t('audit.loadMore')}
        </Button>
      )}
    </>
  );
}
