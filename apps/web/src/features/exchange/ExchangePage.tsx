import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph, Radio } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import { newIdempotencyKey, ProblemError } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../api';
import { RequireRole } from '../auth/RequireRole';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from '../municipalities/queries';
import { municipalityKey } from '../resources/api';
import { downloadExport, importFile, type ExportKind } from './api';
import { OutcomeView, type Outcome } from './ImportOutcome';
import { guessFileKind, type CsvEntity, type FileFormat } from './file-kind';
import '../../designsystemet/fieldset.css';
import '../../i18n/exchange';

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
        await queryClient.invalidateQueries({ queryKey: municipalityKey(kommunenummer) });
      }
    } catch (error) {
      // Invalid items: a 422, or a 400 when an item holds text the rules refuse (each with its pointer in the file).
      const invalidItems =
        error instanceof ProblemError && (error.status === 422 || (error.status === 400 && error.errors.some((e) => e.in === 'body')));
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
          <Button
            type="button"
            disabled={!canImport}
            aria-describedby={canImport ? undefined : 'import-hint'}
            onClick={() => void send(false)}
          >
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
