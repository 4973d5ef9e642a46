import type { UsersMessages } from './types';

export const usersNn: UsersMessages = {
  title: 'Brukarar i {{name}}',
  intro: 'Kven som har tilgang til SLT-arbeidet i kommunen, og med kva rolle.',
  name: 'Namn',
  email: 'E-post',
  role: 'Rolle',
  roles: { coordinator: 'Koordinator', member: 'Medlem' },
};
