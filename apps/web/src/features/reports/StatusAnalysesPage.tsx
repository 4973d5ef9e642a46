import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { ProblemError, routes } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/session';
import { fieldErrorText, problemText } from '../forms/problem-text';
import { writeTo } from '../resources/api';
import { day, ReportFrame } from './parts';
import { reportQueries, reportsKey } from './queries';
import '../../i18n/reports';

/** The municipality's kartlegginger, and a new one (coordinators). */
export function StatusAnalysesPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/status-analyses' });
  const { user } = useSession();
  const analyses = useQuery(reportQueries.statusAnalyses(kommunenummer));
  const s = (key: string) => t(`reports.status.${key}`);
  return (
    <ReportFrame kommunenummer={kommunenummer} title={(name) => t('reports.status.title', { name })} intro={s('intro')}>
      <section aria-labelledby="status-list" className="section">
        <Heading level={2} data-size="sm" id="status-list">
          {s('list')}
        </Heading>
        {analyses.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : analyses.isError ? (
          <Alert data-color="danger">{problemText(t, analyses.error)}</Alert>
        ) : analyses.data.length === 0 ? (
          <Paragraph>{s('empty')}</Paragraph>
        ) : (
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('reports.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.period')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {analyses.data.map((analysis) => (
                <Table.Row key={analysis.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link
                        to="/municipalities/$kommunenummer/status-analyses/$statusAnalysisId"
                        params={{ kommunenummer, statusAnalysisId: analysis.id }}
                      >
                        {analysis.title}
                      </Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>
                    {day(analysis.periodStart)}–{day(analysis.periodEnd)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
      {hasRole(user, kommunenummer, 'coordinator') && <NewStatusAnalysis kommunenummer={kommunenummer} />}
    </ReportFrame>
  );
}

function NewStatusAnalysis({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const year = new Date().getFullYear();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const summary = text('summary');
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const { body } = await writeTo(kommunenummer, routes.createStatusAnalysis, {
        body: { title: text('title'), periodStart: text('periodStart'), periodEnd: text('periodEnd'), ...(summary ? { summary } : {}) },
      });
      await queryClient.invalidateQueries({ queryKey: reportsKey(kommunenummer) });
      await navigate({
        to: '/municipalities/$kommunenummer/status-analyses/$statusAnalysisId',
        params: { kommunenummer, statusAnalysisId: body.id },
      });
    } catch (error) {
      const found = fieldErrors(t, error);
      setErrors(found);
      if (Object.keys(found).length === 0) setFailure(problemText(t, error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="new-status" className="section panel">
      <Heading level={2} data-size="sm" id="new-status">
        {t('reports.status.newAnalysis')}
      </Heading>
      <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
        <Textfield
          label={t('reports.title')}
          name="title"
          required
          maxLength={200}
          defaultValue={`Kartlegging ${year}`}
          error={errors.title}
        />
        <div className="field-row">
          <Textfield
            label={t('reports.periodStart')}
            name="periodStart"
            type="date"
            defaultValue={`${year}-01-01`}
            error={errors.periodStart}
          />
          <Textfield label={t('reports.periodEnd')} name="periodEnd" type="date" defaultValue={`${year}-12-31`} error={errors.periodEnd} />
        </div>
        <Textfield multiline rows={3} label={t('reports.status.summary')} name="summary" error={errors.summary} />
        <div aria-live="polite">{failure && <Alert data-color="danger">{failure}</Alert>}</div>
        <div className="buttons">
          <Button type="submit" disabled={busy}>
            {t('reports.status.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A refusal's field errors by the pointer's path (`/priorities/0/title` → `priorities.0.title`), in the user's language. */
export function fieldErrors(t: Parameters<typeof fieldErrorText>[0], error: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  if (error instanceof ProblemError)
    for (const e of error.errors) if (e.in === 'body') found[e.pointer.split('/').filter(Boolean).join('.')] ??= fieldErrorText(t, e);
  return found;
}
