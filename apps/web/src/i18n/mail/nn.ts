import type { mailNb } from './nb';

export const mailNn: typeof mailNb = {
  title: 'Utgåande e-post for {{name}}',
  intro:
    'Innkallingar, endringar, avlysingar, påminningar og invitasjonar som er sende, ventar eller har feila. Nyaste først. Utan e-posttenar (SMTP) blir e-posten liggjande her som «ventar»: slik ser du kva som ville ha blitt sendt.',
  when: 'Laga',
  kind: 'Type',
  recipient: 'Mottakar',
  subject: 'Emne',
  status: 'Status',
  content: 'Innhald',
  show: 'Vis teksten',
  empty: 'Ingen e-post enno.',
  attempts_one: '{{count}} forsøk',
  attempts_other: '{{count}} forsøk',
  error: 'Feil frå e-posttenaren: {{code}}',
  sentAt: 'Sendt {{when}}',
  kinds: {
    meeting_notice: 'Innkalling',
    meeting_update: 'Endra møte',
    meeting_cancel: 'Avlysing',
    action_reminder: 'Påminning',
    action_overdue: 'Frist passert',
    invitation: 'Invitasjon',
    minutes: 'Godkjent referat',
    weekly_digest: 'Oversikt for veka',
  },
  statuses: { pending: 'Ventar', sending: 'Blir sendt', sent: 'Sendt', failed: 'Feila' },
  preferences: {
    title: 'E-post frå SLT',
    intro: 'Dette gjeld e-post til adressa di ({{email}}) frå alle kommunane der du er medlem.',
    weeklyDigest: 'Send meg ei vekentleg oversikt',
    weeklyDigestHint:
      'Éin e-post i veka med oppfølgingspunkta dine som har passert fristen eller har frist dei neste 7 dagane, og møta i gruppene dine dei neste 14 dagane. Han blir berre send når det er noko å fortelje.',
    always: 'Innkallingar, endringar, avlysingar, godkjende referat og påminningar om fristar får du uansett.',
    save: 'Lagre',
    saved: 'Valet ditt er lagra.',
  },
};
