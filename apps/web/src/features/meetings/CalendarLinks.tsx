import { Alert, Button, Heading, Link as DsLink, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { buildPath, routes, type CreatedCalendarFeed, type Tier } from '@slt/shared/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useSession } from '../auth/session';
import { formatDateTime } from './time';
import { ConfirmButton } from '../forms/ConfirmButton';
import '../../designsystemet/table.css';
import '../../i18n/meetings';

const absolute = (path: string) => `${window.location.origin}${path}`;

/** Subscribe links: the municipality's public calendar (and the filtered tier's), and the user's secret personal feeds. */
export function CalendarLinks({ kommunenummer, tier }: { kommunenummer: string; tier?: Tier }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const municipalityFeed = buildPath(routes.getMunicipalityCalendar.path, { kommunenummer });
  const tierFeed = tier ? buildPath(routes.getTierCalendar.path, { kommunenummer, tierId: tier.id }) : undefined;
  return (
    <section aria-labelledby="subscribe" className="section no-print">
      <Heading level={2} data-size="sm" id="subscribe">
        {t('meetings.calendar.title')}
      </Heading>
      <Paragraph>{t('meetings.calendar.intro')}</Paragraph>
      <ul className="plain">
        <li>
          <DsLink href={municipalityFeed}>{t('meetings.calendar.municipality')}</DsLink>
          <code className="secret">{absolute(municipalityFeed)}</code>
        </li>
        {tier && tierFeed && (
          <li>
            <DsLink href={tierFeed}>{t('meetings.calendar.tier', { name: tier.name })}</DsLink>
            <code className="secret">{absolute(tierFeed)}</code>
          </li>
        )}
      </ul>
      {user && <PersonalFeeds />}
    </section>
  );
}

/** The user's personal feeds: create one (its secret URL is shown once) and revoke them. */
function PersonalFeeds() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const feeds = useQuery({ queryKey: ['calendar-feeds'], queryFn: async () => (await api.call(routes.listCalendarFeeds, {})).items });
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [label, setLabel] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar-feeds'] });
  const create = useMutation({
    mutationFn: () => api.call(routes.createCalendarFeed, { body: label.trim() ? { label: label.trim() } : {} }),
    onSuccess: (feed) => {
      setCreated(feed);
      setLabel('');
    },
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (feedId: string) => api.call(routes.revokeCalendarFeed, { params: { feedId } }),
    onSettled: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <section aria-labelledby="personal-feeds" className="section">
      <Heading level={3} data-size="xs" id="personal-feeds">
        {t('meetings.calendar.personal')}
      </Heading>
      <Paragraph>{t('meetings.calendar.personalIntro')}</Paragraph>
      <form onSubmit={submit} className="stack narrow">
        <Textfield
          label={t('meetings.calendar.label')}
          description={t('meetings.calendar.labelHint')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={create.isPending}>
          {t('meetings.calendar.create')}
        </Button>
      </form>
      <div aria-live="polite">
        {created && (
          <Alert data-color="success">
            {t('meetings.calendar.created')}
            <code className="secret">{created.url}</code>
          </Alert>
        )}
        {(create.isError || revoke.isError) && <Alert data-color="danger">{t('common.error')}</Alert>}
      </div>
      {feeds.data && feeds.data.length > 0 && (
        <div className="table-scroll">
          <Table className="results">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('meetings.calendar.label')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.calendar.lastUsed')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('forms.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {feeds.data.map((feed) => (
                <Table.Row key={feed.id}>
                  <Table.Cell>{feed.label}</Table.Cell>
                  <Table.Cell>{feed.lastUsedAt ? formatDateTime(feed.lastUsedAt, i18n.language) : t('common.never')}</Table.Cell>
                  <Table.Cell>
                    <ConfirmButton
                      size="sm"
                      label={t('meetings.calendar.revoke')}
                      accessibleName={t('meetings.calendar.revokeNamed', { name: feed.label })}
                      question={t('meetings.calendar.revokeQuestion', { name: feed.label })}
                      consequence={t('meetings.calendar.revokeConsequence')}
                      onConfirm={() => revoke.mutate(feed.id)}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
