import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { routes, type Mail } from '@slt/shared/browser';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { RequireRole } from '../auth/RequireRole';
import { DataTable } from '../layout/DataTable';
import { Spinner } from '../layout/Spinner';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { formatDateTime } from '../meetings/time';
import { municipalityQueries } from '../municipalities/queries';
import '../../designsystemet/table.css';

export const mailQueries = {
  list: (kommunenummer: string) =>
    queryOptions({
      queryKey: ['municipality', kommunenummer, 'mail'] as const,
      queryFn: ({ signal }) => api.call(routes.listMail, { params: { kommunenummer }, signal }),
    }),
};

const STATUS_COLOR = { pending: 'warning', sending: 'info', sent: 'success', failed: 'danger' } as const;

/** The outbox for coordinators: what was sent, what waits (or would have been sent without SMTP), what failed and why. */
export function MailPage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/mail' });
  return (
    <RequireRole kommunenummer={kommunenummer} role="coordinator">
      <Outbox kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

function Outbox({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  const name = municipality.data?.name ?? kommunenummer;
  useDocumentTitle(t('mail.title', { name }));
  const mail = useQuery(mailQueries.list(kommunenummer));

  const columns = [
    { header: t('mail.when'), cell: (m: Mail) => <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, i18n.language)}</time> },
    { header: t('mail.kind'), cell: (m: Mail) => <span className="mail-kind">{t(`mail.kinds.${m.kind}`)}</span> },
    { header: t('mail.recipient'), cell: (m: Mail) => m.recipient },
    {
      header: t('mail.subject'),
      cell: (m: Mail) => (
        <>
          {m.subject}
          <details>
            <summary>{t('mail.show')}</summary>
            <pre className="mail-text">{m.text}</pre>
          </details>
        </>
      ),
    },
    {
      header: t('mail.status'),
      cell: (m: Mail) => (
        <>
          <Tag data-color={STATUS_COLOR[m.status]}>{t(`mail.statuses.${m.status}`)}</Tag>
          {m.sentAt && <div>{t('mail.sentAt', { when: formatDateTime(m.sentAt, i18n.language) })}</div>}
          {m.attempts > 0 && m.status !== 'sent' && <div>{t('mail.attempts', { count: m.attempts })}</div>}
          {m.lastError && <div>{t('mail.error', { code: m.lastError })}</div>}
        </>
      ),
    },
  ];

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('mail.title', { name })}
      </Heading>
      <Paragraph>{t('mail.intro')}</Paragraph>
      {mail.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : mail.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : mail.data.items.length === 0 ? (
        <Paragraph>{t('mail.empty')}</Paragraph>
      ) : (
        <DataTable items={mail.data.items} columns={columns} caption={t('mail.title', { name })} />
      )}
    </>
  );
}
