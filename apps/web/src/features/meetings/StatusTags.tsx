import { Tag } from '@digdir/designsystemet-react';
import type { ActionItem, ComplianceStatus, MeetingStatus } from '@slt/shared/browser';
import { useTranslation } from 'react-i18next';
import '../../i18n/meetings';

const MEETING_COLORS: Record<MeetingStatus, 'info' | 'success' | 'neutral'> = { planned: 'info', held: 'success', cancelled: 'neutral' };
const COMPLIANCE_COLORS: Record<ComplianceStatus, 'success' | 'info' | 'warning' | 'danger'> = {
  met: 'success',
  on_track: 'info',
  at_risk: 'warning',
  behind: 'danger',
};

/** A meeting's status, in words (the colour only repeats it). */
export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Tag data-color={MEETING_COLORS[status]}>{t(`meetings.statuses.${status}`)}</Tag>;
}

export function ComplianceTag({ status }: { status: ComplianceStatus }) {
  const { t } = useTranslation();
  return <Tag data-color={COMPLIANCE_COLORS[status]}>{t(`meetings.compliance.statuses.${status}`)}</Tag>;
}

/** An action item's status; an open one past its due date says "Overdue". */
export function ActionItemStatusTag({ item }: { item: Pick<ActionItem, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (item.status === 'open' && item.overdue) return <Tag data-color="danger">{t('meetings.actionItems.overdue')}</Tag>;
  return (
    <Tag data-color={item.status === 'done' ? 'success' : item.status === 'open' ? 'info' : 'neutral'}>
      {t(`meetings.actionStatuses.${item.status}`)}
    </Tag>
  );
}
