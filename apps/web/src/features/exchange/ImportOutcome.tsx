import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { SETUP_SECTIONS, type ImportResult, type ProblemFieldError } from '@slt/shared/browser';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../forms/problem-text';
import { csvRowOf, type CsvEntity } from './file-kind';
import '../../designsystemet/table.css';
import '../../i18n/exchange';

/** How many changes of a plan or result are listed; the rest are counted. */
const CHANGES_SHOWN = 100;

/** What the last check or import of a file came to. */
export type Outcome =
  | { kind: 'plan'; result: ImportResult; file: File; entity: CsvEntity | null; idempotencyKey: string }
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'invalid'; errors: ProblemFieldError[]; detail: string | undefined; csv: boolean }
  | { kind: 'failed'; message: string };

export function OutcomeView({ outcome, headingRef }: { outcome: Outcome; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const heading = (text: string) => (
    <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1} id="outcome-heading">
      {text}
    </Heading>
  );
  switch (outcome.kind) {
    case 'plan':
      return (
        <>
          {heading(t('exchange.planHeading'))}
          <Paragraph>{outcome.result.changes.length > 0 ? t('exchange.planSummary') : t('exchange.nothingToChange')}</Paragraph>
          <ResultTables result={outcome.result} />
        </>
      );
    case 'imported':
      return (
        <>
          {heading(t('exchange.resultHeading'))}
          <Alert data-color="success" data-size="sm">
            {t('exchange.resultSummary')}
          </Alert>
          <ResultTables result={outcome.result} />
        </>
      );
    case 'invalid':
      return (
        <>
          {heading(t('exchange.errorsHeading', { count: outcome.errors.length }))}
          <Alert data-color="danger" data-size="sm">
            <Paragraph>{t('exchange.errorsSummary')}</Paragraph>
            {outcome.detail && <Paragraph data-size="sm">{outcome.detail}</Paragraph>}
          </Alert>
          <ErrorTable errors={outcome.errors} csv={outcome.csv} />
        </>
      );
    case 'failed':
      return (
        <>
          {heading(t('exchange.failedHeading'))}
          <Alert data-color="danger" data-size="sm">
            {outcome.message}
          </Alert>
        </>
      );
  }
}

function ResultTables({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const sections = SETUP_SECTIONS.filter((section) => {
    const c = result.counts[section];
    return c && c.created + c.updated + c.unchanged > 0;
  });
  if (sections.length === 0) return <Paragraph>{t('exchange.empty')}</Paragraph>;
  const shown = result.changes.slice(0, CHANGES_SHOWN);
  const more = result.changes.length - shown.length + result.changesOmitted;
  const sectionName = (section: string) =>
    (SETUP_SECTIONS as readonly string[]).includes(section)
      ? t(`exchange.sections.${section as (typeof SETUP_SECTIONS)[number]}`)
      : section;
  return (
    <>
      <div className="table-scroll">
        <Table data-testid="import-counts">
          <caption className="visually-hidden">{t('exchange.countsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('exchange.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('exchange.created')}</Table.HeaderCell>
              <Table.HeaderCell>{t('exchange.updated')}</Table.HeaderCell>
              <Table.HeaderCell>{t('exchange.unchanged')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sections.map((section) => {
              const c = result.counts[section]!;
              return (
                <Table.Row key={section}>
                  <Table.HeaderCell scope="row">{sectionName(section)}</Table.HeaderCell>
                  <Table.Cell>{c.created}</Table.Cell>
                  <Table.Cell>{c.updated}</Table.Cell>
                  <Table.Cell>{c.unchanged}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      {shown.length > 0 && (
        <>
          <Heading level={4} data-size="2xs" id="changes-heading">
            {t('exchange.changesCaption')}
          </Heading>
          <div className="table-scroll">
            <Table aria-labelledby="changes-heading" data-testid="import-changes">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('exchange.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('exchange.externalId')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('exchange.action')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('exchange.fields')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.map((change) => (
                  <Table.Row key={`${change.section}/${change.externalId}`}>
                    <Table.Cell>{sectionName(change.section)}</Table.Cell>
                    <Table.Cell>
                      <code>{change.externalId}</code>
                    </Table.Cell>
                    <Table.Cell>{t(`exchange.actions.${change.action}`)}</Table.Cell>
                    <Table.Cell>{change.fields.join(', ')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {more > 0 && <Paragraph>{t('exchange.more', { count: more })}</Paragraph>}
        </>
      )}
    </>
  );
}

function ErrorTable({ errors, csv }: { errors: ProblemFieldError[]; csv: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table data-testid="import-errors">
        <caption className="visually-hidden">{t('exchange.errorsCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('exchange.where')}</Table.HeaderCell>
            <Table.HeaderCell>{t('exchange.reason')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {errors.map((error, index) => {
            const row = csv ? csvRowOf(error.pointer) : null;
            return (
              <Table.Row key={`${error.pointer}-${index}`}>
                <Table.Cell>
                  <code>{error.pointer || '/'}</code>
                  {row !== null && ` (${t('exchange.row', { row })})`}
                </Table.Cell>
                <Table.Cell>
                  {error.code && error.code !== 'invalid' ? fieldErrorText(t, error) : <span lang="en">{error.detail}</span>}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
