import { Alert, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { YearPlan } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { meetingQueries } from './api';
import { useMunicipalityName, useTiersAndMembers, useViewer } from './hooks';
import { KeyDatesManager } from './KeyDatesManager';
import { MeetingsNav } from './MeetingsNav';
import { MeetingStatusTag } from './StatusTags';
import { currentYearOslo, formatDayMonth, monthName, osloDate } from './time';
import '../../i18n/meetings';

export interface YearPlanSearch {
  year?: string;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The year plan (årshjul): every tier's meetings and the key dates, month by month. */
export function YearPlanPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/year-plan' });
  const search = useSearch({ from: '/municipalities/$kommunenummer/year-plan' });
  const year = search.year ? Number(search.year) : currentYearOslo();
  const { viewer, ready, canManage } = useViewer(kommunenummer);
  const name = useMunicipalityName(kommunenummer);
  const setup = useTiersAndMembers(kommunenummer);
  const plan = useQuery({ ...meetingQueries.yearPlan(kommunenummer, year, viewer), enabled: ready });
  const title = t('meetings.yearPlan.title', { name, year });
  useDocumentTitle(title);

  return (
    <>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <MeetingsNav kommunenummer={kommunenummer} />
      <Paragraph>{t('meetings.yearPlan.intro')}</Paragraph>
      <nav aria-label={t('meetings.yearPlan.years')} className="buttons year-nav">
        <DsLink asChild>
          <Link to="/municipalities/$kommunenummer/year-plan" params={{ kommunenummer }} search={{ year: String(year - 1) }}>
            ← {t('meetings.yearPlan.previous', { year: year - 1 })}
          </Link>
        </DsLink>
        <DsLink asChild>
          <Link to="/municipalities/$kommunenummer/year-plan" params={{ kommunenummer }} search={{ year: String(year + 1) }}>
            {t('meetings.yearPlan.next', { year: year + 1 })} →
          </Link>
        </DsLink>
      </nav>
      {plan.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : plan.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : (
        <Months plan={plan.data} kommunenummer={kommunenummer} tierName={setup.tierName} />
      )}
      {canManage && <KeyDatesManager kommunenummer={kommunenummer} year={year} />}
    </>
  );
}

function Months({ plan, kommunenummer, tierName }: { plan: YearPlan; kommunenummer: string; tierName: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const meetings = [...plan.meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const keyDates = [...plan.keyDates].sort((a, b) => a.date.localeCompare(b.date));
  const monthOf = (date: string) => Number(date.slice(5, 7));
  return (
    <ol className="year-plan">
      {MONTHS.map((month) => {
        const inMonth = meetings.filter((m) => monthOf(osloDate(m.startsAt)) === month);
        const dates = keyDates.filter((d) => monthOf(d.date) === month);
        const id = `month-${month}`;
        return (
          <li key={month} className="year-month">
            <section aria-labelledby={id}>
              <Heading level={2} data-size="xs" id={id}>
                {monthName(plan.year, month, i18n.language)}
              </Heading>
              {inMonth.length === 0 && dates.length === 0 && (
                <Paragraph data-size="sm" className="muted">
                  {t('meetings.yearPlan.nothing')}
                </Paragraph>
              )}
              <ul className="plain">
                {dates.map((d) => (
                  <li key={`${d.keyDateId}-${d.date}`} className="key-date">
                    <span className="date">{formatDayMonth(d.date, i18n.language)}</span> {d.title}{' '}
                    <Tag data-color="warning" data-size="sm">
                      {t(`meetings.keyDates.kinds.${d.kind}`)}
                    </Tag>
                  </li>
                ))}
                {inMonth.map((m) => (
                  <li key={m.id}>
                    <span className="date">{formatDayMonth(osloDate(m.startsAt), i18n.language)}</span>{' '}
                    <DsLink asChild>
                      <Link to="/municipalities/$kommunenummer/meetings/$meetingId" params={{ kommunenummer, meetingId: m.id }}>
                        {m.title}
                      </Link>
                    </DsLink>{' '}
                    <span className="muted">({tierName(m.tierId)})</span> <MeetingStatusTag status={m.status} />
                  </li>
                ))}
              </ul>
            </section>
          </li>
        );
      })}
    </ol>
  );
}
