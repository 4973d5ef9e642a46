import { Button, Link as DsLink, Table } from '@digdir/designsystemet-react';
import { routes, type ActionItem, type ActionItemStatus } from '@slt/shared/browser';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { readWithEtag } from '../resources/api';
import { useMeetingWrite } from './mutations';
import { useOutcome } from './Failure';
import { ActionItemStatusTag } from './StatusTags';
import { formatDate } from './time';
import '../../designsystemet/table.css';
import '../../i18n/meetings';

interface ActionItemTableProps {
  kommunenummer: string;
  items: ActionItem[];
  caption: string;
  canManage: boolean;
  /** The user's own member records: a member may complete or cancel their own tasks. */
  myMemberIds: Set<string>;
  memberName: (id: string | null) => string;
  /** The title of a meeting, for the "given at" and "report back at" columns. */
  meetingTitle: (id: string) => string | undefined;
  /** Show the meeting the item was given at (on pages across meetings). */
  showMeeting?: boolean;
  /** The page's outcome region, when the table may disappear (its last open item done). */
  outcome?: ReturnType<typeof useOutcome>;
}

/** Action items with responsible, due date, status (overdue said in words); coordinators mark them done or cancel them. */
export function ActionItemTable({
  kommunenummer,
  items,
  caption,
  canManage,
  myMemberIds,
  memberName,
  meetingTitle,
  showMeeting,
  outcome: shared,
}: ActionItemTableProps) {
  const { t, i18n } = useTranslation();
  const write = useMeetingWrite(kommunenummer);
  const mayChange = (item: ActionItem) => canManage || (item.responsibleMemberId !== null && myMemberIds.has(item.responsibleMemberId));
  const actions = items.some(mayChange);
  const own = useOutcome();
  const outcome = shared ?? own;
  const setStatus = (item: ActionItem, status: ActionItemStatus) =>
    outcome.run(
      async () =>
        write.send(routes.updateActionItem, {
          params: { actionItemId: item.id },
          body: { status },
          etag: (await readWithEtag(routes.getActionItem, { kommunenummer, actionItemId: item.id })).etag,
        }),
      t(`meetings.actionItems.statusSaved.${status}`, { description: item.description }),
    );
  const meetingLink = (meetingId: string) => (
    <DsLink asChild>
      <Link to="/municipalities/$kommunenummer/meetings/$meetingId" params={{ kommunenummer, meetingId }}>
        {meetingTitle(meetingId) ?? t('meetings.actionItems.openMeeting')}
      </Link>
    </DsLink>
  );

  return (
    <>
      <div className="table-scroll">
        <Table className="results responsive-table">
          <caption className="visually-hidden">{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('meetings.actionItems.description')}</Table.HeaderCell>
              <Table.HeaderCell>{t('meetings.actionItems.responsible')}</Table.HeaderCell>
              <Table.HeaderCell>{t('meetings.actionItems.dueDate')}</Table.HeaderCell>
              <Table.HeaderCell>{t('meetings.actionItems.status')}</Table.HeaderCell>
              {showMeeting && <Table.HeaderCell>{t('meetings.actionItems.givenAt')}</Table.HeaderCell>}
              <Table.HeaderCell>{t('meetings.actionItems.reportBack')}</Table.HeaderCell>
              {actions && (
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('forms.actions')}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((item) => (
              <Table.Row key={item.id}>
                <Table.Cell data-label={t('meetings.actionItems.description')}>{item.description}</Table.Cell>
                <Table.Cell data-label={t('meetings.actionItems.responsible')}>
                  {memberName(item.responsibleMemberId) || t('forms.none')}
                </Table.Cell>
                <Table.Cell data-label={t('meetings.actionItems.dueDate')}>
                  {item.dueDate ? formatDate(item.dueDate, i18n.language) : t('forms.none')}
                </Table.Cell>
                <Table.Cell data-label={t('meetings.actionItems.status')}>
                  <ActionItemStatusTag item={item} />
                </Table.Cell>
                {showMeeting && <Table.Cell data-label={t('meetings.actionItems.givenAt')}>{meetingLink(item.meetingId)}</Table.Cell>}
                <Table.Cell data-label={t('meetings.actionItems.reportBack')}>
                  {item.reportBackMeetingId ? meetingLink(item.reportBackMeetingId) : t('forms.none')}
                </Table.Cell>
                {actions && (
                  <Table.Cell>
                    {item.status === 'open' && mayChange(item) && (
                      <div className="buttons">
                        <Button
                          variant="secondary"
                          data-size="sm"
                          disabled={outcome.busy}
                          onClick={() => void setStatus(item, 'done')}
                          aria-label={t('meetings.actionItems.markDoneNamed', { description: item.description })}
                        >
                          {t('meetings.actionItems.markDone')}
                        </Button>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          disabled={outcome.busy}
                          onClick={() => void setStatus(item, 'cancelled')}
                          aria-label={t('meetings.actionItems.cancelNamed', { description: item.description })}
                        >
                          {t('meetings.actionItems.cancel')}
                        </Button>
                      </div>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {!shared && outcome.region}
    </>
  );
}
