import type { UsersMessages } from './types';

export const usersEn: UsersMessages = {
  title: 'Users in {{name}}',
  intro: "Who has access to the municipality's SLT work, and with which role.",
  name: 'Name',
  email: 'E-mail',
  role: 'Role',
  list: 'Who has access',
  invite: 'Give a person access',
  inviteIntro:
    'The person gets a link to create their own password. Send the link yourself (e-mail from the system comes later). If they already have an account, they just get the role.',
  inviteSubmit: 'Give access',
  invited: '{{name}} has been given access. Send them this link; it works once, until {{date}}:',
  hadAccount: '{{name}} already had an account and has been given access. They sign in as before.',
  roleOf: 'Role of {{name}}',
  remove: 'Remove access',
  removeQuestion: 'Remove the access of {{name}}?',
  removeConsequence: 'They are signed out at once and no longer see the municipality’s internal pages.',
  accept: {
    title: 'Welcome to SLT',
    intro: 'You have been invited. Choose a password to sign in.',
    password: 'New password',
    passwordHint: 'At least 12 characters.',
    submit: 'Save password and sign in',
  },
  roles: { coordinator: 'Coordinator', member: 'Member' },
};
