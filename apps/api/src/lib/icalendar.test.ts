import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalendar } from './icalendar.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
/** RFC 5545 3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('iCalendar text', () => {
  it('is the text ical-generator 10.2 wrote for the same calendar, byte for byte', () => {
    const text = icalendar({
      name: 'SLT Kongsvinger: Politirådet',
      ttlSeconds: 3600,
      events: [
        {
          uid: 'abc@slt',
          start: new Date('2026-03-05T17:00:00Z'),
          end: new Date('2026-03-05T19:00:00Z'),
          summary: 'Møte; med, komma\\ og æøå '.repeat(5),
          location: null,
          description: 'Politirådet (Kongsvinger)\n1. Sak',
          status: 'CANCELLED',
          sequence: 2,
          lastModified: new Date('2026-01-01T10:00:00.123Z'),
        },
        {
          uid: 'abd@slt',
          start: new Date('2026-03-05T17:00:00Z'),
          end: new Date('2026-03-05T19:00:00Z'),
          summary: 'X',
          location: 'Rådhuset',
          description: 'd',
          status: 'CONFIRMED',
          sequence: 0,
          lastModified: new Date('2026-01-01T10:00:00Z'),
        },
      ],
    });
    expect(text).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SLT//slt-api//NB\r\nNAME:SLT Kongsvinger: Politirådet\r\nX-WR-CALNAME:SLT Kongsvinger: Politirådet\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\nBEGIN:VEVENT\r\nUID:abc@slt\r\nSEQUENCE:2\r\nDTSTAMP:20260101T100000Z\r\nDTSTART:20260305T170000Z\r\nDTEND:20260305T190000Z\r\nSUMMARY:Møte\\; med\\, komma\\\\ og æøå Møte\\; med\\, komma\\\\ og æøå M\r\n øte\\; med\\, komma\\\\ og æøå Møte\\; med\\, komma\\\\ og æøå Møte\\; med\r\n \\, komma\\\\ og æøå \r\nDESCRIPTION:Politirådet (Kongsvinger)\\n1. Sak\r\nSTATUS:CANCELLED\r\nLAST-MODIFIED:20260101T100000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:abd@slt\r\nSEQUENCE:0\r\nDTSTAMP:20260101T100000Z\r\nDTSTART:20260305T170000Z\r\nDTEND:20260305T190000Z\r\nSUMMARY:X\r\nLOCATION:Rådhuset\r\nDESCRIPTION:d\r\nSTATUS:CONFIRMED\r\nLAST-MODIFIED:20260101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR',
    );
  });

  it('folds lines to at most 75 octets without splitting a character, and unfolds to the line', () => {
    const samples = [
      'SUMMARY:' + 'a'.repeat(500),
      'SUMMARY:' + 'æ'.repeat(300),
      'DESCRIPTION:' + '€'.repeat(200),
      'DESCRIPTION:' + '😀'.repeat(100) + 'x' + '𝄞'.repeat(57),
      'LOCATION:' + 'ab€ø😀'.repeat(97),
      'X:' + 'a'.repeat(72),
      'X:' + 'a'.repeat(73),
    ];
    for (const line of samples) {
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      for (const [index, part] of parts.entries()) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        if (index > 0) expect(part.startsWith(' ')).toBe(true);
        // A split surrogate pair or UTF-8 sequence would not survive encoding and decoding.
        expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
        expect(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/.test(part)).toBe(false);
      }
      expect(unfold(folded)).toBe(line);
    }
    expect(foldLine('X:' + 'a'.repeat(72))).toBe('X:' + 'a'.repeat(72));
    expect(foldLine('X:' + 'a'.repeat(73)).split('\r\n')).toHaveLength(2);
  });

  it('escapes text values', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('a calendar of many events is folded line by line (every line ≤ 75 octets)', () => {
    const events = Array.from({ length: 2000 }, (_, n) => ({
      uid: `${n}@slt`,
      start: new Date(Date.UTC(2026, 0, 1 + (n % 365), 17)),
      end: new Date(Date.UTC(2026, 0, 1 + (n % 365), 19)),
      summary: `Møte nummer ${n} i Politirådet – årsplan, oppfølging og evaluering av tiltak`,
      location: n % 2 ? 'Rådhuset, møterom Ærfuglen' : null,
      description: `Politirådet (Kongsvinger)\n1. Godkjenning av innkalling og saksliste\n2. Sak ${n}`,
      status: 'CONFIRMED' as const,
      sequence: n % 3,
      lastModified: new Date('2026-01-01T10:00:00Z'),
    }));
    const text = icalendar({ name: 'SLT Kongsvinger', ttlSeconds: 3600, events });
    expect(text.split('\r\n').every((line) => octets(line) <= 75)).toBe(true);
    expect(
      unfold(text)
        .split('\r\n')
        .filter((line) => line === 'BEGIN:VEVENT'),
    ).toHaveLength(2000);
  });
});
