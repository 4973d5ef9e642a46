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
] as const;
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/** A mail in the outbox: what was (or, without SMTP, would have been) sent, and how it went. */
export const MailSchema = Type.Object(
  {
    id: UuidSchema,
    kind: Type.Enum(MAIL_KINDS),
    subjectId: Type.Union([UuidSchema, Type.Null()], {
      description: 'What the mail is about: the meeting, the action item, or the invited user.',
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
