import type { ActionItemStatus, AttendanceStatus, KeyDateKind, MeetingStatus } from '@slt/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  actionItems,
  agendaItemReaders,
  agendaItems,
  attendance,
  decisions,
  keyDates,
  meetings,
  members,
  tiers,
} from '../db/schema/index.js';
import { osloDay, osloInstant } from '../lib/oslo-time.js';

/**
 * Demo meetings, follow-up and year plans (invented examples with the demo's fictional people).
 * Last year is fixed so compliance shows each seed's rule at work (Kongsvinger's politiråd held 3 of
 * at least 4; Aukra's koordineringsgruppa 3 in spring, 1 in autumn); this year's meetings are held
 * when their day has passed and planned otherwise.
 */
interface DemoMeeting {
  tier: string;
  day: string;
  /** Defaults: held when the day has passed, planned otherwise. */
  status?: MeetingStatus;
  place?: string;
  agenda?: { title: string; closed?: string[] }[];
  attendance?: [person: string, status: AttendanceStatus][];
  minutes?: string;
  decisions?: { text: string; item?: number }[];
  actions?: { text: string; person: string; due: string; status?: ActionItemStatus }[];
}

interface DemoPlan {
  kommunenummer: string;
  meetings: DemoMeeting[];
  keyDates: { title: string; kind: KeyDateKind; date: string; yearly?: boolean; isPublic?: boolean }[];
}

function plans(year: number): DemoPlan[] {
  const last = year - 1;
  const grants = (first: number) => [
    { title: 'Søknadsfrist SLT-tilskudd', kind: 'grant_application' as const, date: `${first}-12-01`, yearly: true, isPublic: true },
    { title: 'Rapportering SLT-tilskudd', kind: 'grant_report' as const, date: `${first}-04-01`, yearly: true, isPublic: true },
  ];
  return [
    {
      kommunenummer: '3401',
      meetings: [
        { tier: 'Politirådet', day: `${last}-02-12`, place: 'Rådhuset, formannskapssalen' },
        { tier: 'Politirådet', day: `${last}-05-14`, place: 'Rådhuset, formannskapssalen' },
        { tier: 'Politirådet', day: `${last}-10-08`, place: 'Kongsvinger politistasjon' },
        { tier: 'Politirådet', day: `${last}-12-10`, status: 'cancelled', place: 'Rådhuset, formannskapssalen' },
        {
          tier: 'Politirådet',
          day: `${year}-02-11`,
          place: 'Rådhuset, formannskapssalen',
          agenda: [
            { title: 'Status for SLT-arbeidet' },
            { title: 'Politiets lokale kriminalitetsbilde' },
            { title: 'Handlingsplan for neste år' },
          ],
          attendance: [
            ['ordforer', 'present'],
            ['kommunedirektor', 'present'],
            ['politisjef', 'excused'],
            ['koordinator', 'present'],
          ],
          minutes: 'Koordinatoren la fram årsrapporten. Politiet orienterte om utviklingen i sentrum.',
          decisions: [{ text: 'Politirådet ber koordinatoren utarbeide forslag til ny handlingsplan.', item: 3 }],
          actions: [
            { text: 'Utkast til handlingsplan sendes politirådet', person: 'koordinator', due: `${year}-04-30`, status: 'done' },
            { text: 'Kartlegge tilbud til ungdom i sommerferien', person: 'medlem', due: `${year}-05-31` },
          ],
        },
        { tier: 'Politirådet', day: `${year}-05-13`, place: 'Rådhuset, formannskapssalen' },
        { tier: 'Politirådet', day: `${year}-09-16`, place: 'Kongsvinger politistasjon' },
        { tier: 'Politirådet', day: `${year}-12-09`, place: 'Rådhuset, formannskapssalen' },
        {
          tier: 'SLT – koordinerende gruppe',
          day: `${year}-03-17`,
          place: 'Kongsvinger ungdomsskole',
          agenda: [{ title: 'Runde rundt bordet' }, { title: 'Bekymring for en ungdomsgruppe', closed: ['koordinator', 'politikontakt'] }],
          minutes: 'Gjennomgang av status i tjenestene.',
          actions: [{ text: 'Invitere natteravnene til neste møte', person: 'kultur', due: `${year}-04-15` }],
        },
        { tier: 'SLT – koordinerende gruppe', day: `${year}-06-09`, place: 'Kongsvinger ungdomsskole' },
        { tier: 'SLT – koordinerende gruppe', day: `${year}-10-20`, place: 'Kongsvinger ungdomsskole' },
        { tier: 'SLT – koordinerende gruppe', day: `${year + 1}-01-19`, place: 'Kongsvinger ungdomsskole' },
      ],
      keyDates: [
        ...grants(last),
        { title: 'Budsjettinnspill til kommunedirektøren', kind: 'budget', date: `${last}-09-15`, yearly: true },
        { title: 'Politirådets egenevaluering', kind: 'self_evaluation', date: `${last}-11-30`, yearly: true },
        { title: 'Ungdata-undersøkelsen', kind: 'ungdata', date: `${year + 1}-02-01`, isPublic: true },
      ],
    },
    {
      kommunenummer: '1547',
      meetings: [
        { tier: 'Koordineringsgruppa', day: `${last}-01-22`, place: 'Kommunehuset' },
        { tier: 'Koordineringsgruppa', day: `${last}-03-19`, place: 'Kommunehuset' },
        { tier: 'Koordineringsgruppa', day: `${last}-05-21`, place: 'Kommunehuset' },
        { tier: 'Koordineringsgruppa', day: `${last}-09-17`, place: 'Kommunehuset' },
        { tier: 'Koordineringsgruppa', day: `${last}-11-19`, status: 'cancelled', place: 'Kommunehuset' },
        { tier: 'Politirådet', day: `${last}-02-05`, place: 'Kommunehuset' },
        { tier: 'Politirådet', day: `${last}-06-04`, place: 'Kommunehuset' },
        { tier: 'Politirådet', day: `${last}-09-03`, place: 'Kommunehuset' },
        { tier: 'Politirådet', day: `${last}-12-03`, place: 'Kommunehuset' },
        { tier: 'Koordineringsgruppa', day: `${year}-01-21`, place: 'Kommunehuset' },
        { tier: 'Koordineringsgruppa', day: `${year}-04-15`, place: 'Kommunehuset' },
        { tier: 'Koordineringsgruppa', day: `${year}-09-16`, place: 'Kommunehuset' },
        { tier: 'Koordineringsgruppa', day: `${year}-12-02`, place: 'Kommunehuset' },
      ],
      keyDates: [
        { title: 'Søknadsfrist SLT-tilskot', kind: 'grant_application', date: `${last}-12-01`, yearly: true, isPublic: true },
        { title: 'Rapportering SLT-tilskot', kind: 'grant_report', date: `${last}-04-01`, yearly: true, isPublic: true },
      ],
    },
  ];
}

/** Loads the demo meetings of a municipality that has none yet (never overwrites what someone changed). */
export async function loadDemoMeetings(db: Db, now = new Date()): Promise<void> {
  const today = osloDay(now);
  for (const plan of plans(Number(today.slice(0, 4)))) {
    await db.transaction(async (tx) => {
      const k = plan.kommunenummer;
      const [existing] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.kommunenummer, k)).limit(1);
      if (existing) return;
      const tierRows = await tx.select({ id: tiers.id, name: tiers.name }).from(tiers).where(eq(tiers.kommunenummer, k));
      if (tierRows.length === 0) return;
      const people = await tx
        .select({ id: members.id, name: members.name, email: members.email })
        .from(members)
        .where(eq(members.kommunenummer, k));
      const lookup = (key: string) => people.find((p) => personKeys[key]?.(p.name ?? '', p.email ?? ''))?.id;
      const named = plan.meetings.flatMap((m) => [
        ...(m.agenda ?? []).flatMap((a) => a.closed ?? []),
        ...(m.attendance ?? []).map(([key]) => key),
        ...(m.actions ?? []).map((a) => a.person),
      ]);
      // A setup someone changed (or an older demo without these people) is left alone.
      if (named.some((key) => lookup(key) === undefined)) return;
      if (plan.meetings.some((m) => !tierRows.some((t) => t.name === m.tier))) return;
      const person = (key: string) => lookup(key)!;
      const tierId = (name: string) => tierRows.find((t) => t.name === name)!.id;
      for (const m of plan.meetings) {
        const [meeting] = await tx
          .insert(meetings)
          .values({
            kommunenummer: k,
            tierId: tierId(m.tier),
            title: `${m.tier} ${m.day.slice(8, 10)}.${m.day.slice(5, 7)}.${m.day.slice(0, 4)}`,
            startsAt: osloInstant(m.day, '18:00'),
            endsAt: osloInstant(m.day, '20:00'),
            place: m.place ?? null,
            status: m.status ?? (m.day < today ? 'held' : 'planned'),
            minutes: m.minutes ?? null,
          })
          .returning({ id: meetings.id });
        const meetingId = meeting!.id;
        const items = m.agenda?.length
          ? await tx
              .insert(agendaItems)
              .values(m.agenda.map((a, i) => ({ meetingId, position: i + 1, title: a.title, closed: (a.closed?.length ?? 0) > 0 })))
              .returning({ id: agendaItems.id, position: agendaItems.position })
          : [];
        for (const [i, a] of (m.agenda ?? []).entries()) {
          if (a.closed?.length)
            await tx.insert(agendaItemReaders).values(a.closed.map((key) => ({ agendaItemId: items[i]!.id, memberId: person(key) })));
        }
        if (m.attendance?.length)
          await tx.insert(attendance).values(m.attendance.map(([key, status]) => ({ meetingId, memberId: person(key), status })));
        for (const d of m.decisions ?? []) {
          await tx.insert(decisions).values({ meetingId, text: d.text, agendaItemId: d.item ? items[d.item - 1]!.id : null });
        }
        if (m.actions?.length) {
          await tx.insert(actionItems).values(
            m.actions.map((a) => ({
              kommunenummer: k,
              meetingId,
              description: a.text,
              responsibleMemberId: person(a.person),
              dueDate: a.due,
              status: a.status ?? 'open',
              completedAt: a.status === 'done' ? osloInstant(a.due, '12:00') : null,
            })),
          );
        }
      }
      if (plan.keyDates.length) {
        await tx
          .insert(keyDates)
          .values(plan.keyDates.map((d) => ({ kommunenummer: k, ...d, yearly: d.yearly ?? false, isPublic: d.isPublic ?? false })));
      }
    });
  }
}

/** The demo people the plans name, by their role in demo-setup.ts. */
const personKeys: Record<string, (name: string, email: string) => boolean> = {
  koordinator: (_n, email) => email === 'koordinator.3401@demo.invalid',
  medlem: (_n, email) => email === 'medlem.3401@demo.invalid',
  ordforer: (name) => name === 'Kari Fiktiv',
  kommunedirektor: (name) => name === 'Trond Tenkeli',
  politisjef: (name) => name === 'Hanne Prøve',
  politikontakt: (name) => name === 'Øyvind Tankespinn',
  kultur: (name) => name === 'Wenche Utenkt',
};
