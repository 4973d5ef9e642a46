import { Button, Heading } from '@digdir/designsystemet-react';
import { routes, type MeetingStatus, type UpdateMeeting } from '@slt/shared/browser';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patchBody, valuesOf, type FormValues, type UpdateField } from '../resources/fields';
import { ConfirmButton } from '../forms/ConfirmButton';
import { ResourceForm } from '../resources/ResourceForm';
import { useMeetingWrite } from './mutations';
import { useOutcome } from './Failure';
import { timeFields, timesOf } from './ScheduleMeetingForm';
import { MeetingStatusTag } from './StatusTags';
import { formatTimeRange, isoToOsloLocal } from './time';
import type { MeetingPartProps } from './types';
import '../../i18n/meetings';

/** Tier, time, place and status; coordinators edit them, mark the meeting held or cancel it. */
export function MeetingFacts({ kommunenummer, meeting, canManage, setup }: MeetingPartProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { item, etag } = meeting;
  const write = useMeetingWrite(kommunenummer);
  const outcome = useOutcome();
  const [editing, setEditing] = useState(false);
  const params = { meetingId: item.id };
  const fields: UpdateField<UpdateMeeting>[] = [
    { name: 'title', kind: 'text', label: t('meetings.meetingTitle'), required: true },
    ...timeFields(t),
    { name: 'place', kind: 'text', label: t('meetings.place') },
  ];
  const initial: FormValues = { ...valuesOf(fields, item), startsAt: isoToOsloLocal(item.startsAt), endsAt: isoToOsloLocal(item.endsAt) };

  async function save(values: FormValues) {
    const body = patchBody(fields, initial, values);
    if (values.startsAt !== initial.startsAt || values.endsAt !== initial.endsAt) Object.assign(body, timesOf(values, t));
    if (Object.keys(body).length > 0) await write.send(routes.updateMeeting, { params, body, etag });
    setEditing(false);
  }
  const setStatus = (status: MeetingStatus) =>
    outcome.run(() => write.send(routes.updateMeeting, { params, body: { status }, etag }), t(`meetings.meeting.statusSaved.${status}`));
  const remove = () =>
    outcome.run(async () => {
      await write.send(routes.deleteMeeting, { params, etag });
      await navigate({ to: '/municipalities/$kommunenummer/meetings', params: { kommunenummer } });
    });

  return (
    <section aria-labelledby="facts" className="section">
      <Heading level={2} data-size="sm" id="facts">
        {t('meetings.meeting.facts')}
      </Heading>
      <dl className="facts">
        <dt>{t('meetings.tier')}</dt>
        <dd>{setup.tierName(item.tierId)}</dd>
        <dt>{t('meetings.time')}</dt>
        <dd>{formatTimeRange(item.startsAt, item.endsAt, i18n.language)}</dd>
        <dt>{t('meetings.place')}</dt>
        <dd>{item.place ?? t('municipality.notSet')}</dd>
        <dt>{t('meetings.status')}</dt>
        <dd>
          <MeetingStatusTag status={item.status} />
        </dd>
      </dl>
      {canManage && !editing && (
        <div className="buttons section no-print">
          {item.status === 'planned' ? (
            <>
              <Button onClick={() => void setStatus('held')} disabled={outcome.busy}>
                {t('meetings.meeting.markHeld')}
              </Button>
              <Button variant="secondary" onClick={() => void setStatus('cancelled')} disabled={outcome.busy}>
                {t('meetings.meeting.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => void setStatus('planned')} disabled={outcome.busy}>
              {t('meetings.meeting.reopen')}
            </Button>
          )}
          <Button variant="tertiary" onClick={() => setEditing(true)}>
            {t('meetings.meeting.edit')}
          </Button>
          <ConfirmButton
            label={t('meetings.meeting.delete')}
            question={t('meetings.meeting.deleteQuestion', { title: item.title })}
            consequence={t('meetings.meeting.deleteConsequence')}
            onConfirm={remove}
            disabled={outcome.busy}
          />
        </div>
      )}
      {outcome.region}
      {editing && (
        <div className="panel">
          <ResourceForm
            id="meeting-edit-form"
            fields={fields}
            initial={initial}
            submitLabel={t('forms.save')}
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        </div>
      )}
    </section>
  );
}
