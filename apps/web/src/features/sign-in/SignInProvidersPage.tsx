import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { routes, type CreateOidcProvider, type GroupRole, type OidcProvider, type Role } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { ConfirmButton } from '../forms/ConfirmButton';
import { problemText } from '../forms/problem-text';
import { Spinner } from '../layout/Spinner';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { useMunicipalityName } from '../meetings/hooks';
import { createBody, type CreateField, type FormValues } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { providersQuery, useProviderWrites } from './api';

/**
 * A municipality's single sign-on: the OpenID providers its staff sign in with (a button each on
 * the sign-in page), the redirect URI to register with them, adding and removing one. The
 * contract lets only system administrators manage providers; a provider cannot be changed, only
 * removed and added again.
 */
export function SignInProvidersPage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/sign-in' });
  const { t } = useTranslation();
  const { user, ready } = useSession();
  if (!ready) return <Spinner aria-label={t('common.loading')} />;
  if (!user) return <Navigate to="/login" />;
  if (!user.isAdmin) return <Alert data-color="warning">{t('signIn.adminOnly')}</Alert>;
  return <SignInProviders kommunenummer={kommunenummer} />;
}

const ROLES: Role[] = ['coordinator', 'member'];
const GROUP_FIELDS = { coordinator: 'coordinatorGroups', member: 'memberGroups' } as const;

function SignInProviders({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  const name = useMunicipalityName(kommunenummer);
  const heading = t('signIn.title', { name });
  useDocumentTitle(heading);
  const providers = useQuery(providersQuery);
  const writes = useProviderWrites();
  const [added, setAdded] = useState<OidcProvider | null>(null);
  const [formKey, setFormKey] = useState(0);
  const mine = providers.data?.filter((p) => p.kommunenummer === kommunenummer) ?? [];
  // The API answers with the redirect URI it uses (PUBLIC_URL's); before any provider exists, this origin's.
  const redirectUri = providers.data?.[0]?.redirectUri ?? `${window.location.origin}${routes.finishOidcSignIn.path}`;

  const fields: CreateField<CreateOidcProvider>[] = [
    { name: 'label', kind: 'text', label: t('signIn.label'), description: t('signIn.labelHint'), required: true },
    { name: 'issuer', kind: 'text', label: t('signIn.issuer'), description: t('signIn.issuerHint'), required: true },
    { name: 'clientId', kind: 'text', label: t('signIn.clientId'), required: true },
    { name: 'clientSecret', kind: 'password', label: t('signIn.clientSecret'), description: t('signIn.clientSecretHint') },
    { name: 'privateKeyJwk', kind: 'textarea', label: t('signIn.privateKeyJwk'), description: t('signIn.privateKeyJwkHint') },
    { name: 'allowedDomains', kind: 'lines', label: t('signIn.domains'), description: t('signIn.domainsHint'), required: true },
    {
      name: GROUP_FIELDS.coordinator,
      kind: 'lines',
      virtual: true,
      label: t('signIn.coordinatorGroups'),
      description: t('signIn.groupsHint'),
    },
    { name: GROUP_FIELDS.member, kind: 'lines', virtual: true, label: t('signIn.memberGroups'), description: t('signIn.groupsHint') },
    { name: 'emailClaim', kind: 'text', label: t('signIn.emailClaim'), description: t('signIn.emailClaimHint') },
    { name: 'groupClaim', kind: 'text', label: t('signIn.groupClaim'), description: t('signIn.groupClaimHint') },
    { name: 'passwordsDisabled', kind: 'checkbox', label: t('signIn.passwordsDisabledLabel') },
  ];

  const bodyOf = (values: FormValues): CreateOidcProvider => {
    const body = createBody(fields, values);
    const groupRoles: GroupRole[] = ROLES.flatMap((role) => {
      const groups = values[GROUP_FIELDS[role]];
      return (Array.isArray(groups) ? groups : []).map((group) => ({ group, kommunenummer, role }));
    });
    return { ...body, kommunenummer, allowedDomains: body.allowedDomains.map((d) => d.toLowerCase()), groupRoles };
  };

  return (
    <div className="sign-in-providers">
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <section aria-labelledby="sign-in-redirect" className="section">
        <Heading level={2} data-size="sm" id="sign-in-redirect">
          {t('signIn.redirect')}
        </Heading>
        <Paragraph data-size="sm">{t('signIn.redirectIntro')}</Paragraph>
        <code className="secret" data-testid="redirect-uri">
          {redirectUri}
        </code>
      </section>
      <section aria-labelledby="sign-in-list" className="section">
        <Heading level={2} data-size="sm" id="sign-in-list">
          {t('signIn.list')}
        </Heading>
        {providers.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : providers.isError ? (
          <Alert data-color="danger">{t('common.error')}</Alert>
        ) : mine.length === 0 ? (
          <Paragraph>{t('signIn.none')}</Paragraph>
        ) : (
          <ProviderList providers={mine} />
        )}
      </section>
      <section aria-labelledby="sign-in-add" className="panel">
        <Heading level={2} data-size="sm" id="sign-in-add">
          {t('signIn.add')}
        </Heading>
        <ResourceForm
          key={formKey}
          id="sign-in-form"
          fields={fields}
          initial={{ passwordsDisabled: false }}
          submitLabel={t('signIn.addSubmit')}
          fieldOf={(field) => (field === 'groupRoles' ? GROUP_FIELDS.coordinator : undefined)}
          onSubmit={async (values) => {
            setAdded(await writes.create.mutateAsync(bodyOf(values)));
            setFormKey((k) => k + 1);
          }}
        />
        <div aria-live="polite">
          {added && (
            <Alert data-color="success">
              <Paragraph>{t('signIn.added', { label: added.label })}</Paragraph>
            </Alert>
          )}
        </div>
      </section>
    </div>
  );
}

function ProviderList({ providers }: { providers: OidcProvider[] }) {
  const { t } = useTranslation();
  const writes = useProviderWrites();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      <div aria-live="polite">{failure && <Alert data-color="danger">{failure}</Alert>}</div>
      <ul className="plain stack">
        {providers.map((p) => (
          <li key={p.id} className="panel">
            <Heading level={3} data-size="xs" id={`provider-${p.id}`}>
              {p.label}
            </Heading>
            <dl className="facts">
              <dt>{t('signIn.issuer')}</dt>
              <dd>{p.issuer}</dd>
              <dt>{t('signIn.clientId')}</dt>
              <dd>{p.clientId}</dd>
              <dt>{t('signIn.clientAuth')}</dt>
              <dd>{t(`signIn.clientAuths.${p.clientAuth}`)}</dd>
              <dt>{t('signIn.domains')}</dt>
              <dd>{p.allowedDomains.join(', ')}</dd>
              <dt>{t('signIn.groups')}</dt>
              <dd>
                {p.groupRoles.length === 0
                  ? t('signIn.noGroups')
                  : p.groupRoles.map((g) => `${g.group} → ${t(`signIn.roles.${g.role}`)}`).join(', ')}
              </dd>
              <dt>{t('signIn.passwordsDisabled')}</dt>
              <dd>{p.passwordsDisabled ? t('signIn.passwordsDisabledOn') : t('signIn.passwordsDisabledOff')}</dd>
            </dl>
            <div className="buttons">
              <ConfirmButton
                label={t('signIn.remove')}
                accessibleName={t('signIn.removeNamed', { label: p.label })}
                question={t('signIn.removeQuestion', { label: p.label })}
                consequence={t('signIn.removeConsequence')}
                onConfirm={() =>
                  writes.remove
                    .mutateAsync(p.id)
                    .then(() => setFailure(null))
                    .catch((e: unknown) => setFailure(problemText(t, e)))
                }
              />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
