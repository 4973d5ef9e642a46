import { Alert, Button, Checkbox, Fieldset, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { ProblemError, routes, type BudgetLine, type CreateGrantApplication, type GrantApplication, type Goal } from '@slt/shared/browser';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText, problemText } from '../forms/problem-text';
import { useList } from '../resources/api';
import '../../designsystemet/fieldset.css';
import '../../i18n/reports';

type LineDraft = { key: number; label: string; budget: string; accounts: string };
let nextKey = 1;
const draftOf = (line?: BudgetLine): LineDraft => ({
  key: nextKey++,
  label: line?.label ?? '',
  budget: line ? String(line.budget) : '',
  accounts: line?.accounts == null ? '' : String(line.accounts),
});

/**
 * A grant application's fields (create and edit): title, period, amounts, goals, budget lines.
 * A refusal shows each field's error at the field, in the user's language from the problem's codes.
 */
export function GrantForm({
  kommunenummer,
  grant,
  submitLabel,
  onSubmit,
}: {
  kommunenummer: string;
  grant?: GrantApplication;
  submitLabel: string;
  onSubmit: (body: CreateGrantApplication) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const goals = useList<Goal>(kommunenummer, 'goals', routes.listGoals);
  const [lines, setLines] = useState<LineDraft[]>(() => (grant?.budgetLines.length ? grant.budgetLines.map(draftOf) : [draftOf()]));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const g = (key: string) => t(`reports.grants.${key}`);
  const year = new Date().getFullYear();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const amount = (value: string) => (value === '' ? Number.NaN : Number(value));
    const granted = text('grantedAmount');
    const description = text('description');
    const body: CreateGrantApplication = {
      title: text('title'),
      periodStart: text('periodStart'),
      periodEnd: text('periodEnd'),
      appliedAmount: amount(text('appliedAmount')),
      ownFunding: amount(text('ownFunding')),
      ...(granted === '' ? {} : { grantedAmount: amount(granted) }),
      goalIds: form.getAll('goalIds').map(String),
      budgetLines: lines
        .filter((l) => l.label.trim() !== '' || l.budget !== '')
        .map((l) => ({ label: l.label.trim(), budget: amount(l.budget), accounts: l.accounts === '' ? null : amount(l.accounts) })),
      ...(description === '' ? {} : { description }),
    };
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await onSubmit(body);
    } catch (error) {
      const found: Record<string, string> = {};
      if (error instanceof ProblemError)
        for (const e of error.errors) {
          const segments = e.pointer.split('/').filter(Boolean);
          const field =
            segments[0] === 'budgetLines' && segments.length >= 3 ? `budgetLines.${segments[1]}.${segments[2]}` : (segments[0] ?? '');
          found[field] ??= fieldErrorText(t, e);
        }
      setErrors(found);
      if (Object.keys(found).length === 0) setFailure(problemText(t, error));
    } finally {
      setBusy(false);
    }
  }

  const error = (name: string) => errors[name];
  const number = (name: keyof CreateGrantApplication, label: string, value: number | null | undefined, description?: string) => (
    <Textfield
      label={label}
      name={name}
      type="number"
      inputMode="numeric"
      min={0}
      step={1}
      description={description}
      defaultValue={value == null ? '' : String(value)}
      error={error(name)}
    />
  );
  const setLine = (key: number, patch: Partial<LineDraft>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
      <Textfield
        label={t('reports.title')}
        name="title"
        required
        maxLength={200}
        defaultValue={grant?.title ?? ''}
        error={error('title')}
      />
      <div className="field-row">
        <Textfield
          label={t('reports.periodStart')}
          name="periodStart"
          type="date"
          defaultValue={grant?.periodStart ?? `${year + 1}-01-01`}
          error={error('periodStart')}
        />
        <Textfield
          label={t('reports.periodEnd')}
          name="periodEnd"
          type="date"
          defaultValue={grant?.periodEnd ?? `${year + 1}-12-31`}
          error={error('periodEnd')}
        />
      </div>
      {number('appliedAmount', g('applied'), grant?.appliedAmount)}
      {number('ownFunding', g('ownFunding'), grant?.ownFunding)}
      {number('grantedAmount', g('granted'), grant?.grantedAmount, g('grantedHint'))}
      <Fieldset>
        <Fieldset.Legend>{g('goals')}</Fieldset.Legend>
        {(goals.data ?? []).length === 0 && <Fieldset.Description>{g('noGoals')}</Fieldset.Description>}
        {(goals.data ?? []).map((goal) => (
          <Checkbox key={goal.id} name="goalIds" value={goal.id} label={goal.title} defaultChecked={grant?.goalIds.includes(goal.id)} />
        ))}
        {error('goalIds') && <ValidationMessage>{error('goalIds')}</ValidationMessage>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{g('budget')}</Fieldset.Legend>
        <Fieldset.Description>{g('budgetHint')}</Fieldset.Description>
        {lines.map((line, index) => {
          const n = index + 1;
          return (
            <div key={line.key} className="budget-line" role="group" aria-label={t('reports.grants.lineNumber', { number: n })}>
              <Textfield
                label={`${g('lineLabel')} ${n}`}
                value={line.label}
                onChange={(e) => setLine(line.key, { label: e.target.value })}
                error={error(`budgetLines.${index}.label`)}
              />
              <Textfield
                label={`${g('lineBudget')} ${n}`}
                type="number"
                inputMode="numeric"
                min={0}
                value={line.budget}
                onChange={(e) => setLine(line.key, { budget: e.target.value })}
                error={error(`budgetLines.${index}.budget`)}
              />
              <Textfield
                label={`${g('lineAccounts')} ${n}`}
                type="number"
                inputMode="numeric"
                min={0}
                value={line.accounts}
                onChange={(e) => setLine(line.key, { accounts: e.target.value })}
                error={error(`budgetLines.${index}.accounts`)}
              />
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}
              >
                {t('reports.grants.removeLine', { number: n })}
              </Button>
            </div>
          );
        })}
        {error('budgetLines') && <ValidationMessage>{error('budgetLines')}</ValidationMessage>}
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setLines((all) => [...all, draftOf()])}>
            {g('addLine')}
          </Button>
        </div>
      </Fieldset>
      <Textfield
        multiline
        rows={3}
        label={g('description')}
        name="description"
        defaultValue={grant?.description ?? ''}
        error={error('description')}
      />
      <div aria-live="polite">{failure && <Alert data-color="danger">{failure}</Alert>}</div>
      <div className="buttons">
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
