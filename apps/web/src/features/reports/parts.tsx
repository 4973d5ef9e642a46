import { Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../auth/RequireRole';
import { useOutcome } from '../meetings/Failure';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from '../municipalities/queries';
import { downloadReport, type ReportDocument } from './queries';
import '../../i18n/reports';

/** The frame of a report page: for the municipality's users (members read, coordinators write), its heading and intro. */
export function ReportFrame({
  kommunenummer,
  title,
  intro,
  back,
  children,
}: {
  kommunenummer: string;
  title: (name: string) => string;
  intro?: string;
  back?: ReactNode;
  children: ReactNode;
}) {
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  const heading = title(municipality.data?.name ?? kommunenummer);
  useDocumentTitle(heading);
  return (
    <RequireRole kommunenummer={kommunenummer} role="member">
      {back && <Paragraph className="back-link">{back}</Paragraph>}
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      {intro && <Paragraph>{intro}</Paragraph>}
      {children}
    </RequireRole>
  );
}

/** A link back to a list page of the municipality. */
export function BackLink({ to, kommunenummer, label }: { to: string; kommunenummer: string; label: string }) {
  return (
    <DsLink asChild>
      <Link to={to} params={{ kommunenummer }}>
        ← {label}
      </Link>
    </DsLink>
  );
}

/** The DOCX and PDF buttons of a report, with the outcome announced. */
export function DocumentButtons({ kommunenummer, document }: { kommunenummer: string; document: ReportDocument }) {
  const { t } = useTranslation();
  const { run, busy, region } = useOutcome();
  const download = (format: 'docx' | 'pdf') =>
    run(
      () => downloadReport(kommunenummer, document, format),
      (file) => t('reports.downloaded', { file }),
    );
  return (
    <section aria-labelledby="report-documents" className="section">
      <Heading level={2} data-size="xs" id="report-documents">
        {t('reports.documents')}
      </Heading>
      <div className="buttons">
        <Button variant="secondary" disabled={busy} onClick={() => void download('docx')}>
          {t('reports.downloadDocx')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void download('pdf')}>
          {t('reports.downloadPdf')}
        </Button>
      </div>
      {region}
    </section>
  );
}

/** A measured value as written: a number, or "<5" kept as it is (never a guess). */
export const valueText = (point: { value: number | string } | null | undefined): string =>
  point == null ? '–' : typeof point.value === 'number' ? point.value.toLocaleString('nb-NO') : String(point.value);

/** A sum in whole kroner with Norwegian grouping. */
export const kroner = (amount: number | null | undefined): string => (amount == null ? '–' : amount.toLocaleString('nb-NO'));

/** A date (YYYY-MM-DD) as dd.mm.yyyy. */
export const day = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** Whether any value shown is "<5" (then the note explaining it is shown). */
export const hasSmallGroup = (points: ({ value: number | string } | null | undefined)[]) =>
  points.some((p) => p != null && typeof p.value === 'string');

/** A table that scrolls sideways on a narrow screen: a named region keyboard users can focus and scroll (WCAG 2.1.1). */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
