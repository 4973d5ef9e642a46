import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { ActionItem } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../auth/RequireRole';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { meetingQueries } from './api';
import { ActionItemTable } from './ActionItemTable';
import { useMunicipalityName, useTiersAndMembers, useViewer } from './hooks';
import { useOutcome } from './Failure';
import { MeetingsNav } from './MeetingsNav';
import { currentYearOslo, formatDate, osloDate } from './time';
import '../../i18n/meetings';

/** My open tasks (action items where I am responsible), and for coordinators the municipality's open and overdue ones. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/tasks' });
  const name = useMunicipalityName(kommunenummer);
  const title = t('meetings.tasks.title', { name });
  useDocumentTitle(title);
  return (
    <RequireRole kommunenummer={kommunenummer} role="member">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <MeetingsNav kommunenummer={kommunenummer} />
      <Tasks kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

function Tasks({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const { viewer, canManage } = useViewer(kommunenummer);
  const setup = useTiersAndMembers(kommunenummer);
  const mine = useQuery(meetingQueries.actionItems(kommunenummer, { mine: true, status: 'open' }));
  const open = useQuery({ ...meetingQueries.actionItems(kommunenummer, { status: 'open' }), enabled: canManage });
  const overdue = useQuery({ ...meetingQueries.actionItems(kommunenummer, { overdue: true }), enabled: canManage });
  // One announcement region for the page: a table goes away when its last open task is done.
  const outcome = useOutcome();
  const meetings = useQuery(meetingQueries.list(kommunenummer, { from: `${currentYearOslo() - 2}-01-01`, limit: 500 }, viewer));
  const meetingTitle = (id: string) => {
    const found = meetings.data?.items.find((m) => m.id === id);
    return found && `${found.title} (${formatDate(osloDate(found.startsAt), i18n.language)})`;
  };
  const table = (items: ActionItem[], caption: string, empty: string) =>
    items.length === 0 ? (
      <Paragraph>{empty}</Paragraph>
    ) : (
      <ActionItemTable
        kommunenummer={kommunenummer}
        items={items}
        caption={caption}
        canManage={canManage}
        myMemberIds={setup.myMemberIds}
        memberName={setup.memberName}
        meetingTitle={meetingTitle}
        showMeeting
        outcome={outcome}
      />
    );
  const overdueCount = (items: ActionItem[] | undefined) => (items ?? []).filter((i) => i.overdue).length;

  return (
    <>
      {outcome.region}
      <section aria-labelledby="mine" className="section">
        <Heading level={2} data-size="md" id="mine">
          {t('meetings.tasks.mine')}
        </Heading>
        <Paragraph>{t('meetings.tasks.mineIntro')}</Paragraph>
        {mine.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : mine.isError ? (
          <Alert data-color="danger">{t('common.error')}</Alert>
        ) : (
          <>
            {overdueCount(mine.data) > 0 && (
              <Alert data-color="warning">{t('meetings.tasks.overdueCount', { count: overdueCount(mine.data) })}</Alert>
            )}
            {table(mine.data, t('meetings.tasks.mine'), t('meetings.tasks.noMine'))}
          </>
        )}
      </section>
      {canManage && (
        <section aria-labelledby="municipality-tasks" className="section">
          <Heading level={2} data-size="md" id="municipality-tasks">
            {t('meetings.tasks.municipality')}
          </Heading>
          <Heading level={3} data-size="xs">
            {t('meetings.tasks.overdue', { count: overdue.data?.length ?? 0 })}
          </Heading>
          {overdue.isPending ? (
            <Spinner aria-label={t('common.loading')} />
          ) : (
            table(overdue.data ?? [], t('meetings.tasks.overdueCaption'), t('meetings.tasks.noOverdue'))
          )}
          <Heading level={3} data-size="xs">
            {t('meetings.tasks.open', { count: open.data?.length ?? 0 })}
          </Heading>
          {open.isPending ? (
            <Spinner aria-label={t('common.loading')} />
          ) : (
            table(open.data ?? [], t('meetings.tasks.openCaption'), t('meetings.tasks.noOpen'))
          )}
        </section>
      )}
    </>
  );
}
