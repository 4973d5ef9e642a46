import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph, Radio, Spinner, Table } from '@digdir/designsystemet-react';
import { newIdempotencyKey, ProblemError, SETUP_SECTIONS, type ImportResult, type ProblemFieldError } from '@slt/shared';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../api';
import { RequireRole } from '../auth/RequireRole';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from '../municipalities/queries';
import { downloadExport, importFile, type ExportKind } from './api';
import { csvRowOf, guessFileKind, type CsvEntity, type FileFormat } from './file-kind';

/** How many changes of a plan or result are listed; the rest are counted. */
const CHANGES_SHOWN = 100;
const ENTITIES: CsvEntity[] = ['members', 'measures'];
const EXPORT_KINDS = [
  ['json', 'exchange.exportJson'],
  ['members', 'exchange.exportMembers'],
  ['measures', 'exchange.exportMeasures'],
] as const;

export function ExchangePage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/exchange' });
  return (
    <RequireRole kommunenummer={kommunenummer} role="coordinator">
      <Exchange kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

function Exchange({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  const name = municipality.data?.name ?? kommunenummer;
  useDocumentTitle(t('exchange.title', { name }));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('exchange.title', { name })}
      </Heading>
      <Paragraph>{t('exchange.intro')}</Paragraph>
      <ExportSection kommunenummer={kommunenummer} />
      <ImportSection kommunenummer={kommunenummer} />
    </>
  );
}

function ExportSection({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function download(kind: ExportKind) {
    setBusy(kind);
    setMessage(null);
    try {
      const file = await downloadExport(kommunenummer, kind, i18n.language);
      setMessage({ ok: true, text: t('exchange.downloaded', { file }) });
    } catch {
      setMessage({ ok: false, text: t('exchange.exportFailed') });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="export-heading" className="panel">
      <Heading level={2} data-size="sm" id="export-heading">
        {t('exchange.exportHeading')}
      </Heading>
      <Paragraph>{t('exchange.exportIntro')}</Paragraph>
      <div className="buttons">
        {EXPORT_KINDS.map(([kind, label]) => (
          <Button key={kind} variant="secondary" onClick={() => void download(kind)} disabled={busy !== null} aria-busy={busy === kind}>
            {t(label)}
          </Button>
        ))}
      </div>
      <div aria-live="polite" className="status-line">
        {message && (
          <Alert data-color={message.ok ? 'success' : 'danger'} data-size="sm">
            {message.text}
          </Alert>
        )}
      </div>
    </section>
  );
}

type Outcome =
  | { kind: 'plan'; result: ImportResult; file: File; entity: CsvEntity | null; idempotencyKey: string }
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'invalid'; errors: ProblemFieldError[]; detail: string | undefined; csv: boolean }
  | { kind: 'failed'; message: string };

function ImportSection({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<FileFormat>('json');
  const [entity, setEntity] = useState<CsvEntity | null>(null);
  const [entityError, setEntityError] = useState(false);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  // A second click before React re-renders the disabled button must not send a second request.
  const inFlight = useRef(false);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);

  // A new outcome is announced by moving focus to its heading, which says what happened.
  useEffect(() => {
    if (outcome) outcomeHeading.current?.focus();
  }, [outcome]);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setOutcome(null);
    setImportError(null);
    setEntityError(false);
    if (!chosen) return;
    const guess = guessFileKind(chosen.name, await chosen.slice(0, 4096).text());
    setFormat(guess.format);
    setEntity(guess.entity);
  }

  async function send(dryRun: boolean) {
    if (!file || inFlight.current) return;
    if (format === 'csv' && !entity) {
      setEntityError(true);
      return;
    }
    const plan = outcome?.kind === 'plan' ? outcome : null;
    if (!dryRun && !plan) return;
    inFlight.current = true;
    setBusy(dryRun ? 'check' : 'import');
    setImportError(null);
    try {
      const result = await importFile(kommunenummer, file, {
        format,
        entity,
        dryRun,
        language: i18n.language,
        ...(plan && !dryRun ? { idempotencyKey: plan.idempotencyKey } : {}),
      });
      if (dryRun) {
        // One key per checked file: every attempt to import this plan (a retry, a double click) sends the same one.
        setOutcome({ kind: 'plan', result, file, entity: format === 'csv' ? entity : null, idempotencyKey: newIdempotencyKey() });
      } else {
        setOutcome({ kind: 'imported', result });
        await queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes(kommunenummer) });
      }
    } catch (error) {
      // Invalid items: a 422, or a 400 when an item holds text the rules refuse (each with its pointer in the file).
      const invalidItems = error instanceof ProblemError && (error.status === 422 || (error.status === 400 && error.errors.some((e) => e.in === 'body')));
      if (error instanceof ProblemError && invalidItems && error.errors.length > 0) {
        setOutcome({ kind: 'invalid', errors: error.errors, detail: error.problem.detail, csv: format === 'csv' });
      } else {
        const message =
          error instanceof ProblemError
            ? error.status === 409
              ? t('exchange.running')
              : (error.problem.detail ?? error.problem.title)
            : t('common.error');
        // A failed import keeps its plan (and key), so trying again cannot import twice.
        if (dryRun) setOutcome({ kind: 'failed', message });
        else setImportError(message);
      }
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  }

  const plan = outcome?.kind === 'plan' ? outcome : null;
  const planMatches = plan !== null && plan.file === file && plan.entity === (format === 'csv' ? entity : null);
  const hasChanges = (plan?.result.changes.length ?? 0) > 0;
  const canImport = planMatches && hasChanges && busy === null;

  return (
    <section aria-labelledby="import-heading" className="panel">
      <Heading level={2} data-size="sm" id="import-heading">
        {t('exchange.importHeading')}
      </Heading>
      <Paragraph>{t('exchange.importIntro')}</Paragraph>
      <form className="stack" noValidate onSubmit={(event) => event.preventDefault()}>
        <Field>
          <Label>{t('exchange.file')}</Label>
          <Field.Description>{t('exchange.fileHint')}</Field.Description>
          <Input type="file" name="file" accept=".json,.csv,application/json,text/csv" onChange={(event) => void choose(event)} />
        </Field>
        {file && format === 'csv' && (
          <Fieldset>
            <Fieldset.Legend>{t('exchange.entity')}</Fieldset.Legend>
            <div className="radio-row">
              {ENTITIES.map((value) => (
                <Radio
                  key={value}
                  name="entity"
                  value={value}
                  label={t(`exchange.entities.${value}`)}
                  checked={entity === value}
                  onChange={() => {
                    setEntity(value);
                    setEntityError(false);
                    setOutcome(null);
                    setImportError(null);
                  }}
                />
              ))}
            </div>
            {entityError && (
              <Alert data-color="danger" data-size="sm" role="alert">
                {t('exchange.entityRequired')}
              </Alert>
            )}
          </Fieldset>
        )}
        <div className="buttons">
          <Button type="button" variant="secondary" disabled={!file || busy !== null} onClick={() => void send(true)}>
            {busy === 'check' ? t('exchange.checking') : t('exchange.check')}
          </Button>
          <Button type="button" disabled={!canImport} aria-describedby={canImport ? undefined : 'import-hint'} onClick={() => void send(false)}>
            {busy === 'import' ? t('exchange.importing') : t('exchange.import')}
          </Button>
        </div>
        {!canImport && (
          <Paragraph data-size="sm" id="import-hint" className="muted">
            {t('exchange.checkFirst')}
          </Paragraph>
        )}
      </form>
      <div aria-live="polite" className="status-line">
        {busy && <Spinner aria-label={busy === 'check' ? t('exchange.checking') : t('exchange.importing')} data-size="sm" />}
        {importError && (
          <Alert data-color="danger" data-size="sm">
            {importError}
          </Alert>
        )}
      </div>
      {outcome && (
        <div className="section" data-testid="import-outcome">
          <OutcomeView outcome={outcome} headingRef={outcomeHeading} />
        </div>
      )}
    </section>
  );
}

function OutcomeView({ outcome, headingRef }: { outcome: Outcome; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
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
    (SETUP_SECTIONS as readonly string[]).includes(section) ? t(`exchange.sections.${section as (typeof SETUP_SECTIONS)[number]}`) : section;
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
                <Table.Cell>{error.detail}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
