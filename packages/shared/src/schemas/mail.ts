import { Type, type Static } from 'typebox';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

export const MAIL_KINDS = [
  'meeting_notice',
  'meeting_update',
  'meeting_cancel',
  'action_reminder',
  'action_overdue',
  'invitation',
  'minutes',
  'weekly_digest',
] as const;
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/** A mail in the outbox: what was (or, without SMTP, would have been) sent, and how it went. */
export const MailSchema = Type.Object(
  {
    id: UuidSchema,
    kind: Type.Enum(MAIL_KINDS),
    subjectId: Type.Union([UuidSchema, Type.Null()], {
      description: 'What the mail is about: the meeting, the action item, or the invited user (none for a weekly digest).',
    }),
    recipient: Type.String(),
    language: Type.Enum(['nb', 'nn', 'en']),
    subject: Type.String(),
    text: Type.String(),
    status: Type.Enum(MAIL_STATUSES),
    attempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()], { description: 'The SMTP error code of the last failed attempt.' }),
    createdAt: Type.String({ format: 'date-time' }),
    sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'Mail' },
);
export type Mail = Static<typeof MailSchema>;
export const MailListSchema = Type.Object({ items: Type.Array(MailSchema) }, { additionalProperties: false });
export type MailList = Static<typeof MailListSchema>;

export const MeetingNoticeParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, meetingId: UuidSchema },
  { additionalProperties: false },
);
export const QueuedMailSchema = Type.Object(
  { queued: Type.Integer({ description: 'Mails queued now (members who already had this version of the notice are left out).' }) },
  { additionalProperties: false },
);

/** The signed-in person's choices about mail sent to their e-mail address. */
export const MailPreferencesSchema = Type.Object(
  {
    weeklyDigest: Type.Boolean({
      description:
        "Whether the weekly digest (your open action items that are overdue or due within 7 days, and the next 14 days' meetings " +
        'of your tiers) is mailed to your address. On unless you turn it off.',
    }),
  },
  { additionalProperties: false, title: 'MailPreferences' },
);
export type MailPreferences = Static<typeof MailPreferencesSchema>;
