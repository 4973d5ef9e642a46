import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AcceptInvitation } from '@slt/shared/browser';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import type { CreateField } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { acceptInvitation } from './mutations';

/**
 * The page of an invitation link (`/invitation#<secret>`: the secret stays in the fragment, so it
 * is never sent in a request line or a Referer). The invitee chooses a password and is signed in.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [token] = useState(() => window.location.hash.slice(1));
  useDocumentTitle(t('users.accept.title'));
  const fields: CreateField<Omit<AcceptInvitation, 'token'>>[] = [
    { name: 'password', kind: 'password', label: t('users.accept.password'), description: t('users.accept.passwordHint'), required: true },
  ];
  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t('users.accept.title')}
      </Heading>
      <Paragraph>{t('users.accept.intro')}</Paragraph>
      <ResourceForm
        id="accept-form"
        fields={fields}
        initial={{ password: '' }}
        submitLabel={t('users.accept.submit')}
        fieldOf={(name) => (name === 'token' ? undefined : name)}
        onSubmit={async (values) => {
          const password = String(values.password);
          const { email } = await acceptInvitation(token, password);
          await signIn(email, password);
          await navigate({ to: '/home' });
        }}
      />
    </div>
  );
}
