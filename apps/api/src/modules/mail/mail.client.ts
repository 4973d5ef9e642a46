/** One mail as the SMTP port takes it. */
export interface OutgoingMail {
  /** Stable per outbox row: a mail sent again after a crash carries the same Message-ID. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  calendar: { method: string; content: string } | null;
}

export interface MailPort {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * The SMTP port (nodemailer): `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…`.
 * nodemailer loads with the first outbox worker, not with every start of the API.
 */
export function createSmtpClient(smtpUrl: string): MailPort {
  // Timeouts as URL options (nodemailer reads them from the query); it logs nothing unless asked.
  const url = new URL(smtpUrl);
  for (const [key, value] of [
    ['connectionTimeout', '10000'],
    ['greetingTimeout', '10000'],
    ['socketTimeout', '30000'],
  ] as const) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  const transport = import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url.href));
  return {
    async send(mail) {
      await (
        await transport
      ).sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: 'invite.ics' } } : {}),
      });
    },
    close: () =>
      void transport.then(
        (t) => t.close(),
        () => undefined,
      ),
  };
}
