import { Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { ATTENDANCE_STATUSES, MEMBERSHIP_ROLES, routes, type AttendanceStatus } from '@slt/shared/browser';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingWrite } from './mutations';
import { useOutcome } from './Failure';
import { useCurrentMemberships } from './hooks';
import type { MeetingPartProps } from './types';
import '../../designsystemet/fieldset.css';
import '../../i18n/meetings';

/**
 * Who was present, absent or excused: a row per current member of the tier (and anyone already
 * recorded), ordered by their role in the tier (chair, secretary, members, observers, then former
 * members and guests), then by name; "all present" marks everyone; coordinators save the whole list at once.
 */
export function AttendanceSection({ kommunenummer, meeting, canManage, setup }: MeetingPartProps) {
  const { t } = useTranslation();
  const { item, etag } = meeting;
  const memberships = useCurrentMemberships(kommunenummer, item.tierId);
  const recorded = item.attendance ?? [];
  const [choices, setChoices] = useState<Record<string, AttendanceStatus>>(() =>
    Object.fromEntries(recorded.map((a) => [a.memberId, a.status])),
  );
  const write = useMeetingWrite(kommunenummer);
  const outcome = useOutcome();
  const roleOf = (memberId: string) => memberships.data?.find((m) => m.memberId === memberId)?.role;
  const rank = (memberId: string) => {
    const role = roleOf(memberId);
    return role ? MEMBERSHIP_ROLES.indexOf(role) : MEMBERSHIP_ROLES.length;
  };
  const memberIds = [...new Set([...(memberships.data ?? []).map((m) => m.memberId), ...recorded.map((a) => a.memberId)])].sort(
    (a, b) => rank(a) - rank(b) || setup.memberName(a).localeCompare(setup.memberName(b), 'nb'),
  );

  const save = (event: FormEvent) => {
    event.preventDefault();
    const attendance = memberIds.filter((id) => choices[id]).map((memberId) => ({ memberId, status: choices[memberId]! }));
    void outcome.run(
      () => write.send(routes.setAttendance, { params: { meetingId: item.id }, body: { attendance }, etag }),
      t('meetings.attendance.saved'),
    );
  };

  return (
    <section aria-labelledby="attendance" className="section">
      <Heading level={2} data-size="sm" id="attendance">
        {t('meetings.attendance.title')}
      </Heading>
      <Paragraph data-size="sm">
        {ATTENDANCE_STATUSES.map((status) =>
          t(`meetings.attendance.count.${status}`, { count: recorded.filter((a) => a.status === status).length }),
        ).join(' · ')}
      </Paragraph>
      {memberIds.length === 0 ? (
        <Paragraph>{t('meetings.attendance.noMembers')}</Paragraph>
      ) : canManage ? (
        <form onSubmit={save} className="stack" id="attendance-form">
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => setChoices(Object.fromEntries(memberIds.map((id) => [id, 'present' as const])))}
          >
            {t('meetings.attendance.allPresent')}
          </Button>
          {memberIds.map((memberId) => {
            const role = roleOf(memberId);
            return (
              <Fieldset key={memberId} className="attendance-row">
                <Fieldset.Legend>
                  {setup.memberName(memberId) || t('slt.erased')}
                  {role && <span className="person-role">, {t(`roles.${role}`)}</span>}
                </Fieldset.Legend>
                <div className="radio-row">
                  {ATTENDANCE_STATUSES.map((status) => (
                    <Radio
                      key={status}
                      name={`attendance-${memberId}`}
                      value={status}
                      label={t(`meetings.attendanceStatuses.${status}`)}
                      checked={choices[memberId] === status}
                      onChange={() => setChoices((c) => ({ ...c, [memberId]: status }))}
                    />
                  ))}
                </div>
              </Fieldset>
            );
          })}
          <Button type="submit" disabled={outcome.busy}>
            {t('meetings.attendance.save')}
          </Button>
        </form>
      ) : (
        <AttendanceLists attendance={recorded} memberName={setup.memberName} />
      )}
      {outcome.region}
    </section>
  );
}

/** Present, absent and excused as lists of names. */
export function AttendanceLists({
  attendance,
  memberName,
  t: fixedT,
}: {
  attendance: { memberId: string; status: AttendanceStatus }[];
  memberName: (id: string) => string;
  t?: TFunction;
}) {
  const { t: uiT } = useTranslation();
  const t = fixedT ?? uiT;
  return (
    <dl className="facts">
      {ATTENDANCE_STATUSES.map((status) => {
        const names = attendance.filter((a) => a.status === status).map((a) => memberName(a.memberId) || t('slt.erased'));
        return [
          <dt key={`${status}-t`}>{t(`meetings.attendanceStatuses.${status}`)}</dt>,
          <dd key={`${status}-d`}>{names.length > 0 ? names.join(', ') : t('forms.none')}</dd>,
        ];
      })}
    </dl>
  );
}
