import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../auth/RequireRole';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from '../municipalities/queries';
import { auditQueries } from './queries';

export function AuditPage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/audit' });
  return (
    <RequireRole kommunenummer={kommunenummer} role="coordinator">
      <AuditLog kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

const show = (value: unknown) => (value === null || value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value));

function AuditLog({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  const name = municipality.data?.name ?? kommunenummer;
  useDocumentTitle(t('audit.title', { name }));
  const entries = useInfiniteQuery(auditQueries.list(kommunenummer));
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('audit.title', { name })}
      </Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      {entries.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : entries.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : items.length === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('audit.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.who')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.what')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.changes')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell>
                  <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nb-NO')}</time>
                </Table.Cell>
                <Table.Cell>{entry.actor.label}</Table.Cell>
                <Table.Cell>{entry.entity}</Table.Cell>
                <Table.Cell>{entry.action}</Table.Cell>
                <Table.Cell>
                  <ul className="changes">
                    {Object.entries(entry.changes).map(([field, change]) => (
                      <li key={field}>
                        <strong>{field}</strong>: {show(change.before)} → {show(change.after)}
                      </li>
                    ))}
                  </ul>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {entries.hasNextPage && (
        <Button variant="secondary" onClick={() => void entries.fetchNextPage()}>
          {t('audit.loadMore')}
        </Button>
      )}
    </>
  );
}
