import type { EvaluationPlanType } from '@slt/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { focusAreas, goals, measures, plans, planStatusChanges, tiers } from '../db/schema/index.js';
import type { PlanContent } from '../db/schema/plans.js';

/**
 * Demo handlingsplaner (invented): a draft 2027–2030 for Kongsvinger (bokmål) and for Aukra
 * (nynorsk), each to be adopted by its politiråd, built from the demo's focus areas, goals and
 * measures (named by title). Measures left out are what the plan page flags as not in the plan.
 */
interface DemoPlanMeasure {
  title: string;
  deadline?: string;
  fundingAmount?: number;
  fundingSource?: string;
  evaluationType?: EvaluationPlanType;
  evaluationDue?: string;
}
interface DemoPlan {
  kommunenummer: string;
  title: string;
  description: string;
  periodStart: string;
  periodEnd: string;
  adoptingTier: string;
  priorities: { focusArea: string; text?: string; goals: { title: string; measures: DemoPlanMeasure[] }[] }[];
}

export const DEMO_PLANS: DemoPlan[] = [
  {
    kommunenummer: '3401',
    title: 'Handlingsplan for SLT i Kongsvinger 2027–2030',
    description:
      'Forslag til handlingsplan, utarbeidet etter vedtak i politirådet. Planen bygger på innsatsområdene politirådet har prioritert.',
    periodStart: '2027-01-01',
    periodEnd: '2030-12-31',
    adoptingTier: 'Politirådet',
    priorities: [
      {
        focusArea: 'Barn og ungdomskriminalitet',
        text: 'Færre unge skal begå lovbrudd, og de som gjør det skal fanges opp tidlig.',
        goals: [
          {
            title: 'Færre unge som begår lovbrudd',
            measures: [
              {
                title: 'Oppfølging av ungdom i risiko ved KUSK',
                deadline: '2027-06-30',
                fundingAmount: 150000,
                fundingSource: 'Kommunalt budsjett (SLT)',
                evaluationType: 'internal',
                evaluationDue: '2028-01-31',
              },
            ],
          },
        ],
      },
      {
        focusArea: 'Salgs- og skjenkebestemmelser, «Trygg by» og vold i det offentlige rom',
        text: 'Trygt uteliv i sentrum gjennom samarbeid mellom politi, kommune og utesteder.',
        goals: [],
      },
    ],
  },
  {
    kommunenummer: '1547',
    title: 'Handlingsplan for SLT i Aukra 2027–2030',
    description: 'Utkast til handlingsplan for det rus- og kriminalitetsførebyggande arbeidet i Aukra.',
    periodStart: '2027-01-01',
    periodEnd: '2030-12-31',
    adoptingTier: 'Politirådet',
    priorities: [
      {
        focusArea: 'Oversikt over korleis barn og unge har det',
        text: 'Ungdata og det tenestene ser skal gi eit felles bilete av korleis barn og unge har det.',
        goals: [
          {
            title: 'Samordne det rus- og kriminalitetsførebyggande arbeidet kring barn og unge i Aukra',
            measures: [
              {
                title: 'Felles foreldremøte om hat-ytringar på nett',
                deadline: '2027-10-31',
                fundingAmount: 20000,
                fundingSource: 'SLT-tilskot',
                evaluationType: 'self_assessment',
                evaluationDue: '2027-12-15',
              },
            ],
          },
        ],
      },
      { focusArea: 'Rett tiltak til rett tid', goals: [] },
    ],
  },
  {
    kommunenummer: '3905',
    title: 'Handlingsplan for SLT i Tønsberg og Færder 2027–2030',
    description: 'Utkast til felles handlingsplan for Tønsberg og Færder, til behandling i styringsgruppen.',
    periodStart: '2027-01-01',
    periodEnd: '2030-12-31',
    adoptingTier: 'Styringsgruppen',
    priorities: [
      {
        focusArea: 'Forebygge og redusere kriminalitet',
        text: 'Foreldre og skole skal kjenne risikoene og vite hva de kan gjøre.',
        goals: [
          {
            title: 'Bevisstgjøre foreldrene på deres del av ansvaret',
            measures: [
              {
                title: 'Foreldremøter om rus på ungdomsskolene',
                deadline: '2027-11-30',
                fundingAmount: 30000,
                fundingSource: 'Kommunalt budsjett (SLT)',
                evaluationType: 'self_assessment',
                evaluationDue: '2027-12-31',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    kommunenummer: '3212',
    title: 'Handlingsplan for SLT i Nesodden 2027–2030',
    description: 'Utkast til handlingsplan, bygget på kartleggingen og politirådets prioriteringer.',
    periodStart: '2027-01-01',
    periodEnd: '2030-12-31',
    adoptingTier: 'Politirådet',
    priorities: [
      {
        focusArea: 'Fange opp negative trender',
        text: 'Voksne ute der ungdom er, og tidlig beskjed når noe er i ferd med å skje.',
        goals: [
          {
            title: 'Redusere voldsepisoder blant ungdom',
            measures: [
              {
                title: 'Natteravn-ordning i helgene',
                deadline: '2027-09-30',
                fundingAmount: 40000,
                fundingSource: 'SLT-tilskudd',
                evaluationType: 'internal',
                evaluationDue: '2028-03-31',
              },
            ],
          },
        ],
      },
      { focusArea: 'Tidlig hjelp og støtte', goals: [{ title: 'Redusere antall førstegangskriminelle under 18 år', measures: [] }] },
    ],
  },
  {
    kommunenummer: '4206',
    title: 'Handlingsplan for SLT i Farsund 2027–2030',
    description: 'Første utkast til handlingsplan for det kriminalitetsforebyggende arbeidet i Farsund.',
    periodStart: '2027-01-01',
    periodEnd: '2030-12-31',
    adoptingTier: 'Styringsgruppen',
    priorities: [
      {
        focusArea: 'Lokalt kriminalitetsforebyggende arbeid',
        text: 'Instansene som arbeider med barn og unge skal kjenne hverandre og samarbeide tett.',
        goals: [],
      },
    ],
  },
];

/** Loads the demo plans of a municipality that has none yet and still has what they name (never overwrites). */
export async function loadDemoPlans(db: Db): Promise<void> {
  for (const plan of DEMO_PLANS) {
    await db.transaction(async (tx) => {
      const k = plan.kommunenummer;
      const [existing] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.kommunenummer, k)).limit(1);
      if (existing) return;
      const byName = async <T extends { id: string }>(rows: Promise<(T & { name: string })[]>) =>
        new Map((await rows).map((r) => [r.name, r.id]));
      const areaIds = await byName(
        tx.select({ id: focusAreas.id, name: focusAreas.name }).from(focusAreas).where(eq(focusAreas.kommunenummer, k)),
      );
      const goalIds = await byName(tx.select({ id: goals.id, name: goals.title }).from(goals).where(eq(goals.kommunenummer, k)));
      const measureIds = await byName(
        tx.select({ id: measures.id, name: measures.title }).from(measures).where(eq(measures.kommunenummer, k)),
      );
      const [tier] = await tx
        .select({ id: tiers.id })
        .from(tiers)
        .where(and(eq(tiers.kommunenummer, k), eq(tiers.name, plan.adoptingTier)));
      const named = [
        ...plan.priorities.map((p) => areaIds.get(p.focusArea)),
        ...plan.priorities.flatMap((p) =>
          p.goals.flatMap((g) => [goalIds.get(g.title), ...g.measures.map((m) => measureIds.get(m.title))]),
        ),
      ];
      // A setup someone changed is left alone.
      if (!tier || named.some((id) => id === undefined)) return;
      const content: PlanContent = {
        priorities: plan.priorities.map((p) => ({
          focusAreaId: areaIds.get(p.focusArea)!,
          text: p.text ?? null,
          goals: p.goals.map((g) => ({
            goalId: goalIds.get(g.title)!,
            measures: g.measures.map((m) => ({
              measureId: measureIds.get(m.title)!,
              deadline: m.deadline ?? null,
              fundingAmount: m.fundingAmount ?? null,
              fundingSource: m.fundingSource ?? null,
              evaluationType: m.evaluationType ?? null,
              evaluationDue: m.evaluationDue ?? null,
            })),
          })),
        })),
      };
      const [row] = await tx
        .insert(plans)
        .values({
          kommunenummer: k,
          title: plan.title,
          description: plan.description,
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          adoptingTierId: tier.id,
          content,
        })
        .returning({ id: plans.id });
      await tx.insert(planStatusChanges).values({ planId: row!.id, status: 'draft' });
    });
  }
}
