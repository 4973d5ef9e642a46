import { Button, Heading, Label, Link as DsLink, Paragraph, Select, SkipLink } from '@digdir/designsystemet-react';
import { useIsFetching } from '@tanstack/react-query';
import { Link, Outlet, useRouter } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';
import { useSession } from '../auth/session';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { user, signOut } = useSession();
  const coordinatorOf = user?.roles.find((r) => r.role === 'coordinator')?.kommunenummer;
  const memberOf = coordinatorOf ?? user?.roles[0]?.kommunenummer;
  const router = useRouter();
  const main = useRef<HTMLElement>(null);
  // While the page's data is still arriving, <main> says so to assistive technology (and to the browser tests).
  const fetching = useIsFetching() > 0;

  // After moving to another page (not on search-parameter changes such as typing in the search
  // field), focus goes to <main>, so keyboard and screen-reader users start at the new content.
  useEffect(
    () =>
      router.subscribe('onResolved', ({ fromLocation, pathChanged }) => {
        if (fromLocation && pathChanged) main.current?.focus();
      }),
    [router],
  );

  return (
    <div className="page">
      <SkipLink href="#main">{t('skipLink')}</SkipLink>
      <header className="header">
        <div className="brand">
          <Link to={user ? '/home' : '/'} className="brand-link">
            <span className="brand-title">{t('app.title')}</span>
            <span className="brand-subtitle">{t('app.subtitle')}</span>
          </Link>
        </div>
        <nav aria-label={t('nav.label')} className="nav">
          <DsLink asChild>
            <Link to="/">{t('nav.municipalities')}</Link>
          </DsLink>
          {memberOf && (
            <>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/home" params={{ kommunenummer: memberOf }}>
                  {t('nav.home')}
                </Link>
              </DsLink>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/meetings" params={{ kommunenummer: memberOf }}>
                  {t('nav.meetings')}
                </Link>
              </DsLink>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/tasks" params={{ kommunenummer: memberOf }}>
                  {t('nav.tasks')}
                </Link>
              </DsLink>
            </>
          )}
          {coordinatorOf && (
            <>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/api-tokens" params={{ kommunenummer: coordinatorOf }}>
                  {t('nav.apiTokens')}
                </Link>
              </DsLink>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/audit" params={{ kommunenummer: coordinatorOf }}>
                  {t('nav.audit')}
                </Link>
              </DsLink>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/exchange" params={{ kommunenummer: coordinatorOf }}>
                  {t('nav.exchange')}
                </Link>
              </DsLink>
            </>
          )}
          {user ? (
            <>
              <span className="signed-in">{t('nav.signedInAs', { name: user.name })}</span>
              <DsLink asChild>
                <Link to="/me/mail">{t('nav.mailPreferences')}</Link>
              </DsLink>
              <Button variant="tertiary" data-size="sm" onClick={() => void signOut()}>
                {t('nav.logout')}
              </Button>
            </>
          ) : (
            <DsLink asChild>
              <Link to="/login">{t('nav.login')}</Link>
            </DsLink>
          )}
        </nav>
        {/* A label and a select without Field: Field pulls in Designsystemet's web behaviours, which public pages do not need. */}
        <div className="language ds-field">
          <Label htmlFor="language-select">{t('language.label')}</Label>
          <Select
            id="language-select"
            data-size="sm"
            value={i18n.language}
            onChange={(event) => void setLanguage(event.target.value as Language)}
          >
            {LANGUAGES.map((language) => (
              <Select.Option key={language} value={language} lang={language}>
                {t(`language.${language}`)}
              </Select.Option>
            ))}
          </Select>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="main" aria-busy={fetching}>
        <Outlet />
      </main>
      <footer className="footer">
        <Heading level={2} className="visually-hidden">
          {t('app.title')}
        </Heading>
        <Paragraph data-size="sm">{t('footer.data')}</Paragraph>
      </footer>
    </div>
  );
}
