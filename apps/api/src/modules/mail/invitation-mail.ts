import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { municipalities } from '../../db/schema/index.js';
import { createMailRepository } from './mail.repository.js';
import { invitationMail, recipientLanguage } from './mail-texts.js';

/**
 * Queues the invitation to the invited person, in the transaction that gives the role: a new
 * account's mail carries the one-time link to choose a password (`/invitation#<token>`), an
 * existing account's the product's address. Needs PUBLIC_URL (without it there is no link to send).
 */
export async function queueInvitationMail(
  tx: Executor,
  publicUrl: string | undefined,
  invitation: {
    kommunenummer: string;
    userId: string;
    email: string;
    role: 'coordinator' | 'member';
    token: string | null;
    expiresAt: Date | null;
  },
): Promise<number> {
  if (!publicUrl) return 0;
  const [municipality] = await tx
    .select({ name: municipalities.name, malform: municipalities.malform })
    .from(municipalities)
    .where(eq(municipalities.kommunenummer, invitation.kommunenummer));
  if (!municipality) return 0;
  const language = recipientLanguage(municipality);
  const link = invitation.token ? `${publicUrl}/invitation#${invitation.token}` : `${publicUrl}/`;
  return createMailRepository(tx).enqueue([
    {
      kommunenummer: invitation.kommunenummer,
      kind: 'invitation',
      subjectId: invitation.userId,
      dedupeKey: `invitation:${invitation.userId}:${invitation.kommunenummer}:${invitation.expiresAt?.toISOString() ?? 'existing'}`,
      recipient: invitation.email,
      language,
      ...invitationMail(language, { municipality: municipality.name, role: invitation.role, link, expiresAt: invitation.expiresAt }),
      ics: null,
      icsMethod: null,
    },
  ]);
}
