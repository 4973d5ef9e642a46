import { Alert, Field, Heading, Label, Link as DsLink, Paragraph, Select } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { Meeting } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { meetingQueries } from './api';
import { CalendarLinks } from './CalendarLinks';
import { useMunicipalityName, useTiersAndMembers, useViewer } from './hooks';
import { MeetingsNav } from './MeetingsNav';
import { groupByMonth } from './months';
import { ScheduleMeetingForm } from './ScheduleMeetingForm';
import { MeetingStatusTag } from './StatusTags';
import { currentYearOslo, formatTimeRange, monthName } from './time';
import '../../i18n/meetings';

export interface MeetingFilters {
  tierId?: string;
}

/** The meeting calendar: upcoming and past meetings by month, filtered by tier; coordinators schedule meetings here. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/meetings' });
  const { tierId } = useSearch({ from: '/municipalities/$kommunenummer/meetings' });
  const navigate = useNavigate({ from: '/municipalities/$kommunenummer/meetings' });
  const { viewer, ready, canManage } = useViewer(kommunenummer);
  const name = useMunicipalityName(kommunenummer);
  const setup = useTiersAndMembers(kommunenummer);
  // Two years back and everything ahead: enough history to look back on, in one page.
  const query = { from: `${currentYearOslo() - 2}-01-01`, limit: 500, ...(tierId ? { tierId } : {}) };
  const meetings = useQuery({ ...meetingQueries.list(kommunenummer, query, viewer), enabled: ready });
  // When the page opened: meetings that have ended since stay under upcoming until the next visit.
  const [now] = useState(Date.now);
  const title = t('meetings.list.title', { name });
  useDocumentTitle(title);

  const items = meetings.data?.items ?? [];
  const upcoming = items.filter((m) => Date.parse(m.endsAt) >= now);
  const past = items.filter((m) => Date.parse(m.endsAt) < now).reverse();

  return (
    <>
      <Paragraph className="back-link">
        <DsLink asChild>
          <Link to="/municipalities/$kommunenummer" params={{ kommunenummer }}>
            ← {t('meetings.list.back', { name })}
          </Link>
        </DsLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <MeetingsNav kommunenummer={kommunenummer} />
      <Paragraph>{t('meetings.list.intro')}</Paragraph>
      {canManage && setup.ready && <ScheduleMeetingForm kommunenummer={kommunenummer} tiers={setup.tiers} defaultTierId={tierId} />}
      <section aria-labelledby="meetings-filter" className="section">
        <h2 id="meetings-filter" className="visually-hidden">
          {t('meetings.list.filter')}
        </h2>
        <Field className="narrow">
          <Label htmlFor="filter-tier">{t('meetings.tier')}</Label>
          <Select
            id="filter-tier"
            value={tierId ?? ''}
            onChange={(e) => void navigate({ search: e.target.value ? { tierId: e.target.value } : {} })}
          >
            <Select.Option value="">{t('meetings.list.allTiers')}</Select.Option>
            {setup.tiers.map((tier) => (
              <Select.Option key={tier.id} value={tier.id}>
                {tier.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </section>
      {meetings.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : meetings.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : (
        <>
          <MeetingMonths
            id="upcoming"
            heading={t('meetings.list.upcoming')}
            empty={t('meetings.list.noUpcoming')}
            meetings={upcoming}
            kommunenummer={kommunenummer}
            tierName={setup.tierName}
          />
          <MeetingMonths
            id="past"
            heading={t('meetings.list.past')}
            empty={t('meetings.list.noPast')}
            meetings={past}
            kommunenummer={kommunenummer}
            tierName={setup.tierName}
          />
        </>
      )}
      <CalendarLinks kommunenummer={kommunenummer} tier={setup.tiers.find((tier) => tier.id === tierId)} />
    </>
  );
}

interface MeetingMonthsProps {
  id: string;
  heading: string;
  empty: string;
  meetings: Meeting[];
  kommunenummer: string;
  tierName: (id: string) => string;
}

function MeetingMonths({ id, heading, empty, meetings, kommunenummer, tierName }: MeetingMonthsProps) {
  const { i18n } = useTranslation();
  return (
    <section aria-labelledby={id} className="section">
      <Heading level={2} data-size="md" id={id}>
        {heading}
      </Heading>
      {meetings.length === 0 && <Paragraph>{empty}</Paragraph>}
      {groupByMonth(meetings, (m) => m.startsAt).map(({ month, items }) => (
        <section key={month} aria-labelledby={`${id}-${month}`} className="month">
          <Heading level={3} data-size="xs" id={`${id}-${month}`}>
            {monthName(Number(month.slice(0, 4)), Number(month.slice(5, 7)), i18n.language)}
          </Heading>
          <ul className="plain meeting-list">
            {items.map((meeting) => (
              <li key={meeting.id} className="meeting-item">
                <DsLink asChild>
                  <Link to="/municipalities/$kommunenummer/meetings/$meetingId" params={{ kommunenummer, meetingId: meeting.id }}>
                    {meeting.title}
                  </Link>
                </DsLink>{' '}
                <MeetingStatusTag status={meeting.status} />
                <span className="meeting-meta">
                  {[tierName(meeting.tierId), formatTimeRange(meeting.startsAt, meeting.endsAt, i18n.language), meeting.place]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
