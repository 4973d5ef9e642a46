import { Alert, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { ActionItem, Meeting } from '@slt/shared/browser';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../auth/RequireRole';
import { useSession } from '../auth/session';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { meetingQueries } from '../meetings/api';
import { useMunicipalityName, useTiersAndMembers, useViewer } from '../meetings/hooks';
import { addDays, currentYearOslo, formatDate, formatDateTime, todayOslo } from '../meetings/time';
import { workspaceGroupsFor } from './links';
import '../../designsystemet/card.css';
import '../../i18n/meetings';

/**
 * A municipality's home for its users: what needs attention (overdue and due-this-week action
 * items, meetings held without minutes, tiers behind their meeting rule, the next deadlines of the
 * year plan), the next meetings, and a link to every page of the workspace.
 */
export function HomePage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/home' });
  return (
    <RequireRole kommunenummer={kommunenummer} role="member">
      <Home kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

function Home({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  const name = useMunicipalityName(kommunenummer);
  const { user } = useSession();
  const heading = t('home.title', { name });
  useDocumentTitle(heading);
  return (
    <>
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <Paragraph>{t('home.intro')}</Paragraph>
      <div className="home-grid">
        <Attention kommunenummer={kommunenummer} />
        <NextMeetings kommunenummer={kommunenummer} />
      </div>
      <section aria-labelledby="home-pages" className="section">
        <Heading level={2} data-size="sm" id="home-pages">
          {t('home.pages')}
        </Heading>
        <div className="home-links">
          {workspaceGroupsFor(user, kommunenummer).map((group) => (
            <nav key={group.key} aria-labelledby={`home-group-${group.key}`} className="home-link-group">
              <Heading level={3} data-size="2xs" id={`home-group-${group.key}`}>
                {t(`home.groups.${group.key}`)}
              </Heading>
              <ul className="plain">
                {group.pages.map(([key, to]) => (
                  <li key={key}>
                    <DsLink asChild>
                      <Link to={to} params={{ kommunenummer }}>
                        {t(`nav.${key}`)}
                      </Link>
                    </DsLink>
                  </li>
                ))}
              </ul>
            </nav>
          ))}
        </div>
      </section>
    </>
  );
}

function Attention({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const { viewer, canManage } = useViewer(kommunenummer);
  const today = todayOslo();
  const weekAhead = addDays(today, 7);
  const year = currentYearOslo();
  const setup = useTiersAndMembers(kommunenummer);
  const open = useQuery(meetingQueries.actionItems(kommunenummer, canManage ? { status: 'open' } : { status: 'open', mine: true }));
  const compliance = useQuery(meetingQueries.compliance(kommunenummer, year));
  const plan = useQuery(meetingQueries.yearPlan(kommunenummer, year, viewer));
  const nextPlan = useQuery({ ...meetingQueries.yearPlan(kommunenummer, year + 1, viewer), enabled: today.slice(5) >= '10-01' });
  const held = useQuery(meetingQueries.list(kommunenummer, { status: 'held', from: addDays(today, -180), to: today, limit: 20 }, viewer));
  const heldDetails = useQueries({
    queries: (held.data?.items ?? []).map((m) => ({ ...meetingQueries.detail(kommunenummer, m.id, viewer), enabled: canManage })),
  });
  if (open.isPending || compliance.isPending || plan.isPending) return <Spinner aria-label={t('common.loading')} />;
  if (open.isError || compliance.isError || plan.isError) return <Alert data-color="danger">{t('common.error')}</Alert>;

  const items = open.data;
  const overdue = items.filter((i) => i.overdue);
  const dueSoon = items.filter((i) => !i.overdue && i.dueDate !== null && i.dueDate <= weekAhead);
  const withoutMinutes = heldDetails.flatMap((q) => (q.data && !q.data.item.minutes ? [q.data.item] : []));
  const behind = compliance.data.tiers.filter((tier) => tier.status === 'behind' || tier.status === 'at_risk');
  const deadlines = [...plan.data.keyDates, ...(nextPlan.data?.keyDates ?? [])].filter((d) => d.date >= today).slice(0, 3);

  const itemLine = (item: ActionItem) => (
    <li key={item.id}>
      <DsLink asChild>
        <Link to="/municipalities/$kommunenummer/meetings/$meetingId" params={{ kommunenummer, meetingId: item.meetingId }}>
          {item.description}
        </Link>
      </DsLink>{' '}
      <span className="muted">
        {[setup.memberName(item.responsibleMemberId), item.dueDate ? t('home.due', { date: formatDate(item.dueDate, i18n.language) }) : '']
          .filter(Boolean)
          .join(' · ')}
      </span>
    </li>
  );
  const nothing = overdue.length + dueSoon.length + withoutMinutes.length + behind.length === 0;

  return (
    <section aria-labelledby="home-attention" className="panel home-attention">
      <Heading level={2} data-size="sm" id="home-attention">
        {t('home.attention')}
      </Heading>
      {nothing && <Paragraph>{t('home.allClear')}</Paragraph>}
      {overdue.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            <Tag data-color="danger">{overdue.length}</Tag> {t('home.overdue')}
          </Heading>
          <ul className="plain">{overdue.slice(0, 5).map(itemLine)}</ul>
        </>
      )}
      {dueSoon.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            <Tag data-color="warning">{dueSoon.length}</Tag> {t('home.dueSoon')}
          </Heading>
          <ul className="plain">{dueSoon.slice(0, 5).map(itemLine)}</ul>
        </>
      )}
      {withoutMinutes.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            <Tag data-color="warning">{withoutMinutes.length}</Tag> {t('home.withoutMinutes')}
          </Heading>
          <ul className="plain">{withoutMinutes.map((m) => meetingLine(kommunenummer, m, i18n.language))}</ul>
        </>
      )}
      {behind.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            <Tag data-color="warning">{behind.length}</Tag> {t('home.behind')}
          </Heading>
          <ul className="plain">
            {behind.map((tier) => (
              <li key={tier.tierId}>
                {tier.name}: {t(`meetings.compliance.statuses.${tier.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={3} data-size="2xs">
        {t('home.deadlines')}
      </Heading>
      {deadlines.length === 0 ? (
        <Paragraph data-size="sm">{t('home.noDeadlines')}</Paragraph>
      ) : (
        <ul className="plain">
          {deadlines.map((d) => (
            <li key={`${d.keyDateId}-${d.date}`}>
              {formatDate(d.date, i18n.language)}: {d.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function meetingLine(kommunenummer: string, meeting: Meeting, language: string) {
  return (
    <li key={meeting.id}>
      <DsLink asChild>
        <Link to="/municipalities/$kommunenummer/meetings/$meetingId" params={{ kommunenummer, meetingId: meeting.id }}>
          {meeting.title}
        </Link>
      </DsLink>{' '}
      <span className="muted">{formatDateTime(meeting.startsAt, language)}</span>
    </li>
  );
}

function NextMeetings({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer(kommunenummer);
  const setup = useTiersAndMembers(kommunenummer);
  const upcoming = useQuery(meetingQueries.list(kommunenummer, { from: todayOslo(), status: 'planned', limit: 5 }, viewer));
  return (
    <Card className="home-next" role="region" aria-labelledby="home-next">
      <Heading level={2} data-size="sm" id="home-next">
        {t('home.nextMeetings')}
      </Heading>
      {upcoming.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : upcoming.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : upcoming.data.items.length === 0 ? (
        <Paragraph data-size="sm">{t('home.noMeetings')}</Paragraph>
      ) : (
        <ul className="plain">
          {upcoming.data.items.map((m) => (
            <li key={m.id}>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/meetings/$meetingId" params={{ kommunenummer, meetingId: m.id }}>
                  {m.title}
                </Link>
              </DsLink>
              <br />
              <span className="muted">
                {setup.tierName(m.tierId)} · {formatDateTime(m.startsAt, i18n.language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
