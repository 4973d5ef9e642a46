import type { UsersMessages } from './types';

export const usersEn: UsersMessages = {
  title: 'Users in {{name}}',
  intro: "Who has access to the municipality's SLT work, and with which role.",
  name: 'Name',
  email: 'E-mail',
  role: 'Role',
  roles: { coordinator: 'Coordinator', member: 'Member' },
};
