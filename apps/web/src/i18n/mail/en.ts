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
  },
  statuses: { pending: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed' },
};
