import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { routes } from '@slt/shared/browser';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingWrite } from './mutations';
import { useOutcome } from './Failure';
import { formatDate, osloDate } from './time';
import type { MeetingPartProps } from './types';
import '../../i18n/meetings';

/** The minutes as free text; coordinators write and save them, and approve them once (they are then mailed to the members). */
export function MinutesSection({ kommunenummer, meeting, canManage }: MeetingPartProps) {
  const { t, i18n } = useTranslation();
  const { item, etag } = meeting;
  const [text, setText] = useState(item.minutes ?? '');
  const write = useMeetingWrite(kommunenummer);
  const outcome = useOutcome();
  const approval = useOutcome();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const minutes = text.trim() ? text : null;
    void outcome.run(
      () => write.send(routes.updateMeeting, { params: { meetingId: item.id }, body: { minutes }, etag }),
      t('meetings.minutes.saved'),
    );
  };
  const approve = () =>
    void approval.run(
      () => write.send(routes.updateMeeting, { params: { meetingId: item.id }, body: { minutesApproved: true }, etag }),
      t('meetings.minutes.approvedNow'),
    );
  const approvedAt = item.minutesApprovedAt;
  // Offered for a held meeting whose saved minutes are not empty and not yet approved.
  const approvable = canManage && !approvedAt && item.status === 'held' && Boolean(item.minutes?.trim());
  const unsaved = (item.minutes ?? '') !== text;

  return (
    <section aria-labelledby="minutes" className="section">
      <Heading level={2} data-size="sm" id="minutes">
        {t('meetings.minutes.title')}
      </Heading>
      {canManage ? (
        <form onSubmit={save} className="stack" id="minutes-form">
          <Textfield
            multiline
            rows={8}
            label={t('meetings.minutes.label')}
            description={approvedAt ? t('meetings.minutes.locked') : t('meetings.minutes.hint')}
            value={text}
            // Approved minutes are what was mailed to the members: the API refuses a change (minutes_approved).
            readOnly={Boolean(approvedAt)}
            onChange={(e) => setText(e.target.value)}
          />
          {!approvedAt && (
            <Button type="submit" disabled={outcome.busy}>
              {t('meetings.minutes.save')}
            </Button>
          )}
        </form>
      ) : (
        <Paragraph className="pre-wrap">{item.minutes || t('meetings.minutes.empty')}</Paragraph>
      )}
      {outcome.region}
      {approvedAt ? (
        <Paragraph data-size="sm">{t('meetings.minutes.approved', { date: formatDate(osloDate(approvedAt), i18n.language) })}</Paragraph>
      ) : (
        approvable && (
          <div className="stack">
            <Paragraph data-size="sm" id="minutes-approve-hint">
              {unsaved ? t('meetings.minutes.unsaved') : t('meetings.minutes.approveHint')}
            </Paragraph>
            <Button
              type="button"
              variant="secondary"
              onClick={approve}
              disabled={approval.busy || unsaved}
              aria-describedby="minutes-approve-hint"
            >
              {t('meetings.minutes.approve')}
            </Button>
          </div>
        )
      )}
      {approval.region}
    </section>
  );
}
