import ICAL from 'ical.js';
import type { TestSmtpServer } from './smtp-server.js';

/**
 * The calendar part of a mail as the SMTP server received it, parsed by ical.js (not the writer's
 * own code): method (header and body), UID, SEQUENCE, STATUS, the start as Oslo wall time, attendees.
 */
export interface ParsedCalendar {
  headerMethod: string | undefined;
  method: string;
  uid: string;
  sequence: number;
  status: string;
  osloStart: string;
  attendees: string[];
}

export function calendarOf(message: TestSmtpServer['messages'][number]): ParsedCalendar {
  const part = /Content-Type: text\/calendar; charset=utf-8; method=(\w+)[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/i.exec(message.raw);
  if (!part) throw new Error('the mail has no text/calendar part');
  const text = /^[A-Za-z0-9+/=\r\n]+$/.test(part[2]!.trim()) ? Buffer.from(part[2]!, 'base64').toString('utf8') : part[2]!;
  const calendar = new ICAL.Component(ICAL.parse(text.replace(/=\r\n/g, '')) as unknown[]);
  const event = calendar.getFirstSubcomponent('vevent')!;
  const start = (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate();
  return {
    headerMethod: part[1],
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    osloStart: osloWallTime(start),
    attendees: event.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
  };
}

/** `dd.mm.yyyy, hh:mm` in Europe/Oslo. */
export const osloWallTime = (instant: Date) =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' }).format(instant);
