import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from '../municipalities/queries';
import { municipalitiesOf } from './links';

/** Where a signed-in user lands: their municipality's home, or a choice when they work in several. */
export function MyMunicipalitiesPage() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  useDocumentTitle(t('home.chooseTitle'));
  if (!ready) return <Spinner aria-label={t('common.loading')} />;
  if (!user) return <Navigate to="/login" />;
  const mine = municipalitiesOf(user);
  if (mine.length === 1) return <Navigate to="/municipalities/$kommunenummer/home" params={{ kommunenummer: mine[0]! }} replace />;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('home.chooseTitle')}
      </Heading>
      {mine.length === 0 ? (
        <Paragraph>
          {t('home.noMunicipality')}{' '}
          <DsLink asChild>
            <Link to="/">{t('nav.municipalities')}</Link>
          </DsLink>
        </Paragraph>
      ) : (
        <ul className="plain">
          {mine.map((k) => (
            <MunicipalityLink key={k} kommunenummer={k} />
          ))}
        </ul>
      )}
    </>
  );
}

function MunicipalityLink({ kommunenummer }: { kommunenummer: string }) {
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  return (
    <li>
      <DsLink asChild>
        <Link to="/municipalities/$kommunenummer/home" params={{ kommunenummer }}>
          {municipality.data?.name ?? kommunenummer}
        </Link>
      </DsLink>
    </li>
  );
}
