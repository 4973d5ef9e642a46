import { Alert, Button, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { Meeting } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { loadLanguage } from '../../i18n';
import { RequireRole } from '../auth/RequireRole';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from '../municipalities/queries';
import { meetingQueries } from './api';
import { AttendanceLists } from './AttendanceSection';
import { useTiersAndMembers, useViewer } from './hooks';
import { formatDate, formatTimeRange } from './time';
import '../../designsystemet/table.css';
import '../../i18n/meetings';

/**
 * The minutes as a clean page to print or save as PDF. The document is written in the
 * municipality's own language (bokmål or nynorsk), whatever language the app is shown in.
 */
export function MinutesPrintPage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/meetings/$meetingId/minutes' });
  return (
    <RequireRole kommunenummer={kommunenummer} role="member">
      <Minutes kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

function Minutes({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const { meetingId } = useParams({ from: '/municipalities/$kommunenummer/meetings/$meetingId/minutes' });
  const { viewer } = useViewer(kommunenummer);
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  const meeting = useQuery(meetingQueries.detail(kommunenummer, meetingId, viewer));
  const setup = useTiersAndMembers(kommunenummer);
  const language = municipality.data?.malform ?? 'nb';
  // The minutes are written in the municipality's language, whatever the UI's: its catalog may need loading.
  const catalog = useQuery({ queryKey: ['i18n', language], queryFn: () => loadLanguage(language).then(() => true), staleTime: Infinity });
  const tm = i18n.getFixedT(language);
  useDocumentTitle(meeting.data ? tm('meetings.print.title', { title: meeting.data.item.title }) : undefined);

  if (meeting.isPending || municipality.isPending || catalog.isPending || !setup.ready) return <Spinner aria-label={t('common.loading')} />;
  if (meeting.isError || municipality.isError) return <Alert data-color="danger">{t('common.error')}</Alert>;
  return (
    <>
      <div className="buttons no-print print-actions">
        <DsLink asChild>
          <Link to="/municipalities/$kommunenummer/meetings/$meetingId" params={{ kommunenummer, meetingId }}>
            ← {t('meetings.print.back')}
          </Link>
        </DsLink>
        <Button onClick={() => window.print()}>{t('meetings.print.print')}</Button>
      </div>
      <MinutesDocument meeting={meeting.data.item} tm={tm} language={language} municipality={municipality.data.name} setup={setup} />
    </>
  );
}

interface DocumentProps {
  meeting: Meeting;
  tm: TFunction;
  language: string;
  municipality: string;
  setup: ReturnType<typeof useTiersAndMembers>;
}

function MinutesDocument({ meeting, tm, language, municipality, setup }: DocumentProps) {
  const agenda = [...(meeting.agenda ?? [])].sort((a, b) => a.position - b.position);
  const decisions = meeting.decisions ?? [];
  const actionItems = meeting.actionItems ?? [];
  const agendaTitle = (id: string | null) => agenda.find((a) => a.id === id);
  return (
    <article lang={language} className="minutes-print">
      <Heading level={1} data-size="lg">
        {tm('meetings.print.title', { title: meeting.title })}
      </Heading>
      <dl className="facts">
        <dt>{tm('meetings.print.municipality')}</dt>
        <dd>{municipality}</dd>
        <dt>{tm('meetings.tier')}</dt>
        <dd>{setup.tierName(meeting.tierId)}</dd>
        <dt>{tm('meetings.time')}</dt>
        <dd>{formatTimeRange(meeting.startsAt, meeting.endsAt, language)}</dd>
        <dt>{tm('meetings.place')}</dt>
        <dd>{meeting.place ?? tm('municipality.notSet')}</dd>
        <dt>{tm('meetings.status')}</dt>
        <dd>{tm(`meetings.statuses.${meeting.status}`)}</dd>
      </dl>

      <Heading level={2} data-size="sm">
        {tm('meetings.attendance.title')}
      </Heading>
      <AttendanceLists attendance={meeting.attendance ?? []} memberName={setup.memberName} t={tm} />

      <Heading level={2} data-size="sm">
        {tm('meetings.agenda.title')}
      </Heading>
      {agenda.length === 0 ? (
        <Paragraph>{tm('meetings.agenda.empty')}</Paragraph>
      ) : (
        <ol className="agenda">
          {agenda.map((a) => (
            <li key={a.id}>
              <span className="agenda-title">{a.title}</span>
              {a.closed && <> ({tm('meetings.agenda.closedTag')})</>}
              {a.description && <Paragraph className="pre-wrap">{a.description}</Paragraph>}
            </li>
          ))}
        </ol>
      )}

      <Heading level={2} data-size="sm">
        {tm('meetings.minutes.title')}
      </Heading>
      <Paragraph className="pre-wrap">{meeting.minutes || tm('meetings.minutes.empty')}</Paragraph>

      <Heading level={2} data-size="sm">
        {tm('meetings.decisions.title')}
      </Heading>
      {decisions.length === 0 ? (
        <Paragraph>{tm('meetings.decisions.empty')}</Paragraph>
      ) : (
        <ol className="decisions">
          {decisions.map((d) => {
            const item = agendaTitle(d.agendaItemId);
            return (
              <li key={d.id}>
                {item && <span className="muted">{tm('meetings.print.item', { position: item.position, title: item.title })} </span>}
                <span className="pre-wrap">{d.text}</span>
              </li>
            );
          })}
        </ol>
      )}

      <Heading level={2} data-size="sm">
        {tm('meetings.actionItems.title')}
      </Heading>
      {actionItems.length === 0 ? (
        <Paragraph>{tm('meetings.actionItems.empty')}</Paragraph>
      ) : (
        <Table className="results">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{tm('meetings.actionItems.description')}</Table.HeaderCell>
              <Table.HeaderCell>{tm('meetings.actionItems.responsible')}</Table.HeaderCell>
              <Table.HeaderCell>{tm('meetings.actionItems.dueDate')}</Table.HeaderCell>
              <Table.HeaderCell>{tm('meetings.actionItems.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {actionItems.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell>{a.description}</Table.Cell>
                <Table.Cell>{setup.memberName(a.responsibleMemberId) || tm('forms.none')}</Table.Cell>
                <Table.Cell>{a.dueDate ? formatDate(a.dueDate, language) : tm('forms.none')}</Table.Cell>
                <Table.Cell>{tm(`meetings.actionStatuses.${a.status}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </article>
  );
}
