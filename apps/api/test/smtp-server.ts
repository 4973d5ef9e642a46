import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a local port that keeps every message it accepts, parsed (mailparser). */
export interface TestSmtpServer {
  port: number;
  url: string;
  messages: { raw: string; parsed: ParsedMail; to: string[] }[];
  /** Starts listening (again) on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A free local port (listened on and released). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function createSmtpServer(options: { start?: boolean } = {}): Promise<TestSmtpServer> {
  const port = await freePort();
  const messages: TestSmtpServer['messages'] = [];
  let server: SMTPServer | undefined;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              messages.push({ raw, parsed, to: session.envelope.rcptTo.map((r) => r.address) });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
  const smtp: TestSmtpServer = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async start() {
      server = make();
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  if (options.start !== false) await smtp.start();
  return smtp;
}

/**
 * The app's mail settings for a test that sends to `smtp`: the worker runs only when the test calls
 * its `tick()` (an hour between polls), a failed mail is retried after 1 s, and the links in mails
 * point at a fictional public address.
 */
export function mailTestConfig(smtp: TestSmtpServer) {
  return {
    smtpUrl: smtp.url,
    mailPollMs: 3_600_000,
    mailRetrySeconds: 1,
    mailFrom: 'SLT <slt@kongsvinger.invalid>',
    publicUrl: 'https://slt.example.invalid',
  };
}
