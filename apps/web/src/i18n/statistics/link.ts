/**
 * The texts of the form that links an indicator to open statistics, in nb, nn and en. Not in the
 * bundled catalog: only coordinators see the form, and it loads with the goal page's statistics
 * chunk, which adds these to every language's catalog (`statistics.link.*`) when it loads.
 */
export const sourceLinkNb = {
  heading: 'Koble til offisiell statistikk',
  change: 'Endre koblingen',
  provider: 'Kilde',
  fhiSource: 'FHI-kilde (bare FHI, f.eks. nokkel eller ungdata)',
  tableId: 'Tabell-ID (f.eks. 08487)',
  selection: 'Utvalg: én dimensjon per linje, «Dimensjon=kode,kode» (* velger alle)',
  periods: 'Antall siste perioder',
  ageFrom: 'Rate per 1 000 innbyggere: alder fra (bare SSB, tabell 07459)',
  ageTo: 'Rate per 1 000 innbyggere: alder til (105 = 105 år og eldre)',
  compareCounty: 'Sammenlign med fylket',
  compareCountry: 'Sammenlign med hele landet',
  licence: 'Lisens: CC BY 4.0. Kilden og lisensen vises med hver verdi, også i den offentlige visningen.',
  save: 'Koble til',
  saved: 'Koblingen er lagret. Trykk «Hent nå» for å hente verdiene.',
  unlink: 'Koble fra',
  unlinked: 'Koblet fra {{at}}: verdiene som ble hentet står som de er, men hentes ikke lenger.',
  unlinkDone: 'Koblet fra. Verdiene er beholdt.',
};

export const sourceLinkNn: typeof sourceLinkNb = {
  heading: 'Kople til offisiell statistikk',
  change: 'Endre koplinga',
  provider: 'Kjelde',
  fhiSource: 'FHI-kjelde (berre FHI, t.d. nokkel eller ungdata)',
  tableId: 'Tabell-ID (t.d. 08487)',
  selection: 'Utval: éin dimensjon per linje, «Dimensjon=kode,kode» (* vel alle)',
  periods: 'Tal på siste periodar',
  ageFrom: 'Rate per 1 000 innbyggjarar: alder frå (berre SSB, tabell 07459)',
  ageTo: 'Rate per 1 000 innbyggjarar: alder til (105 = 105 år og eldre)',
  compareCounty: 'Samanlikn med fylket',
  compareCountry: 'Samanlikn med heile landet',
  licence: 'Lisens: CC BY 4.0. Kjelda og lisensen vert viste med kvar verdi, òg i den offentlege visinga.',
  save: 'Kople til',
  saved: 'Koplinga er lagra. Trykk «Hent no» for å hente verdiane.',
  unlink: 'Kople frå',
  unlinked: 'Kopla frå {{at}}: verdiane som vart henta står som dei er, men vert ikkje henta lenger.',
  unlinkDone: 'Kopla frå. Verdiane er haldne på.',
};

export const sourceLinkEn: typeof sourceLinkNb = {
  heading: 'Link to official statistics',
  change: 'Change the link',
  provider: 'Source',
  fhiSource: 'FHI source (FHI only, e.g. nokkel or ungdata)',
  tableId: 'Table id (e.g. 08487)',
  selection: 'Selection: one dimension per line, "Dimension=code,code" (* selects all)',
  periods: 'Number of latest periods',
  ageFrom: 'Rate per 1,000 inhabitants: age from (SSB only, table 07459)',
  ageTo: 'Rate per 1,000 inhabitants: age to (105 = 105 and older)',
  compareCounty: 'Compare with the county',
  compareCountry: 'Compare with the whole country',
  licence: 'Licence: CC BY 4.0. The source and licence are shown with every value, in the public view too.',
  save: 'Link',
  saved: 'The link is saved. Press "Fetch now" to fetch the values.',
  unlink: 'Unlink',
  unlinked: 'Unlinked {{at}}: the values fetched stay as they are but are no longer fetched.',
  unlinkDone: 'Unlinked. The values are kept.',
};

export const sourceLinkTexts = { nb: sourceLinkNb, nn: sourceLinkNn, en: sourceLinkEn };
