import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link as DsLink,
  Paragraph,
  Select,
  Spinner,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { routes, type CreatePlan, type FocusArea, type Goal, type Measure, type Tier } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../forms/problem-text';
import { municipalityKey, useList, writeTo } from '../resources/api';
import { ManagePage } from '../slt/ManagePage';
import { planQueries } from './queries';
import '../../i18n/plans';

/** The coordinator's plans: the list, and a new draft built from the focus areas, goals and measures that exist. */
export function PlansPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/plans' });
  const plans = useQuery(planQueries.list(kommunenummer));
  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('plans.title', { name })} intro={t('plans.intro')}>
      <section aria-labelledby="plan-list" className="section">
        <Heading level={2} data-size="sm" id="plan-list">
          {t('plans.list')}
        </Heading>
        {plans.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : plans.isError ? (
          <Alert data-color="danger">{t('common.error')}</Alert>
        ) : plans.data.length === 0 ? (
          <Paragraph>{t('plans.empty')}</Paragraph>
        ) : (
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('plans.planTitle')}</Table.HeaderCell>
                <Table.HeaderCell>{t('plans.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('plans.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {plans.data.map((plan) => (
                <Table.Row key={plan.id}>
                  <Table.Cell data-label={t('plans.planTitle')}>
                    <DsLink asChild>
                      <Link to="/municipalities/$kommunenummer/plans/$planId" params={{ kommunenummer, planId: plan.id }}>
                        {plan.title}
                      </Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell data-label={t('plans.period')}>
                    {plan.periodStart.slice(0, 4)}–{plan.periodEnd.slice(0, 4)}
                  </Table.Cell>
                  <Table.Cell data-label={t('plans.status')}>{t(`plans.statuses.${plan.status}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
      <NewPlanForm kommunenummer={kommunenummer} />
    </ManagePage>
  );
}

function NewPlanForm({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tiers = useList<Tier>(kommunenummer, 'tiers', routes.listTiers);
  const areas = useList<FocusArea>(kommunenummer, 'focus-areas', routes.listFocusAreas);
  const goals = useList<Goal>(kommunenummer, 'goals', routes.listGoals);
  const measures = useList<Measure>(kommunenummer, 'measures', routes.listMeasures, {}, { limit: 500 });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const areaName = (id: string | null) => areas.data?.find((a) => a.id === id)?.name ?? '';
  const plannable = (goals.data ?? []).filter((g) => g.focusAreaId !== null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosenGoals = plannable.filter((g) => form.getAll('goals').includes(g.id));
    const chosenMeasures = (measures.data ?? []).filter((m) => form.getAll('measures').includes(m.id));
    if (chosenGoals.length === 0) return setFailure(t('plans.needGoal'));
    // Each measure under the chosen goal it is linked to, else the first chosen goal; goals under their focus areas.
    const goalOf = (m: Measure) => chosenGoals.find((g) => m.goalIds.includes(g.id)) ?? chosenGoals[0]!;
    const priorities: NonNullable<CreatePlan['priorities']> = [];
    for (const goal of chosenGoals) {
      let priority = priorities.find((p) => p.focusAreaId === goal.focusAreaId);
      if (!priority) priorities.push((priority = { focusAreaId: goal.focusAreaId!, goals: [] }));
      priority.goals.push({
        goalId: goal.id,
        measures: chosenMeasures.filter((m) => goalOf(m).id === goal.id).map((m) => ({ measureId: m.id })),
      });
    }
    const from = String(form.get('fromYear'));
    const to = String(form.get('toYear'));
    const tier = String(form.get('adoptingTierId') ?? '');
    setBusy(true);
    setFailure(null);
    try {
      const { body } = await writeTo(kommunenummer, routes.createPlan, {
        body: {
          title: String(form.get('title')),
          periodStart: `${from}-01-01`,
          periodEnd: `${to}-12-31`,
          ...(tier ? { adoptingTierId: tier } : {}),
          priorities,
        },
      });
      await queryClient.invalidateQueries({ queryKey: municipalityKey(kommunenummer, 'plans') });
      await navigate({ to: '/municipalities/$kommunenummer/plans/$planId', params: { kommunenummer, planId: body.id } });
    } catch (error) {
      setFailure(problemText(t, error));
    } finally {
      setBusy(false);
    }
  }

  const year = new Date().getFullYear();
  return (
    <section aria-labelledby="new-plan" className="section panel">
      <Heading level={2} data-size="sm" id="new-plan">
        {t('plans.newPlan')}
      </Heading>
      <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
        <Textfield label={t('plans.planTitle')} name="title" required maxLength={200} />
        <Textfield label={t('plans.fromYear')} name="fromYear" type="number" defaultValue={String(year + 1)} min={2000} max={2100} />
        <Textfield label={t('plans.toYear')} name="toYear" type="number" defaultValue={String(year + 4)} min={2000} max={2100} />
        <Field>
          <Label>{t('plans.adoptingTier')}</Label>
          <Select name="adoptingTierId" defaultValue="">
            <Select.Option value="">{t('plans.chooseTier')}</Select.Option>
            {(tiers.data ?? []).map((tier) => (
              <Select.Option key={tier.id} value={tier.id}>
                {tier.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t('plans.goals')}</Fieldset.Legend>
          <Fieldset.Description>{t('plans.goalsHint')}</Fieldset.Description>
          {plannable.map((goal) => (
            <Checkbox key={goal.id} name="goals" value={goal.id} label={`${goal.title} (${areaName(goal.focusAreaId)})`} />
          ))}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('plans.measures')}</Fieldset.Legend>
          <Fieldset.Description>{t('plans.measuresHint')}</Fieldset.Description>
          {(measures.data ?? []).map((measure) => (
            <Checkbox key={measure.id} name="measures" value={measure.id} label={measure.title} />
          ))}
        </Fieldset>
        <div aria-live="polite">{failure && <Alert data-color="danger">{failure}</Alert>}</div>
        <Button type="submit" disabled={busy}>
          {t('plans.create')}
        </Button>
      </form>
    </section>
  );
}
