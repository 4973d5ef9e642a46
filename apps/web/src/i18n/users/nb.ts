export const usersNb = {
  title: 'Brukere i {{name}}',
  intro: 'Hvem som har tilgang til kommunens SLT-arbeid, og med hvilken rolle.',
  name: 'Navn',
  email: 'E-post',
  role: 'Rolle',
  roles: { coordinator: 'Koordinator', member: 'Medlem' },
};
