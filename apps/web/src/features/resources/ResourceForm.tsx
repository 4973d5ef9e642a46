import { Alert, Button, Checkbox, Field, Fieldset, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { ProblemError } from '@slt/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readForm, type FieldDef, type FormValues } from './fields';

/** The field a problem names (`riskCriteria/1` is the riskCriteria field), if the form has it. */
function fieldOfProblem(fields: FieldDef[], error: unknown, fieldOf?: (name: string) => string | undefined): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  const named = error.problem.errors?.[0]?.name;
  if (!named) return undefined;
  const mapped = fieldOf?.(named) ?? named.split('/')[0]!;
  return fields.some((f) => f.name === mapped) ? mapped : undefined;
}

export interface ResourceFormProps {
  id: string;
  fields: FieldDef[];
  initial: FormValues;
  submitLabel: string;
  /** Saves; throws ProblemError on refusal. */
  onSubmit: (values: FormValues) => Promise<void>;
  onCancel?: () => void;
  /** Maps a problem's field name to a form field (for composite values such as a meeting rule). */
  fieldOf?: (name: string) => string | undefined;
  extraButtons?: React.ReactNode;
}

/**
 * A form built from field descriptions. A refusal from the API shows at the field it names (or at
 * the top when no field is named); a stale If-Match says so in words.
 */
export function ResourceForm({ id, fields, initial, submitLabel, onSubmit, onCancel, fieldOf, extraButtons }: ResourceFormProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const invalidField = fieldOfProblem(fields, error, fieldOf);
  const message = (e: unknown) => {
    if (!(e instanceof ProblemError)) return t('common.error');
    if (e.status === 412) return t('forms.stale');
    if (e.status === 409) return e.problem.detail ?? t('forms.conflict');
    return e.problem.errors?.[0]?.detail ?? e.problem.detail ?? t('common.error');
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(readForm(fields, event.currentTarget));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id={id} onSubmit={(event) => void submit(event)} className="stack" noValidate>
      {fields.map((field) => {
        const fieldError = invalidField === field.name ? message(error) : undefined;
        const value = initial[field.name];
        const key = `${id}-${field.name}`;
        switch (field.kind) {
          case 'checkbox':
            return <Checkbox key={key} name={field.name} label={field.label} description={field.description} defaultChecked={value === true} error={fieldError} />;
          case 'select':
            return (
              <Field key={key}>
                <Label htmlFor={key}>{field.label}</Label>
                <Select id={key} name={field.name} defaultValue={String(value ?? '')} aria-invalid={fieldError ? true : undefined} aria-describedby={fieldError ? `${key}-error` : undefined}>
                  {!field.required && <Select.Option value="">{t('forms.none')}</Select.Option>}
                  {field.options?.map((o) => (
                    <Select.Option key={o.value} value={o.value}>
                      {o.label}
                    </Select.Option>
                  ))}
                </Select>
                {fieldError && (
                  <Alert data-color="danger" data-size="sm" id={`${key}-error`}>
                    {fieldError}
                  </Alert>
                )}
              </Field>
            );
          case 'multi':
            return (
              <Fieldset key={key}>
                <Fieldset.Legend>{field.label}</Fieldset.Legend>
                {field.options?.length === 0 && <p className="muted">{t('forms.noOptions')}</p>}
                {field.options?.map((o) => (
                  <Checkbox
                    key={o.value}
                    name={field.name}
                    value={o.value}
                    label={o.label}
                    defaultChecked={Array.isArray(value) && value.includes(o.value)}
                  />
                ))}
                {fieldError && <Alert data-color="danger" data-size="sm">{fieldError}</Alert>}
              </Fieldset>
            );
          case 'textarea':
          case 'lines':
            return (
              <Textfield
                key={key}
                multiline
                rows={field.kind === 'lines' ? 4 : 3}
                name={field.name}
                label={field.label}
                description={field.kind === 'lines' ? (field.description ?? t('forms.onePerLine')) : field.description}
                defaultValue={Array.isArray(value) ? value.join('\n') : String(value ?? '')}
                error={fieldError}
              />
            );
          default:
            return (
              <Textfield
                key={key}
                type={field.kind === 'text' ? 'text' : field.kind}
                name={field.name}
                label={field.label}
                description={field.description}
                required={field.required}
                step={field.kind === 'number' ? 'any' : undefined}
                defaultValue={String(value ?? '')}
                error={fieldError}
              />
            );
        }
      })}
      <div aria-live="polite">{error !== null && !invalidField && <Alert data-color="danger">{message(error)}</Alert>}</div>
      <div className="buttons">
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('forms.cancel')}
          </Button>
        )}
        {extraButtons}
      </div>
    </form>
  );
}
