import { Alert, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import { ProblemError } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { ActionItemsSection } from './ActionItemsSection';
import { AgendaSection } from './AgendaSection';
import { meetingQueries } from './api';
import { AttendanceSection } from './AttendanceSection';
import { DecisionsSection } from './DecisionsSection';
import { useTiersAndMembers, useViewer } from './hooks';
import { MeetingFacts } from './MeetingFacts';
import { MeetingsNav } from './MeetingsNav';
import { MinutesSection } from './MinutesSection';
import '../../i18n/meetings';

/** One meeting: its facts, and for the municipality's users the agenda, attendance, minutes, decisions and action items. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { kommunenummer, meetingId } = useParams({ from: '/municipalities/$kommunenummer/meetings/$meetingId' });
  const { viewer, ready, internal, canManage } = useViewer(kommunenummer);
  const meeting = useQuery({ ...meetingQueries.detail(kommunenummer, meetingId, viewer), enabled: ready });
  const setup = useTiersAndMembers(kommunenummer);
  useDocumentTitle(meeting.data?.item.title);

  const back = (
    <Paragraph className="back-link">
      <DsLink asChild>
        <Link to="/municipalities/$kommunenummer/meetings" params={{ kommunenummer }}>
          ← {t('meetings.meeting.back')}
        </Link>
      </DsLink>
    </Paragraph>
  );
  if (!ready || meeting.isPending) return <Spinner aria-label={t('common.loading')} />;
  if (meeting.isError) {
    const missing = meeting.error instanceof ProblemError && [400, 404].includes(meeting.error.status);
    return (
      <>
        {back}
        <Alert data-color={missing ? 'warning' : 'danger'}>{missing ? t('meetings.meeting.notFound') : t('common.error')}</Alert>
      </>
    );
  }
  const { item } = meeting.data;
  const props = { kommunenummer, meeting: meeting.data, canManage, setup };
  return (
    <>
      {back}
      <Heading level={1} data-size="lg">
        {item.title}
      </Heading>
      <MeetingsNav kommunenummer={kommunenummer} />
      <MeetingFacts {...props} />
      {internal && item.agenda !== undefined && (
        <>
          <Paragraph>
            <DsLink asChild>
              <Link to="/municipalities/$kommunenummer/meetings/$meetingId/minutes" params={{ kommunenummer, meetingId }}>
                {t('meetings.meeting.printable')}
              </Link>
            </DsLink>
          </Paragraph>
          <AgendaSection {...props} />
          <AttendanceSection {...props} />
          <MinutesSection {...props} />
          <DecisionsSection {...props} />
          <ActionItemsSection {...props} />
        </>
      )}
    </>
  );
}
