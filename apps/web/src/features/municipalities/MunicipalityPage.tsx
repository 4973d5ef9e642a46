import { Alert, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import { ProblemError } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/session';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from './queries';

// Only coordinators see the settings form, and only members the meeting compliance panel: each
// loads when they do (with its texts), not on the public page.
const MunicipalitySettings = lazy(() => import('./MunicipalitySettings').then((m) => ({ default: m.MunicipalitySettings })));
const CompliancePanel = lazy(() => import('../meetings/CompliancePanel').then((m) => ({ default: m.CompliancePanel })));

export function MunicipalityPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer' });
  const { user } = useSession();
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  // 400 is a malformed number (not four digits): no such municipality either.
  const notFound = municipality.error instanceof ProblemError && [400, 404].includes(municipality.error.status);
  useDocumentTitle(municipality.data?.name ?? (notFound ? t('municipality.notFoundTitle') : undefined));

  return (
    <>
      <Paragraph className="back-link">
        <DsLink asChild>
          <Link to="/">← {t('municipality.back')}</Link>
        </DsLink>
      </Paragraph>
      {municipality.isPending ? (
        <Paragraph className="loading">
          <Spinner aria-hidden data-size="sm" />
          {t('common.loading')}
        </Paragraph>
      ) : notFound ? (
        <>
          <Heading level={1} data-size="lg">
            {t('municipality.notFoundTitle')}
          </Heading>
          <Alert data-color="warning" role="alert" className="section">
            {t('municipality.notFound', { kommunenummer })}
          </Alert>
        </>
      ) : municipality.isError ? (
        <Alert data-color="danger" role="alert">
          {t('common.error')}
        </Alert>
      ) : (
        <>
          <Heading level={1} data-size="lg">
            {municipality.data.name}
          </Heading>
          <section aria-labelledby="facts" className="section">
            <Heading level={2} data-size="sm" id="facts">
              {t('municipality.facts')}
            </Heading>
            <dl className="facts">
              <dt>{t('municipality.number')}</dt>
              <dd>{municipality.data.kommunenummer}</dd>
              <dt>{t('municipality.county')}</dt>
              <dd>{municipality.data.county.name}</dd>
              <dt>{t('municipality.policeDistrict')}</dt>
              <dd>{municipality.data.policeDistrict?.name ?? t('municipality.notSet')}</dd>
              <dt>{t('municipality.malform')}</dt>
              <dd>{t(`municipality.malformNames.${municipality.data.malform}`)}</dd>
            </dl>
          </section>
          <nav aria-labelledby="meetings-links" className="section">
            <Heading level={2} data-size="sm" id="meetings-links">
              {t('nav.meetingsNav')}
            </Heading>
            <Paragraph>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/meetings" params={{ kommunenummer }}>
                  {t('nav.meetings')}
                </Link>
              </DsLink>
              {' · '}
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/year-plan" params={{ kommunenummer }}>
                  {t('nav.yearPlan')}
                </Link>
              </DsLink>
              {hasRole(user, kommunenummer, 'member') && (
                <>
                  {' · '}
                  <DsLink asChild>
                    <Link to="/municipalities/$kommunenummer/tasks" params={{ kommunenummer }}>
                      {t('nav.tasks')}
                    </Link>
                  </DsLink>
                </>
              )}
            </Paragraph>
          </nav>
          {hasRole(user, kommunenummer, 'member') && (
            <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
              <CompliancePanel kommunenummer={kommunenummer} />
            </Suspense>
          )}
          {hasRole(user, kommunenummer, 'coordinator') && (
            <nav aria-labelledby="manage" className="section">
              <Heading level={2} data-size="sm" id="manage">
                {t('municipality.manage')}
              </Heading>
              <Paragraph>
                <DsLink asChild>
                  <Link to="/municipalities/$kommunenummer/api-tokens" params={{ kommunenummer }}>
                    {t('nav.apiTokens')}
                  </Link>
                </DsLink>
                {' · '}
                <DsLink asChild>
                  <Link to="/municipalities/$kommunenummer/audit" params={{ kommunenummer }}>
                    {t('nav.audit')}
                  </Link>
                </DsLink>
                {' · '}
                <DsLink asChild>
                  <Link to="/municipalities/$kommunenummer/exchange" params={{ kommunenummer }}>
                    {t('nav.exchange')}
                  </Link>
                </DsLink>
              </Paragraph>
            </nav>
          )}
          {hasRole(user, kommunenummer, 'coordinator') && (
            <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
              <MunicipalitySettings municipality={municipality.data} />
            </Suspense>
          )}
        </>
      )}
    </>
  );
}
