import { Alert, Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { routes, type MailPreferences } from '@slt/shared/browser';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useSession } from '../auth/session';
import { useOutcome } from '../meetings/Failure';
import { Spinner } from '../layout/Spinner';
import { useDocumentTitle } from '../layout/useDocumentTitle';

export const mailPreferencesQuery = queryOptions({
  queryKey: ['me', 'mail-preferences'] as const,
  queryFn: ({ signal }) => api.call(routes.getMailPreferences, { signal }),
});

/** The signed-in person's mail choices (`/me/mail`): whether the weekly digest goes to their address. */
export function MailPreferencesPage() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  useDocumentTitle(t('mail.preferences.title'));
  if (!ready) return <Spinner aria-label={t('common.loading')} />;
  if (!user) return <Navigate to="/login" />;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('mail.preferences.title')}
      </Heading>
      <Paragraph>{t('mail.preferences.intro', { email: user.email })}</Paragraph>
      <Preferences />
      <Paragraph data-size="sm">{t('mail.preferences.always')}</Paragraph>
    </>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const preferences = useQuery(mailPreferencesQuery);
  if (preferences.isPending) return <Spinner aria-label={t('common.loading')} />;
  if (preferences.isError) return <Alert data-color="danger">{t('common.error')}</Alert>;
  return <PreferencesForm saved={preferences.data} />;
}

function PreferencesForm({ saved }: { saved: MailPreferences }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [weeklyDigest, setWeeklyDigest] = useState(saved.weeklyDigest);
  const outcome = useOutcome();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void outcome.run(async () => {
      const answer = await api.call(routes.updateMailPreferences, { body: { weeklyDigest } });
      queryClient.setQueryData(mailPreferencesQuery.queryKey, answer);
    }, t('mail.preferences.saved'));
  };
  return (
    <form onSubmit={save} className="stack" id="mail-preferences">
      <Checkbox
        label={t('mail.preferences.weeklyDigest')}
        description={t('mail.preferences.weeklyDigestHint')}
        checked={weeklyDigest}
        onChange={(e) => setWeeklyDigest(e.target.checked)}
      />
      <div>
        <Button type="submit" disabled={outcome.busy}>
          {t('mail.preferences.save')}
        </Button>
      </div>
      {outcome.region}
    </form>
  );
}
