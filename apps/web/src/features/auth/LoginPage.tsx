import { Alert, Button, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { ProblemError } from '@slt/shared/browser';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
      await navigate({ to: '/home' });
    } catch (e) {
      setError(e instanceof ProblemError && e.status === 429 ? t('login.throttled') : t('login.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
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
