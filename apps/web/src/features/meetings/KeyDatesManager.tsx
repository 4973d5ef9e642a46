import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { KEY_DATE_KINDS, routes, type CreateKeyDate, type KeyDate } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBody, valuesOf, type CreateField } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { readWithEtag } from '../resources/api';
import { meetingQueries } from './api';
import { useMeetingWrite } from './mutations';
import { useOutcome } from './Failure';
import { useViewer } from './hooks';
import { formatDate } from './time';
import { ConfirmButton } from '../forms/ConfirmButton';
import '../../designsystemet/table.css';
import '../../i18n/meetings';

/** Coordinators add key dates to the year plan (with quick adds for the SLT grant deadlines) and remove them. */
export function KeyDatesManager({ kommunenummer, year }: { kommunenummer: string; year: number }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer(kommunenummer);
  const keyDates = useQuery(meetingQueries.keyDates(kommunenummer, viewer));
  const write = useMeetingWrite(kommunenummer);
  const outcome = useOutcome();
  const [formKey, setFormKey] = useState(0);
  const fields: CreateField<CreateKeyDate>[] = [
    { name: 'title', kind: 'text', label: t('meetings.keyDates.keyDateTitle'), required: true },
    {
      name: 'kind',
      kind: 'select',
      label: t('meetings.keyDates.kind'),
      required: true,
      options: KEY_DATE_KINDS.map((k) => ({ value: k, label: t(`meetings.keyDates.kinds.${k}`) })),
    },
    { name: 'date', kind: 'date', label: t('meetings.keyDates.date'), required: true },
    { name: 'yearly', kind: 'checkbox', label: t('meetings.keyDates.yearly'), description: t('meetings.keyDates.yearlyHint') },
    { name: 'isPublic', kind: 'checkbox', label: t('meetings.keyDates.isPublic'), description: t('meetings.keyDates.isPublicHint') },
    { name: 'description', kind: 'textarea', label: t('meetings.keyDates.description') },
  ];
  const quickAdds: CreateKeyDate[] = [
    { title: t('meetings.keyDates.grantApplication'), kind: 'grant_application', date: `${year}-12-01`, yearly: true, isPublic: true },
    { title: t('meetings.keyDates.grantReport'), kind: 'grant_report', date: `${year}-04-01`, yearly: true, isPublic: true },
  ];
  const existing = keyDates.data ?? [];
  const has = (kind: string) => existing.some((d) => d.kind === kind && d.yearly);
  const add = (body: CreateKeyDate) =>
    outcome.run(() => write.send(routes.createKeyDate, { body }), t('forms.created', { name: body.title }));
  const remove = (keyDate: KeyDate) =>
    outcome.run(
      async () =>
        write.send(routes.deleteKeyDate, {
          params: { keyDateId: keyDate.id },
          etag: (await readWithEtag(routes.getKeyDate, { kommunenummer, keyDateId: keyDate.id })).etag,
        }),
      t('forms.deleted', { name: keyDate.title }),
    );

  return (
    <section aria-labelledby="key-dates" className="section no-print">
      <Heading level={2} data-size="md" id="key-dates">
        {t('meetings.keyDates.title')}
      </Heading>
      <Paragraph>{t('meetings.keyDates.intro')}</Paragraph>
      <div className="buttons">
        {quickAdds.map((body) => (
          <Button key={body.kind} variant="secondary" disabled={outcome.busy || has(body.kind!)} onClick={() => void add(body)}>
            {t('meetings.keyDates.quickAdd', { title: body.title })}
          </Button>
        ))}
      </div>
      {quickAdds.every((q) => has(q.kind!)) && (
        <Paragraph data-size="sm" className="muted">
          {t('meetings.keyDates.grantsInPlan')}
        </Paragraph>
      )}
      {outcome.region}
      {existing.length > 0 && (
        <div className="table-scroll section">
          <Table className="results responsive-table">
            <caption className="visually-hidden">{t('meetings.keyDates.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('meetings.keyDates.keyDateTitle')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.keyDates.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.keyDates.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.keyDates.repeats')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.keyDates.visibility')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('forms.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {existing.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell data-label={t('meetings.keyDates.keyDateTitle')}>{d.title}</Table.Cell>
                  <Table.Cell data-label={t('meetings.keyDates.kind')}>{t(`meetings.keyDates.kinds.${d.kind}`)}</Table.Cell>
                  <Table.Cell data-label={t('meetings.keyDates.date')}>{formatDate(d.date, i18n.language)}</Table.Cell>
                  <Table.Cell data-label={t('meetings.keyDates.repeats')}>
                    {d.yearly ? t('meetings.keyDates.everyYear') : t('meetings.keyDates.once')}
                  </Table.Cell>
                  <Table.Cell data-label={t('meetings.keyDates.visibility')}>
                    {d.isPublic ? t('measures.public') : t('measures.internal')}
                  </Table.Cell>
                  <Table.Cell>
                    <ConfirmButton
                      size="sm"
                      label={t('forms.delete')}
                      accessibleName={t('meetings.keyDates.removeNamed', { name: d.title })}
                      question={t('forms.deleteQuestion', { name: d.title })}
                      consequence={t('forms.deleteConsequence')}
                      disabled={outcome.busy}
                      onConfirm={() => remove(d)}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <div className="panel">
        <Heading level={3} data-size="xs">
          {t('meetings.keyDates.add')}
        </Heading>
        <ResourceForm
          key={formKey}
          id="key-date-form"
          fields={fields}
          initial={{ ...valuesOf(fields), kind: 'other' }}
          submitLabel={t('meetings.keyDates.add')}
          onSubmit={async (values) => {
            await write.send(routes.createKeyDate, { body: createBody(fields, values) });
            setFormKey((k) => k + 1);
          }}
        />
      </div>
    </section>
  );
}
