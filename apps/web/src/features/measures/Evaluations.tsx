import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { EVALUATION_OUTCOMES, routes, type CreateEvaluation, type Measure } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readWithEtag, sltKey, useSetupWrite } from '../resources/api';
import { createBody, valuesOf, type CreateField } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { ConfirmButton } from '../forms/ConfirmButton';
import '../../designsystemet/table.css';

/** A measure's evaluations (internal): the list, a form to add one, and removal; each write sends the measure's ETag. */
export function Evaluations({ kommunenummer, measureId }: { kommunenummer: string; measureId: string }) {
  const { t } = useTranslation();
  const measure = useQuery({
    queryKey: sltKey(kommunenummer, 'measure', measureId),
    queryFn: () => readWithEtag<Measure>(routes.getMeasure, { kommunenummer, measureId }),
  });
  const write = useSetupWrite(kommunenummer);
  const [formKey, setFormKey] = useState(0);
  const fields: CreateField<CreateEvaluation>[] = [
    { name: 'date', kind: 'date', label: t('measures.evaluationDate'), required: true },
    {
      name: 'outcome',
      kind: 'select',
      label: t('measures.outcome'),
      required: true,
      options: EVALUATION_OUTCOMES.map((o) => ({ value: o, label: t(`measures.outcomes.${o}`) })),
    },
    { name: 'text', kind: 'textarea', label: t('measures.evaluationText') },
  ];
  const freshEtag = async () => (await readWithEtag<Measure>(routes.getMeasure, { kommunenummer, measureId })).etag;
  const evaluations = measure.data?.item.evaluations ?? [];
  return (
    <section aria-labelledby="evaluations" className="section">
      <Heading level={3} data-size="xs" id="evaluations">
        {t('measures.evaluations')}
      </Heading>
      {evaluations.length === 0 ? (
        <Paragraph>{t('measures.noEvaluations')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table className="results">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('measures.evaluationDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.outcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.evaluationText')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('forms.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {evaluations.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{e.date}</Table.Cell>
                  <Table.Cell>{t(`measures.outcomes.${e.outcome}`)}</Table.Cell>
                  <Table.Cell>{e.text ?? ''}</Table.Cell>
                  <Table.Cell>
                    <ConfirmButton
                      size="sm"
                      label={t('forms.delete')}
                      accessibleName={t('measures.removeEvaluation', { date: e.date })}
                      question={t('forms.deleteQuestion', { name: `${t(`measures.outcomes.${e.outcome}`)} (${e.date})` })}
                      consequence={t('forms.deleteConsequence')}
                      onConfirm={() =>
                        freshEtag().then((etag) => write.send(routes.deleteEvaluation, { params: { measureId, evaluationId: e.id }, etag }))
                      }
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <ResourceForm
        key={formKey}
        id="evaluation-form"
        fields={fields}
        initial={{ ...valuesOf(fields), outcome: 'achieved' }}
        submitLabel={t('measures.addEvaluation')}
        onSubmit={async (values) => {
          await write.send(routes.createEvaluation, {
            params: { measureId },
            body: createBody(fields, values),
            etag: await freshEtag(),
          });
          setFormKey((k) => k + 1);
        }}
      />
    </section>
  );
}
