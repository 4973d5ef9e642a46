import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { routes, type CreateDecision, type Decision } from '@slt/shared/browser';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { valuesOf, type CreateField } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { useMeetingWrite } from './mutations';
import { useOutcome } from './Failure';
import type { MeetingPartProps } from './types';
import { ConfirmButton } from '../forms/ConfirmButton';
import '../../i18n/meetings';

/** Decisions, each under an agenda item if given; a decision can create a measure decided by the tier. */
export function DecisionsSection({ kommunenummer, meeting, canManage }: MeetingPartProps) {
  const { t } = useTranslation();
  const { item, etag } = meeting;
  const decisions = item.decisions ?? [];
  const agendaTitle = (id: string | null) => item.agenda?.find((a) => a.id === id)?.title;
  const write = useMeetingWrite(kommunenummer);
  const outcome = useOutcome();
  const [formKey, setFormKey] = useState(0);
  const fields: CreateField<CreateDecision>[] = [
    { name: 'text', kind: 'textarea', label: t('meetings.decisions.text'), required: true },
    {
      name: 'agendaItemId',
      kind: 'select',
      label: t('meetings.decisions.agendaItem'),
      options: [...(item.agenda ?? [])]
        .sort((a, b) => a.position - b.position)
        .map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` })),
    },
    {
      name: 'newMeasureTitle',
      kind: 'text',
      label: t('meetings.decisions.newMeasure'),
      description: t('meetings.decisions.newMeasureHint'),
      virtual: true,
    },
  ];
  const remove = (decision: Decision) =>
    outcome.run(
      () => write.send(routes.deleteDecision, { params: { meetingId: item.id, decisionId: decision.id }, etag }),
      t('meetings.decisions.removed'),
    );

  return (
    <section aria-labelledby="decisions" className="section">
      <Heading level={2} data-size="sm" id="decisions">
        {t('meetings.decisions.title')}
      </Heading>
      {decisions.length === 0 ? (
        <Paragraph>{t('meetings.decisions.empty')}</Paragraph>
      ) : (
        <ol className="decisions">
          {decisions.map((decision) => (
            <li key={decision.id}>
              <Paragraph className="pre-wrap">{decision.text}</Paragraph>
              {decision.agendaItemId && (
                <Paragraph data-size="sm" className="muted">
                  {t('meetings.decisions.underItem', { title: agendaTitle(decision.agendaItemId) ?? '' })}
                </Paragraph>
              )}
              {decision.measureId && (
                <Paragraph data-size="sm">
                  <DsLink asChild>
                    <Link to="/municipalities/$kommunenummer/measures" params={{ kommunenummer }}>
                      {t('meetings.decisions.measureLinked')}
                    </Link>
                  </DsLink>
                </Paragraph>
              )}
              {canManage && (
                <ConfirmButton
                  size="sm"
                  className="no-print"
                  label={t('forms.delete')}
                  accessibleName={t('meetings.decisions.removeNamed', { text: decision.text.slice(0, 60) })}
                  question={t('forms.deleteQuestion', { name: decision.text.slice(0, 60) })}
                  consequence={t('forms.deleteConsequence')}
                  disabled={outcome.busy}
                  onConfirm={() => remove(decision)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {outcome.region}
      {canManage && (
        <div className="panel no-print">
          <Heading level={3} data-size="xs">
            {t('meetings.decisions.add')}
          </Heading>
          <ResourceForm
            key={formKey}
            id="decision-form"
            fields={fields}
            initial={valuesOf(fields)}
            submitLabel={t('meetings.decisions.add')}
            fieldOf={(name) => (name === 'title' || name.startsWith('newMeasure') ? 'newMeasureTitle' : undefined)}
            onSubmit={async (values) => {
              const body: CreateDecision = {
                text: String(values.text),
                ...(values.agendaItemId ? { agendaItemId: String(values.agendaItemId) } : {}),
                ...(values.newMeasureTitle ? { newMeasure: { title: String(values.newMeasureTitle) } } : {}),
              };
              await write.send(routes.createDecision, { params: { meetingId: item.id }, body, etag });
              setFormKey((k) => k + 1);
            }}
          />
        </div>
      )}
    </section>
  );
}
