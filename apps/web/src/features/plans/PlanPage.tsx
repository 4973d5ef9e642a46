import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Link as DsLink,
  List,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { ProblemError, ProblemType, routes, type Meeting, type Plan } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { problemText } from '../forms/problem-text';
import { municipalityKey, readWithEtag, writeTo } from '../resources/api';
import { GoalIndicatorCharts } from '../goals/GoalIndicatorCharts';
import { ManagePage } from '../slt/ManagePage';
import { downloadPlan, planQueries } from './queries';
import '../../i18n/plans';

const day = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** One plan: its content and progress, and the steps to adoption (consultation, agenda, decision) and its documents. */
export function PlanPage() {
  const { t } = useTranslation();
  const { kommunenummer, planId } = useParams({ from: '/municipalities/$kommunenummer/plans/$planId' });
  const plan = useQuery(planQueries.detail(kommunenummer, planId));
  return (
    <ManagePage kommunenummer={kommunenummer} title={() => plan.data?.item.title ?? t('nav.plans')}>
      <Paragraph>
        <DsLink asChild>
          <Link to="/municipalities/$kommunenummer/plans" params={{ kommunenummer }}>
            {t('plans.back')}
          </Link>
        </DsLink>
      </Paragraph>
      {plan.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : plan.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : (
        <>
          <PlanFacts plan={plan.data.item} />
          <PlanSteps kommunenummer={kommunenummer} plan={plan.data.item} etag={plan.data.etag} />
          <PlanContent kommunenummer={kommunenummer} plan={plan.data.item} />
        </>
      )}
    </ManagePage>
  );
}

function PlanFacts({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const p = plan.progress;
  return (
    <section aria-label={t('plans.status')} className="section">
      <Paragraph>
        <Tag data-color={plan.status === 'adopted' ? 'success' : 'neutral'} data-testid="plan-status">
          {t(`plans.statuses.${plan.status}`)}
        </Tag>{' '}
        {t('plans.period')}: {day(plan.periodStart)}–{day(plan.periodEnd)}
        {plan.adoptingTierName && (
          <>
            {' · '}
            {t('plans.adoptingTier')}: {plan.adoptingTierName}
          </>
        )}
      </Paragraph>
      <Paragraph>
        {t('plans.progress', {
          measures: p.measures,
          completed: p.completedPercent,
          onTrack: p.indicatorsOnTrack,
          indicators: p.indicators,
        })}
      </Paragraph>
    </section>
  );
}

function PlanContent({ kommunenummer, plan }: { kommunenummer: string; plan: Plan }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan-content" className="section">
      <Heading level={2} data-size="sm" id="plan-content">
        {t('plans.content')}
      </Heading>
      {plan.priorities.map((priority) => (
        <div key={priority.focusAreaId}>
          <Heading level={3} data-size="xs">
            {priority.name}
          </Heading>
          {priority.text && <Paragraph>{priority.text}</Paragraph>}
          {priority.goals.map((goal) => (
            <div key={goal.goalId}>
              <Heading level={4} data-size="2xs">
                {goal.title}
              </Heading>
              {goal.measures.length > 0 && (
                <Table className="responsive-table">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('plans.measure')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('plans.measureStatus')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('plans.owner')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('plans.deadline')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {goal.measures.map((m) => (
                      <Table.Row key={m.measureId}>
                        <Table.Cell data-label={t('plans.measure')}>{m.title}</Table.Cell>
                        <Table.Cell data-label={t('plans.measureStatus')}>{t(`measures.statuses.${m.status}`)}</Table.Cell>
                        <Table.Cell data-label={t('plans.owner')}>
                          {[m.responsibleOrganizationName, m.responsibleMemberName].filter(Boolean).join(', ')}
                        </Table.Cell>
                        <Table.Cell data-label={t('plans.deadline')}>{m.deadline ? day(m.deadline) : ''}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )}
              <GoalIndicatorCharts kommunenummer={kommunenummer} goalId={goal.goalId} level={5} />
            </div>
          ))}
        </div>
      ))}
      <Heading level={3} data-size="xs">
        {t('plans.notInPlan')}
      </Heading>
      {plan.notInPlan.goals.length + plan.notInPlan.measures.length === 0 ? (
        <Paragraph>{t('plans.nothingOutside')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('plans.notInPlanHint')}</Paragraph>
          <List.Unordered>
            {[...plan.notInPlan.goals, ...plan.notInPlan.measures].map((item) => (
              <List.Item key={item.id}>{item.title}</List.Item>
            ))}
          </List.Unordered>
        </>
      )}
    </section>
  );
}

/** Consultation, the agenda of a meeting of the adopting tier, adoption by one of its decisions, and the documents. */
function PlanSteps({ kommunenummer, plan, etag }: { kommunenummer: string; plan: Plan; etag: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [meetingId, setMeetingId] = useState('');
  const [decisionId, setDecisionId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const meetings = useQuery({
    queryKey: municipalityKey(kommunenummer, 'meetings', 'plan-tier', plan.adoptingTierId),
    queryFn: async ({ signal }) =>
      (await api.call(routes.listMeetings, { params: { kommunenummer }, query: { tierId: plan.adoptingTierId!, limit: 200 }, signal }))
        .items,
    enabled: plan.adoptingTierId !== null,
  });
  const meeting = useQuery({
    queryKey: municipalityKey(kommunenummer, 'meetings', 'meeting', meetingId, 'for-plan'),
    queryFn: ({ signal }) => api.call(routes.getMeeting, { params: { kommunenummer, meetingId }, signal }),
    enabled: meetingId !== '',
  });

  async function run(step: () => Promise<unknown>, success: string | ((result: string) => string)) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await step();
      setMessage({ ok: true, text: typeof success === 'string' ? success : success(String(result)) });
    } catch (error) {
      const needsDecision = error instanceof ProblemError && error.problem.type === ProblemType.planAdoptionNeedsDecision;
      setMessage({ ok: false, text: needsDecision ? t('plans.needsDecision') : problemText(t, error) });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: municipalityKey(kommunenummer) });
    }
  }
  const status = (body: { status: 'consultation' | 'adopted'; decisionId?: string }, success: string) =>
    run(() => writeTo(kommunenummer, routes.changePlanStatus, { params: { planId: plan.id }, body, etag }), success);
  const addToAgenda = () =>
    run(async () => {
      const current = await readWithEtag<Meeting>(routes.getMeeting, { kommunenummer, meetingId });
      await writeTo(kommunenummer, routes.createAgendaItem, { params: { meetingId }, body: { title: plan.title }, etag: current.etag });
    }, t('plans.addedToAgenda'));
  const download = (format: 'docx' | 'pdf') =>
    run(
      () => downloadPlan(kommunenummer, plan, format),
      (file) => t('plans.downloaded', { file }),
    );
  const open = plan.status !== 'adopted' && plan.status !== 'expired';
  const upcoming = (meetings.data ?? []).filter((m) => m.status !== 'cancelled');

  return (
    <section aria-labelledby="plan-steps" className="section panel">
      <Heading level={2} data-size="sm" id="plan-steps">
        {t('plans.agendaHeading')}
      </Heading>
      <div className="stack">
        {plan.status === 'draft' && (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => void status({ status: 'consultation' }, t('plans.statuses.consultation'))}
          >
            {t('plans.sendToConsultation')}
          </Button>
        )}
        {open && plan.adoptingTierId && (
          <>
            <Field>
              <Label>{t('plans.meeting')}</Label>
              <Select value={meetingId} onChange={(event) => (setMeetingId(event.target.value), setDecisionId(''))}>
                <Select.Option value="">{t('plans.chooseMeeting')}</Select.Option>
                {upcoming.map((m) => (
                  <Select.Option key={m.id} value={m.id}>
                    {m.title}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button variant="secondary" disabled={busy || meetingId === ''} onClick={() => void addToAgenda()}>
              {t('plans.addToAgenda')}
            </Button>
            {meetingId && (
              <Paragraph>
                <DsLink asChild>
                  <Link to="/municipalities/$kommunenummer/meetings/$meetingId" params={{ kommunenummer, meetingId }}>
                    {t('plans.goToMeeting')}
                  </Link>
                </DsLink>
              </Paragraph>
            )}
            <Field>
              <Label>{t('plans.decision')}</Label>
              <Select value={decisionId} onChange={(event) => setDecisionId(event.target.value)}>
                <Select.Option value="">{t('plans.chooseDecision')}</Select.Option>
                {(meeting.data?.decisions ?? []).map((d) => (
                  <Select.Option key={d.id} value={d.id}>
                    {d.text.slice(0, 120)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={busy}
              onClick={() => void status({ status: 'adopted', ...(decisionId ? { decisionId } : {}) }, t('plans.adopted'))}
            >
              {t('plans.adopt')}
            </Button>
          </>
        )}
        <Heading level={3} data-size="xs">
          {t('plans.documents')}
        </Heading>
        <div className="buttons">
          <Button variant="secondary" disabled={busy} onClick={() => void download('docx')}>
            {t('plans.downloadDocx')}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => void download('pdf')}>
            {t('plans.downloadPdf')}
          </Button>
        </div>
        <div aria-live="polite">
          {message && (
            <Alert data-color={message.ok ? 'success' : 'danger'} data-size="sm">
              {message.text}
            </Alert>
          )}
        </div>
      </div>
    </section>
  );
}
