import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { ApiToken, CreatedApiToken, TokenScope } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../auth/RequireRole';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from '../municipalities/queries';
import { useCreateApiToken, useRevokeApiToken } from './mutations';
import { apiTokenQueries } from './queries';
import { ConfirmButton } from '../forms/ConfirmButton';
import '../../designsystemet/table.css';
import '../../designsystemet/fieldset.css';

const SCOPES: TokenScope[] = ['read', 'write', 'import'];

export function ApiTokensPage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/api-tokens' });
  return (
    <RequireRole kommunenummer={kommunenummer} role="coordinator">
      <ApiTokens kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

function status(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

function ApiTokens({ kommunenummer }: { kommunenummer: string }) {
  const { t, i18n } = useTranslation();
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  const name = municipality.data?.name ?? kommunenummer;
  useDocumentTitle(t('tokens.title', { name }));
  const tokens = useQuery(apiTokenQueries.list(kommunenummer));
  const create = useCreateApiToken(kommunenummer);
  const revoke = useRevokeApiToken(kommunenummer);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const formatDate = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nb-NO') : t('common.never');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const tokenName = String(form.get('name') ?? '').trim();
    const scopes = form.getAll('scopes').map(String) as TokenScope[];
    const expires = String(form.get('expires') ?? '');
    const problems = {
      ...(tokenName ? {} : { name: t('tokens.nameRequired') }),
      ...(scopes.length > 0 ? {} : { scopes: t('tokens.scopeRequired') }),
    };
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await create.mutateAsync({
      name: tokenName,
      scopes,
      ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
    });
    setCreated(result);
    formElement.reset();
  }

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('tokens.title', { name })}
      </Heading>
      <Paragraph>{t('tokens.intro')}</Paragraph>

      <section aria-labelledby="new-token" className="panel">
        <Heading level={2} data-size="sm" id="new-token">
          {t('tokens.newToken')}
        </Heading>
        <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
          <Textfield label={t('tokens.name')} name="name" maxLength={100} error={errors.name} />
          <Fieldset>
            <Fieldset.Legend>{t('tokens.scopes')}</Fieldset.Legend>
            {SCOPES.map((scope) => (
              <Checkbox key={scope} name="scopes" value={scope} label={t(`tokens.scopeNames.${scope}`)} />
            ))}
            {errors.scopes && <Alert data-color="danger">{errors.scopes}</Alert>}
          </Fieldset>
          <Textfield label={t('tokens.expires')} name="expires" type="date" />
          <Button type="submit" disabled={create.isPending}>
            {t('tokens.create')}
          </Button>
        </form>
        <div aria-live="polite">
          {created && (
            <Alert data-color="success">
              <Paragraph>{t('tokens.created', { name: created.token.name })}</Paragraph>
              <code className="secret" aria-label={t('tokens.secret')} data-testid="token-secret">
                {created.secret}
              </code>
            </Alert>
          )}
          {create.isError && <Alert data-color="danger">{t('common.error')}</Alert>}
        </div>
      </section>

      <section aria-labelledby="token-list">
        <Heading level={2} data-size="sm" id="token-list">
          {t('tokens.list')}
        </Heading>
        {tokens.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : tokens.isError ? (
          <Alert data-color="danger">{t('common.error')}</Alert>
        ) : tokens.data.items.length === 0 ? (
          <Paragraph>{t('tokens.none')}</Paragraph>
        ) : (
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('tokens.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.prefix')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.scopes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.lastUsed')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.status')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('tokens.revoke')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tokens.data.items.map((token) => (
                <Table.Row key={token.id}>
                  <Table.Cell>{token.name}</Table.Cell>
                  <Table.Cell>
                    <code>{token.prefix}</code>
                  </Table.Cell>
                  <Table.Cell>{token.scopes.map((s) => t(`tokens.scopeNames.${s}`)).join(', ')}</Table.Cell>
                  <Table.Cell>{formatDate(token.lastUsedAt)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={status(token) === 'active' ? 'success' : 'neutral'}>{t(`tokens.${status(token)}`)}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {status(token) === 'active' && (
                      <ConfirmButton
                        variant="secondary"
                        size="sm"
                        label={t('tokens.revoke')}
                        accessibleName={t('tokens.revokeNamed', { name: token.name })}
                        question={t('tokens.revokeQuestion', { name: token.name })}
                        consequence={t('tokens.revokeConsequence')}
                        onConfirm={() => revoke.mutate(token.id)}
                        disabled={revoke.isPending}
                      />
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </>
  );
}
