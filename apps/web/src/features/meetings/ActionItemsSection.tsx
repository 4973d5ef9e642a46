import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { routes, type CreateActionItem } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBody, valuesOf, type CreateField } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { meetingQueries } from './api';
import { useMeetingWrite } from './mutations';
import { ActionItemTable } from './ActionItemTable';
import { useViewer } from './hooks';
import { formatDate, osloDate } from './time';
import type { MeetingPartProps } from './types';
import '../../i18n/meetings';

/** Action items given at the meeting, those to be reported back at it, and a form to give one. */
export function ActionItemsSection({ kommunenummer, meeting, canManage, setup }: MeetingPartProps) {
  const { t, i18n } = useTranslation();
  const { item } = meeting;
  const { viewer } = useViewer(kommunenummer);
  // The tier's later meetings: where an item can be reported back.
  const later = useQuery(meetingQueries.list(kommunenummer, { tierId: item.tierId, from: osloDate(item.startsAt), limit: 100 }, viewer));
  const laterMeetings = (later.data?.items ?? []).filter((m) => m.id !== item.id && m.startsAt > item.startsAt && m.status !== 'cancelled');
  const meetingTitle = (id: string) => {
    if (id === item.id) return item.title;
    const found = later.data?.items.find((m) => m.id === id);
    return found && `${found.title} (${formatDate(osloDate(found.startsAt), i18n.language)})`;
  };
  const write = useMeetingWrite(kommunenummer);
  const [formKey, setFormKey] = useState(0);
  const fields: CreateField<Omit<CreateActionItem, 'meetingId'>>[] = [
    { name: 'description', kind: 'textarea', label: t('meetings.actionItems.description'), required: true },
    { name: 'responsibleMemberId', kind: 'select', label: t('meetings.actionItems.responsible'), options: setup.memberOptions },
    { name: 'dueDate', kind: 'date', label: t('meetings.actionItems.dueDate') },
    {
      name: 'reportBackMeetingId',
      kind: 'select',
      label: t('meetings.actionItems.reportBack'),
      options: laterMeetings.map((m) => ({ value: m.id, label: meetingTitle(m.id)! })),
    },
    {
      name: 'decisionId',
      kind: 'select',
      label: t('meetings.actionItems.decision'),
      options: (item.decisions ?? []).map((d) => ({ value: d.id, label: d.text.slice(0, 80) })),
    },
  ];
  const tableProps = { kommunenummer, canManage, myMemberIds: setup.myMemberIds, memberName: setup.memberName, meetingTitle };

  return (
    <section aria-labelledby="action-items" className="section">
      <Heading level={2} data-size="sm" id="action-items">
        {t('meetings.actionItems.title')}
      </Heading>
      {(item.actionItems ?? []).length === 0 ? (
        <Paragraph>{t('meetings.actionItems.empty')}</Paragraph>
      ) : (
        <ActionItemTable {...tableProps} items={item.actionItems ?? []} caption={t('meetings.actionItems.title')} />
      )}
      {(item.reportBackItems ?? []).length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('meetings.actionItems.reportBackHere')}
          </Heading>
          <ActionItemTable
            {...tableProps}
            items={item.reportBackItems ?? []}
            caption={t('meetings.actionItems.reportBackHere')}
            showMeeting
          />
        </>
      )}
      {canManage && (
        <div className="panel no-print">
          <Heading level={3} data-size="xs">
            {t('meetings.actionItems.add')}
          </Heading>
          <ResourceForm
            key={formKey}
            id="action-item-form"
            fields={fields}
            initial={valuesOf(fields)}
            submitLabel={t('meetings.actionItems.add')}
            onSubmit={async (values) => {
              await write.send(routes.createActionItem, {
                body: { meetingId: item.id, ...createBody(fields, values) },
              });
              setFormKey((k) => k + 1);
            }}
          />
        </div>
      )}
    </section>
  );
}
