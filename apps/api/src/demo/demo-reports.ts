import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { annualReportTexts, goals, grantApplicationGoals, grantApplications, organizations, statusAnalyses } from '../db/schema/index.js';

/** A 2026 grant application, annual-report texts and a kartlegging for the seed municipalities (fictional; nynorsk for Aukra). */
const DEMO_REPORTS: Record<string, { nn: boolean; ownFunding: number }> = {
  '3905': { nn: false, ownFunding: 250_000 },
  '3212': { nn: false, ownFunding: 200_000 },
  '4206': { nn: false, ownFunding: 180_000 },
  '3401': { nn: false, ownFunding: 220_000 },
  // Under 20 % of the whole: the application shows the warning.
  '1547': { nn: true, ownFunding: 90_000 },
};

const texts = (nn: boolean) =>
  nn
    ? {
        introduction: {
          text: 'SLT-arbeidet i 2026 har vore prega av eit tettare samarbeid mellom skule, helsestasjon og politi.',
          isPublic: true,
        },
        organization: { text: 'Politirådet og koordineringsgruppa har hatt stabil samansetjing gjennom året.', isPublic: true },
        summary: { text: 'Koordineringsgruppa bør få fleire møte i haustsemesteret neste år.', isPublic: false },
      }
    : {
        introduction: {
          text: 'SLT-arbeidet i 2026 har vært preget av tettere samarbeid mellom skole, helsestasjon og politi.',
          isPublic: true,
        },
        organization: { text: 'Politirådet og koordineringsgruppen har hatt stabil sammensetning gjennom året.', isPublic: true },
        summary: { text: 'Koordineringsgruppen bør få flere møter i høstsemesteret neste år.', isPublic: false },
      };

/** Loads them where a municipality has none yet (the demo never overwrites a change). */
export async function loadDemoReports(db: Db): Promise<void> {
  for (const [kommunenummer, demo] of Object.entries(DEMO_REPORTS)) {
    await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: grantApplications.id })
        .from(grantApplications)
        .where(eq(grantApplications.kommunenummer, kommunenummer))
        .limit(1);
      if (!existing) {
        const [row] = await tx
          .insert(grantApplications)
          .values({
            kommunenummer,
            title: demo.nn ? 'SLT-tilskot 2026' : 'SLT-tilskudd 2026',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            appliedAmount: 600_000,
            grantedAmount: 500_000,
            ownFunding: demo.ownFunding,
            budgetLines: [
              { label: demo.nn ? 'Løn SLT-koordinator' : 'Lønn SLT-koordinator', budget: 650_000, accounts: 640_000 },
              { label: demo.nn ? 'Kurs og samlingar' : 'Kurs og samlinger', budget: 50_000, accounts: 38_500 },
            ],
            description: demo.nn
              ? 'Søknad om tilskot til SLT-koordinatorstilling, med handlingsplan og kartlegging som hovudmål.'
              : 'Søknad om tilskudd til SLT-koordinatorstilling, med handlingsplan og kartlegging som hovedmål.',
          })
          .returning({ id: grantApplications.id });
        const named = await tx
          .select({ id: goals.id })
          .from(goals)
          .where(eq(goals.kommunenummer, kommunenummer))
          .orderBy(asc(goals.displayOrder), asc(goals.title))
          .limit(2);
        if (named.length > 0)
          await tx
            .insert(grantApplicationGoals)
            .values(named.map((g, position) => ({ grantApplicationId: row!.id, goalId: g.id, position })));
      }
      const [written] = await tx
        .select({ year: annualReportTexts.year })
        .from(annualReportTexts)
        .where(and(eq(annualReportTexts.kommunenummer, kommunenummer), eq(annualReportTexts.year, 2026)));
      if (!written) await tx.insert(annualReportTexts).values({ kommunenummer, year: 2026, sections: texts(demo.nn) });
      const [analysed] = await tx
        .select({ id: statusAnalyses.id })
        .from(statusAnalyses)
        .where(eq(statusAnalyses.kommunenummer, kommunenummer))
        .limit(1);
      if (!analysed) {
        const seen = await tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(eq(organizations.kommunenummer, kommunenummer))
          .orderBy(asc(organizations.name))
          .limit(2);
        const observed = demo.nn
          ? ['Fleire elevar på ungdomssteget melder om uro i friminutta.', 'Auka tal på meldingar om rus i helgane.']
          : ['Flere elever på ungdomstrinnet melder om uro i friminuttene.', 'Økt antall meldinger om rus i helgene.'];
        await tx.insert(statusAnalyses).values({
          kommunenummer,
          title: 'Kartlegging 2026',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          summary: demo.nn
            ? 'Tenestene ser meir uro blant 13–16-åringar, særleg i helgane.'
            : 'Tjenestene ser mer uro blant 13–16-åringer, særlig i helgene.',
          observations: seen.map((o, i) => ({ organizationId: o.id, text: observed[i]! })),
          priorities: [
            { title: demo.nn ? 'Tidleg innsats på ungdomssteget' : 'Tidlig innsats på ungdomstrinnet', focusAreaId: null, rationale: null },
            { title: demo.nn ? 'Rusførebygging i helgane' : 'Rusforebygging i helgene', focusAreaId: null, rationale: null },
          ],
        });
      }
    });
  }
}
