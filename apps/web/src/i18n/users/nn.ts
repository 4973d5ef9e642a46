import type { UsersMessages } from './types';

export const usersNn: UsersMessages = {
  title: 'Brukarar i {{name}}',
  intro: 'Kven som har tilgang til SLT-arbeidet i kommunen, og med kva rolle.',
  name: 'Namn',
  email: 'E-post',
  role: 'Rolle',
  list: 'Kven har tilgang',
  invite: 'Gi ein person tilgang',
  inviteIntro:
    'Personen får ei lenkje for å lage sitt eige passord. Send lenkja sjølv (e-post frå systemet kjem seinare). Har personen alt ein konto, får hen berre rolla.',
  inviteSubmit: 'Gi tilgang',
  invited: '{{name}} har fått tilgang. Send denne lenkja til hen; ho verkar éin gong, fram til {{date}}:',
  hadAccount: '{{name}} hadde alt ein konto og har fått tilgang. Hen loggar inn som før.',
  roleOf: 'Rolle for {{name}}',
  remove: 'Fjern tilgang',
  removeQuestion: 'Fjerne tilgangen til {{name}}?',
  removeConsequence: 'Personen vert logga ut med ein gong og ser ikkje lenger dei interne sidene til kommunen.',
  accept: {
    title: 'Velkomen til SLT',
    intro: 'Du er invitert. Vel eit passord for å logge inn.',
    password: 'Nytt passord',
    passwordHint: 'Minst 12 teikn.',
    submit: 'Lagre passord og logg inn',
  },
  roles: { coordinator: 'Koordinator', member: 'Medlem' },
};
