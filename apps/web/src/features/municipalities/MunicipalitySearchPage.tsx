import { Alert, Button, Field, Heading, Label, Link as DsLink, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from './queries';
import '../../designsystemet/table.css';

const toQuery = (text: string) => text.trim() || undefined;

export function MunicipalitySearchPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('search.title'));
  const search = useSearch({ from: '/' });
  const navigate = useNavigate({ from: '/' });
  const [text, setText] = useState(search.q ?? '');

  // A link or the back button can change the URL under the field: the field follows it.
  const [urlQuery, setUrlQuery] = useState(search.q);
  if (search.q !== urlQuery) {
    setUrlQuery(search.q);
    if (search.q !== toQuery(text)) setText(search.q ?? '');
  }

  // The search lives in the URL (shareable, back-button friendly), updated after typing pauses.
  useEffect(() => {
    const handle = setTimeout(() => {
      const q = toQuery(text);
      if (q !== search.q) void navigate({ search: (prev) => ({ ...prev, q }), replace: true });
    }, 250);
    return () => clearTimeout(handle);
  }, [text, search.q, navigate]);

  const counties = useQuery(municipalityQueries.counties());
  const results = useInfiniteQuery(municipalityQueries.list({ q: search.q, county: search.county }));
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('search.title')}
      </Heading>
      <form role="search" className="search-form" onSubmit={(event) => event.preventDefault()}>
        <Textfield
          label={t('search.label')}
          description={t('search.description')}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
        />
        <Field>
          <Label>{t('search.county')}</Label>
          {/* A county choice is a step of its own in the history: back returns to the previous one. */}
          <Select
            value={search.county ?? ''}
            onChange={(event) => void navigate({ search: (prev) => ({ ...prev, county: event.target.value || undefined }) })}
          >
            <Select.Option value="">{t('search.allCounties')}</Select.Option>
            {counties.data?.items.map((county) => (
              <Select.Option key={county.number} value={county.number}>
                {county.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </form>

      <div aria-live="polite" className="status-line">
        {results.isPending ? (
          <Paragraph className="loading">
            <Spinner aria-hidden data-size="sm" />
            {t('common.loading')}
          </Paragraph>
        ) : results.isError ? (
          <Alert data-color="danger">{t('common.error')}</Alert>
        ) : items.length === 0 ? (
          <Paragraph>{t('search.empty')}</Paragraph>
        ) : (
          <Paragraph>{t('search.results', { count: items.length })}</Paragraph>
        )}
      </div>

      {items.length > 0 && (
        <div className="table-scroll">
          <Table className="results">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('search.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('search.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('municipality.county')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((m) => (
                <Table.Row key={m.kommunenummer}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to="/municipalities/$kommunenummer" params={{ kommunenummer: m.kommunenummer }}>
                        {m.name}
                      </Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{m.kommunenummer}</Table.Cell>
                  <Table.Cell>{m.county.name}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {results.hasNextPage && (
        // Busy rather than disabled while loading, so keyboard focus stays on the button.
        <Button
          variant="secondary"
          loading={results.isFetchingNextPage}
          onClick={() => void results.fetchNextPage({ cancelRefetch: false })}
        >
          {t('search.loadMore')}
        </Button>
      )}
    </>
  );
}
