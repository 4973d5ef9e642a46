import type { mailNb } from './nb';

export const mailEn: typeof mailNb = {
  title: 'Outgoing mail of {{name}}',
  intro:
    'Notices, changes, cancellations, reminders and invitations that were sent, are waiting or failed. Newest first. Without a mail server (SMTP) mail stays here as "waiting": this shows what would have been sent.',
  when: 'Created',
  kind: 'Kind',
  recipient: 'Recipient',
  subject: 'Subject',
  status: 'Status',
  content: 'Content',
  show: 'Show the text',
  empty: 'No mail yet.',
  attempts_one: '{{count}} attempt',
  attempts_other: '{{count}} attempts',
  error: 'Error from the mail server: {{code}}',
  sentAt: 'Sent {{when}}',
  kinds: {
    meeting_notice: 'Notice',
    meeting_update: 'Meeting changed',
    meeting_cancel: 'Cancellation',
    action_reminder: 'Reminder',
    action_overdue: 'Overdue',
    invitation: 'Invitation',
    minutes: 'Approved minutes',
    weekly_digest: 'Weekly digest',
  },
  statuses: { pending: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed' },
  preferences: {
    title: 'E-mail from SLT',
    intro: 'This applies to mail to your address ({{email}}) from every municipality where you are a member.',
    weeklyDigest: 'Send me a weekly digest',
    weeklyDigestHint:
      'One e-mail a week with your action items that are overdue or due in the next 7 days, and the meetings of your groups in the next 14 days. It is only sent when there is something to report.',
    always: 'Notices, changes, cancellations, approved minutes and due-date reminders are sent to you in any case.',
    save: 'Save',
    saved: 'Your choice is saved.',
  },
};
