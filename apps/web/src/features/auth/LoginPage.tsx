import { Alert, Button, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { ProblemError, routes, SSO_ERRORS } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { api, refreshSession } from '../../api';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { useSession } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { sso, next } = useSearch({ from: '/login' });
  const providers = useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => api.call(routes.listSignInOptions, { query: {} }),
    staleTime: 5 * 60_000,
  });
  const refused = sso && (SSO_ERRORS as readonly string[]).includes(sso) ? sso : null;

  // Back from the provider: the API set the refresh cookie; open the session from it and go on.
  useEffect(() => {
    if (sso !== 'done') return;
    void refreshSession().then((ok) => (ok ? navigate({ to: next ?? '/home' }) : navigate({ to: '/login', search: { sso: 'failed' } })));
  }, [sso, next, navigate]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
      await navigate({ to: '/home' });
    } catch (e) {
      setError(
        e instanceof ProblemError && e.status === 429
          ? t('login.throttled')
          : e instanceof ProblemError && e.status === 403
            ? t('login.passwordsOff')
            : t('login.failed'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
      {sso === 'done' && <Paragraph aria-live="polite">{t('login.sso.done')}</Paragraph>}
      {refused && <Alert data-color="danger">{t(`login.sso.${refused}`)}</Alert>}
      {providers.data && providers.data.providers.length > 0 && (
        <div className="stack">
          {providers.data.providers.map((p) => (
            <Button key={p.id} asChild variant="primary">
              <a href={`${p.startUrl}?returnTo=${encodeURIComponent(next ?? '/home')}`}>{t('login.sso.with', { label: p.label })}</a>
            </Button>
          ))}
          <Paragraph>{t('login.sso.or')}</Paragraph>
        </div>
      )}
      <Paragraph>{t('login.intro')}</Paragraph>
      <form onSubmit={(event) => void submit(event)} className="stack">
        {/* Label and input without Field: Field pulls in Designsystemet's web behaviours (a third of this page's script), which two plain fields do not need. */}
        <div className="ds-field">
          <Label htmlFor="login-email">{t('login.email')}</Label>
          <Input id="login-email" name="email" type="email" autoComplete="username" required />
        </div>
        <div className="ds-field">
          <Label htmlFor="login-password">{t('login.password')}</Label>
          <Input id="login-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div aria-live="assertive">{error && <Alert data-color="danger">{error}</Alert>}</div>
        <Button type="submit" disabled={busy}>
          {t('login.submit')}
        </Button>
      </form>
    </div>
  );
}
