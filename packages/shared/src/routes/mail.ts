import { defineRoute } from '../contract.js';
import { MailListSchema, MailPreferencesSchema, MeetingNoticeParamsSchema, QueuedMailSchema } from '../schemas/mail.js';
import { MunicipalityParamsSchema } from '../schemas/municipalities.js';

const coordinator = { kind: 'municipality', role: 'coordinator' } as const;

/** Mail (issue 21): meeting notices with an iCalendar invitation, and the outbox a coordinator watches. */
export const mailRoutes = {
  sendMeetingNotice: defineRoute({
    method: 'POST',
    path: '/api/v1/municipalities/:kommunenummer/meetings/:meetingId/notice',
    operationId: 'sendMeetingNotice',
    tags: ['meetings'],
    summary: "Send the meeting's notice (innkalling) with its agenda and a calendar invitation to every member of the tier",
    description:
      'Queued in the outbox and sent by the mail worker. Once a notice went out, moving the meeting sends an update ' +
      '(same UID, higher SEQUENCE) and cancelling it sends a cancellation, by themselves.',
    access: coordinator,
    params: MeetingNoticeParamsSchema,
    response: { 202: QueuedMailSchema },
    problems: [400, 401, 403, 404, 409],
  }),
  listMail: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/mail',
    operationId: 'listMail',
    tags: ['meetings'],
    summary: "The municipality's mail, newest first: sent, waiting (also when no SMTP server is configured) and failed",
    access: coordinator,
    params: MunicipalityParamsSchema,
    response: { 200: MailListSchema },
    problems: [400, 401, 403, 404],
  }),
  getMailPreferences: defineRoute({
    method: 'GET',
    path: '/api/v1/me/mail-preferences',
    operationId: 'getMailPreferences',
    tags: ['mail'],
    summary: 'Your mail preferences: whether you get the weekly digest',
    description: "Kept per e-mail address (your account's): the digest goes to members by address, in every municipality.",
    access: { kind: 'user' },
    response: { 200: MailPreferencesSchema },
    problems: [401, 403],
  }),
  updateMailPreferences: defineRoute({
    method: 'PUT',
    path: '/api/v1/me/mail-preferences',
    operationId: 'updateMailPreferences',
    tags: ['mail'],
    summary: 'Turn the weekly digest to your address on or off',
    access: { kind: 'user' },
    body: MailPreferencesSchema,
    response: { 200: MailPreferencesSchema },
    problems: [400, 401, 403],
  }),
} as const;
