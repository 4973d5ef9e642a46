import i18next from 'i18next';
import type { ExchangeMessages } from './exchange/types';
import type { MeetingsMessages } from './meetings/types';
import type { PlansMessages } from './plans/types';
import type { ReportsMessages } from './reports/types';

/**
 * The texts of the meeting, report, plan and exchange pages. Their bokmål is not in the bundled
 * catalog (the first page of most visits shows none of it): each of these features has a module
 * (`i18n/meetings/index.ts`, …) that its components import, so its texts come with their chunk and
 * are added to the catalog before they render. Nynorsk and English are whole catalogs, loaded when
 * chosen, so a language switch never meets a missing part.
 */
export type PageMessages = MeetingsMessages & ExchangeMessages & PlansMessages & ReportsMessages;

/** Adds a feature's bokmål page texts to the catalog (once; adding them again changes nothing). */
export function addBokmalPageTexts(texts: Partial<PageMessages>): void {
  i18next.addResourceBundle('nb', 'translation', texts, true, false);
}
