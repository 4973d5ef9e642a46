import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { routes, type AgendaItem, type CreateAgendaItem, type UpdateAgendaItem } from '@slt/shared/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBody, patchBody, valuesOf, type FieldDef } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { useMeetingWrite } from './mutations';
import { useOutcome } from './Failure';
import type { MeetingPartProps } from './types';
import { ConfirmButton } from '../forms/ConfirmButton';
import '../../i18n/meetings';

/** The agenda in order; coordinators add, edit, move and remove items (with the meeting's ETag). */
export function AgendaSection({ kommunenummer, meeting, canManage, setup }: MeetingPartProps) {
  const { t } = useTranslation();
  const { item, etag } = meeting;
  const agenda = [...(item.agenda ?? [])].sort((a, b) => a.position - b.position);
  const write = useMeetingWrite(kommunenummer);
  const outcome = useOutcome();
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const fields: FieldDef<CreateAgendaItem, UpdateAgendaItem>[] = [
    { name: 'title', kind: 'text', label: t('meetings.agenda.itemTitle'), required: true },
    { name: 'description', kind: 'textarea', label: t('meetings.agenda.description') },
    { name: 'ownerMemberId', kind: 'select', label: t('meetings.agenda.owner'), options: setup.memberOptions },
    { name: 'closed', kind: 'checkbox', label: t('meetings.agenda.closed'), description: t('meetings.agenda.closedHint') },
    { name: 'visibleToMemberIds', kind: 'multi', label: t('meetings.agenda.visibleTo'), options: setup.memberOptions },
  ];
  const params = (agendaItemId: string) => ({ meetingId: item.id, agendaItemId });
  const move = (agendaItem: AgendaItem, position: number) =>
    outcome.run(() => write.send(routes.updateAgendaItem, { params: params(agendaItem.id), body: { position }, etag }));
  const remove = (agendaItem: AgendaItem) =>
    outcome.run(
      () => write.send(routes.deleteAgendaItem, { params: params(agendaItem.id), etag }),
      t('forms.deleted', { name: agendaItem.title }),
    );

  return (
    <section aria-labelledby="agenda" className="section">
      <Heading level={2} data-size="sm" id="agenda">
        {t('meetings.agenda.title')}
      </Heading>
      {agenda.length === 0 && <Paragraph>{t('meetings.agenda.empty')}</Paragraph>}
      <ol className="agenda">
        {agenda.map((agendaItem, index) =>
          editing === agendaItem.id ? (
            <li key={agendaItem.id} className="panel">
              <ResourceForm
                id={`agenda-edit-${agendaItem.id}`}
                fields={fields}
                initial={valuesOf(fields, agendaItem)}
                submitLabel={t('forms.save')}
                onCancel={() => setEditing(null)}
                onSubmit={async (values) => {
                  const body = patchBody(fields, valuesOf(fields, agendaItem), values);
                  if (Object.keys(body).length > 0)
                    await write.send(routes.updateAgendaItem, { params: params(agendaItem.id), body, etag });
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={agendaItem.id} className="agenda-item">
              <span className="agenda-title">{agendaItem.title}</span>
              {agendaItem.closed && (
                <>
                  {' '}
                  <Tag data-color="warning">{t('meetings.agenda.closedTag')}</Tag>
                </>
              )}
              {agendaItem.description && <Paragraph className="pre-wrap">{agendaItem.description}</Paragraph>}
              {agendaItem.ownerMemberId && (
                <Paragraph data-size="sm" className="muted">
                  {t('meetings.agenda.ownerIs', { name: setup.memberName(agendaItem.ownerMemberId) })}
                </Paragraph>
              )}
              {agendaItem.closed && agendaItem.visibleToMemberIds.length > 0 && (
                <Paragraph data-size="sm" className="muted">
                  {t('meetings.agenda.visibleToList', { names: agendaItem.visibleToMemberIds.map(setup.memberName).join(', ') })}
                </Paragraph>
              )}
              {canManage && (
                <div className="buttons no-print">
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => setEditing(agendaItem.id)}
                    aria-label={t('forms.editNamed', { name: agendaItem.title })}
                  >
                    {t('forms.edit')}
                  </Button>
                  {index > 0 && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      disabled={outcome.busy}
                      onClick={() => void move(agendaItem, agendaItem.position - 1)}
                      aria-label={t('meetings.agenda.moveUpNamed', { name: agendaItem.title })}
                    >
                      {t('meetings.agenda.moveUp')}
                    </Button>
                  )}
                  {index < agenda.length - 1 && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      disabled={outcome.busy}
                      onClick={() => void move(agendaItem, agendaItem.position + 1)}
                      aria-label={t('meetings.agenda.moveDownNamed', { name: agendaItem.title })}
                    >
                      {t('meetings.agenda.moveDown')}
                    </Button>
                  )}
                  <ConfirmButton
                    size="sm"
                    label={t('forms.delete')}
                    accessibleName={t('meetings.agenda.removeNamed', { name: agendaItem.title })}
                    question={t('forms.deleteQuestion', { name: agendaItem.title })}
                    consequence={t('forms.deleteConsequence')}
                    disabled={outcome.busy}
                    onConfirm={() => remove(agendaItem)}
                  />
                </div>
              )}
            </li>
          ),
        )}
      </ol>
      {outcome.region}
      {canManage && (
        <div className="panel no-print">
          <Heading level={3} data-size="xs">
            {t('meetings.agenda.add')}
          </Heading>
          <ResourceForm
            key={formKey}
            id="agenda-form"
            fields={fields}
            initial={valuesOf(fields)}
            submitLabel={t('meetings.agenda.add')}
            onSubmit={async (values) => {
              await write.send(routes.createAgendaItem, {
                params: { meetingId: item.id },
                body: createBody(fields, values),
                etag,
              });
              setFormKey((k) => k + 1);
            }}
          />
        </div>
      )}
    </section>
  );
}
