import { Alert, Button, Field, Fieldset, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { routes, type Organization, type StatusAnalysis, type UpdateStatusAnalysis } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { problemText } from '../forms/problem-text';
import { municipalityKey, writeTo } from '../resources/api';
import { reportsKey } from './queries';
import { fieldErrors } from './StatusAnalysesPage';
import '../../designsystemet/fieldset.css';
import '../../i18n/reports';

type PriorityDraft = { key: number; title: string; rationale: string; focusAreaId: string | null };
let nextKey = 1;

/** Edits a kartlegging: title, period, summary, each organization's observation, the priority order and its agenda item (If-Match). */
export function StatusAnalysisForm({
  kommunenummer,
  analysis,
  etag,
  organizations,
}: {
  kommunenummer: string;
  analysis: StatusAnalysis;
  etag: string;
  organizations: Organization[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [priorities, setPriorities] = useState<PriorityDraft[]>(() =>
    analysis.priorities.map((p) => ({ key: nextKey++, title: p.title, rationale: p.rationale ?? '', focusAreaId: p.focusAreaId })),
  );
  const [meetingId, setMeetingId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const s = (key: string, options?: Record<string, unknown>) => t(`reports.status.${key}`, options);
  const meetings = useQuery({
    queryKey: municipalityKey(kommunenummer, 'meetings', 'for-status-analysis'),
    queryFn: async ({ signal }) =>
      (await api.call(routes.listMeetings, { params: { kommunenummer }, query: { limit: 200 }, signal })).items,
  });
  const meeting = useQuery({
    queryKey: municipalityKey(kommunenummer, 'meetings', 'meeting', meetingId, 'for-status-analysis'),
    queryFn: ({ signal }) => api.call(routes.getMeeting, { params: { kommunenummer, meetingId }, signal }),
    enabled: meetingId !== '',
  });
  const observation = (organizationId: string) => analysis.observations.find((o) => o.organizationId === organizationId)?.text ?? '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const agenda = text('agendaItemId');
    const body: UpdateStatusAnalysis = {
      title: text('title'),
      periodStart: text('periodStart'),
      periodEnd: text('periodEnd'),
      summary: text('summary') || null,
      observations: organizations.map((o) => ({ organizationId: o.id, text: text(`observation-${o.id}`) })).filter((o) => o.text !== ''),
      priorities: priorities
        .filter((p) => p.title.trim() !== '')
        .map((p) => ({
          title: p.title.trim(),
          ...(p.focusAreaId ? { focusAreaId: p.focusAreaId } : {}),
          ...(p.rationale.trim() ? { rationale: p.rationale.trim() } : {}),
        })),
      ...(agenda === 'keep' ? {} : { agendaItemId: agenda === '' ? null : agenda }),
    };
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await writeTo(kommunenummer, routes.updateStatusAnalysis, { params: { statusAnalysisId: analysis.id }, body, etag });
      setMessage({ ok: true, text: t('reports.saved') });
      await queryClient.invalidateQueries({ queryKey: reportsKey(kommunenummer) });
    } catch (error) {
      const found = fieldErrors(t, error);
      setErrors(found);
      setMessage({ ok: false, text: problemText(t, error) });
    } finally {
      setBusy(false);
    }
  }

  const setPriority = (key: number, patch: Partial<PriorityDraft>) =>
    setPriorities((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const move = (index: number, by: -1 | 1) =>
    setPriorities((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
      <Textfield label={t('reports.title')} name="title" required maxLength={200} defaultValue={analysis.title} error={errors.title} />
      <div className="field-row">
        <Textfield
          label={t('reports.periodStart')}
          name="periodStart"
          type="date"
          defaultValue={analysis.periodStart}
          error={errors.periodStart}
        />
        <Textfield label={t('reports.periodEnd')} name="periodEnd" type="date" defaultValue={analysis.periodEnd} error={errors.periodEnd} />
      </div>
      <Textfield multiline rows={4} label={s('summary')} name="summary" defaultValue={analysis.summary ?? ''} error={errors.summary} />
      <Fieldset>
        <Fieldset.Legend>{s('observations')}</Fieldset.Legend>
        <Fieldset.Description>{s('observationsHint')}</Fieldset.Description>
        {organizations.length === 0 && <Fieldset.Description>{s('noOrganizations')}</Fieldset.Description>}
        {organizations.map((o, index) => (
          <Textfield
            key={o.id}
            multiline
            rows={2}
            label={o.name}
            name={`observation-${o.id}`}
            defaultValue={observation(o.id)}
            error={errors[`observations.${index}.text`]}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{s('priorities')}</Fieldset.Legend>
        <Fieldset.Description>{s('prioritiesHint')}</Fieldset.Description>
        <ol className="priority-list">
          {priorities.map((p, index) => {
            const number = index + 1;
            return (
              <li key={p.key} className="stack">
                <Textfield
                  label={s('priorityTitle', { number })}
                  value={p.title}
                  onChange={(e) => setPriority(p.key, { title: e.target.value })}
                  error={errors[`priorities.${index}.title`]}
                />
                <Textfield
                  multiline
                  rows={2}
                  label={s('rationale', { number })}
                  value={p.rationale}
                  onChange={(e) => setPriority(p.key, { rationale: e.target.value })}
                  error={errors[`priorities.${index}.rationale`]}
                />
                <div className="buttons">
                  <Button type="button" variant="tertiary" data-size="sm" disabled={index === 0} onClick={() => move(index, -1)}>
                    {s('moveUp', { number })}
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    disabled={index === priorities.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    {s('moveDown', { number })}
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    data-color="danger"
                    onClick={() => setPriorities((all) => all.filter((x) => x.key !== p.key))}
                  >
                    {s('removePriority', { number })}
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <div>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => setPriorities((all) => [...all, { key: nextKey++, title: '', rationale: '', focusAreaId: null }])}
          >
            {s('addPriority')}
          </Button>
        </div>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{s('agenda')}</Fieldset.Legend>
        <Field>
          <Label>{s('meeting')}</Label>
          <Select value={meetingId} onChange={(event) => setMeetingId(event.target.value)}>
            <Select.Option value="">{s('chooseMeeting')}</Select.Option>
            {(meetings.data ?? [])
              .filter((m) => m.status !== 'cancelled')
              .map((m) => (
                <Select.Option key={m.id} value={m.id}>
                  {m.title}
                </Select.Option>
              ))}
          </Select>
        </Field>
        <Field>
          <Label>{s('agendaItem')}</Label>
          <Select name="agendaItemId" defaultValue={analysis.agendaItemId ? 'keep' : ''} key={meetingId}>
            {analysis.agendaItemId && <Select.Option value="keep">{s('keepAgendaItem')}</Select.Option>}
            <Select.Option value="">{s('noAgendaItem')}</Select.Option>
            {(meeting.data?.agenda ?? []).map((item) => (
              <Select.Option key={item.id} value={item.id}>
                {`${item.position}. ${item.title}`}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </Fieldset>
      <div aria-live="polite">
        {message && (
          <Alert data-color={message.ok ? 'success' : 'danger'} data-size="sm">
            {message.text}
          </Alert>
        )}
      </div>
      <div className="buttons">
        <Button type="submit" disabled={busy}>
          {t('reports.save')}
        </Button>
      </div>
    </form>
  );
}
