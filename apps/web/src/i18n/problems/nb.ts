/**
 * What is wrong with a field, by the API's stable code (`FIELD_ERROR_CODES` in @slt/shared; a
 * `format:x` code is the key `format_x`). Shown under the field, whose label names it.
 */
export const problemsNb = {
  required: 'Må fylles ut.',
  empty: 'Kan ikke være tomt.',
  unknown_field: 'Feltet er ukjent for tjenesten.',
  type: 'Verdien har feil type.',
  too_long: 'Kan ikke være lengre enn {{limit}} tegn.',
  too_short: 'Må være minst {{limit}} tegn.',
  too_small: 'Må være minst {{limit}}.',
  too_large: 'Kan ikke være mer enn {{limit}}.',
  too_many: 'Kan ikke ha flere enn {{limit}}.',
  too_few: 'Må ha minst {{limit}}.',
  not_unique: 'Samme verdi står flere ganger.',
  enum: 'Velg en av de tillatte verdiene.',
  pattern: 'Verdien har feil form.',
  format_email: 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
  format_date: 'Skriv en gyldig dato.',
  'format_date-time': 'Skriv en gyldig dato og tid.',
  format_time: 'Skriv et gyldig klokkeslett.',
  format_uuid: 'Velg en verdi fra listen.',
  format_uri: 'Skriv en gyldig nettadresse.',
  format: 'Verdien har feil form.',
  national_id: 'Kan ikke inneholde et fødselsnummer eller D-nummer. SLT lagrer ikke opplysninger om enkeltpersoner.',
  control_character: 'Inneholder et usynlig kontrolltegn. Skriv teksten på nytt.',
  before_start: 'Kan ikke være før starten.',
  not_in_future: 'Må være fram i tid.',
  in_future: 'Møtet har ikke startet ennå, så det kan ikke markeres som holdt.',
  invitation: 'Lenken er ugyldig, utløpt eller allerede brukt. Be koordinatoren om en ny invitasjon.',
  wrong_password: 'Passordet er feil.',
  invalid: 'Verdien er ikke gyldig.',
};
