import { Alert, Button, Checkbox, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { ProblemError } from '@slt/shared/browser';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorText, problemText } from '../forms/problem-text';
import type { AnyField, FormValue, FormValues } from './fields';
import '../../designsystemet/fieldset.css';

/** The form field a problem's field names (`riskCriteria/1` is the riskCriteria field), if the form has it. */
function fieldOfPointer(
  fields: readonly AnyField[],
  name: string,
  pointer: string,
  fieldOf?: (name: string) => string | undefined,
): string | undefined {
  const mapped = fieldOf?.(name) ?? fieldOf?.(pointer.split('/')[1] ?? '') ?? pointer.split('/')[1] ?? name;
  return fields.some((f) => f.name === mapped) ? mapped : undefined;
}

/** The form library's values as the field descriptions' values (trimmed text, lines split, lists as arrays). */
function normalize(fields: readonly AnyField[], raw: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = raw[field.name];
    if (field.kind === 'checkbox') values[field.name] = value === true;
    else if (field.kind === 'multi')
      values[field.name] = Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];
    else if (field.kind === 'lines') {
      values[field.name] = String(Array.isArray(value) ? value.join('\n') : (value ?? ''))
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    } else values[field.name] = String(value ?? '').trim();
  }
  return values;
}

const asDefault = (field: AnyField, value: FormValue | undefined): unknown =>
  field.kind === 'checkbox'
    ? value === true
    : field.kind === 'multi'
      ? Array.isArray(value)
        ? value
        : []
      : Array.isArray(value)
        ? value.join('\n')
        : String(value ?? '');

export interface ResourceFormProps {
  id: string;
  fields: readonly AnyField[];
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
 * A form built from field descriptions, kept by react-hook-form. A refusal from the API shows
 * every field's error at its field, in the user's language from the problem's codes; what names
 * no field of the form (a stale If-Match, a conflict) shows above the buttons, in words.
 */
export function ResourceForm({ id, fields, initial, submitLabel, onSubmit, onCancel, fieldOf, extraButtons }: ResourceFormProps) {
  const { t } = useTranslation();
  const defaultValues = Object.fromEntries(fields.map((f) => [f.name, asDefault(f, initial[f.name])]));
  const form = useForm<Record<string, unknown>>({ defaultValues });
  const { register, formState, setError } = form;

  const submit = form.handleSubmit(async (raw) => {
    try {
      await onSubmit(normalize(fields, raw));
    } catch (error) {
      const fieldErrors = error instanceof ProblemError && error.status === 400 ? (error.problem.errors ?? []) : [];
      let unplaced = fieldErrors.length === 0;
      const placed = new Set<string>();
      for (const fieldError of fieldErrors) {
        const name = fieldOfPointer(fields, fieldError.name, fieldError.pointer, fieldOf);
        if (!name) unplaced = true;
        else if (!placed.has(name)) {
          placed.add(name);
          setError(name, { type: fieldError.code ?? 'invalid', message: fieldErrorText(t, fieldError) });
        }
      }
      if (unplaced) setError('root.server', { type: 'server', message: problemText(t, error) });
    }
  });

  const errorOf = (name: string) => {
    const message = formState.errors[name]?.message;
    return typeof message === 'string' ? message : undefined;
  };
  const root = formState.errors.root?.['server']?.message;

  return (
    <form id={id} onSubmit={(event) => void submit(event)} className="stack" noValidate>
      {fields.map((field) => {
        const fieldError = errorOf(field.name);
        const key = `${id}-${field.name}`;
        switch (field.kind) {
          case 'checkbox':
            return <Checkbox key={key} {...register(field.name)} label={field.label} description={field.description} error={fieldError} />;
          case 'select':
            return (
              <Field key={key}>
                <Label htmlFor={key}>{field.label}</Label>
                <Select
                  id={key}
                  {...register(field.name)}
                  aria-invalid={fieldError ? true : undefined}
                  aria-describedby={fieldError ? `${key}-error` : undefined}
                >
                  {!field.required && <Select.Option value="">{t('forms.none')}</Select.Option>}
                  {field.options?.map((o) => (
                    <Select.Option key={o.value} value={o.value}>
                      {o.label}
                    </Select.Option>
                  ))}
                </Select>
                {fieldError && <ValidationMessage id={`${key}-error`}>{fieldError}</ValidationMessage>}
              </Field>
            );
          case 'multi':
            return (
              <Fieldset key={key} aria-invalid={fieldError ? true : undefined}>
                <Fieldset.Legend>{field.label}</Fieldset.Legend>
                {field.options?.length === 0 && <p className="muted">{t('forms.noOptions')}</p>}
                {field.options?.map((o) => (
                  <Checkbox key={o.value} {...register(field.name)} value={o.value} label={o.label} />
                ))}
                {fieldError && <ValidationMessage>{fieldError}</ValidationMessage>}
              </Fieldset>
            );
          case 'textarea':
          case 'lines':
            return (
              <Textfield
                key={key}
                multiline
                rows={field.kind === 'lines' ? 4 : 3}
                {...register(field.name)}
                label={field.label}
                description={field.kind === 'lines' ? (field.description ?? t('forms.onePerLine')) : field.description}
                error={fieldError}
              />
            );
          default:
            return (
              <Textfield
                key={key}
                type={field.kind === 'text' ? 'text' : field.kind}
                {...register(field.name)}
                label={field.label}
                description={field.description}
                required={field.required}
                step={field.kind === 'number' ? 'any' : undefined}
                error={fieldError}
              />
            );
        }
      })}
      <div aria-live="polite">{root && <Alert data-color="danger">{root}</Alert>}</div>
      <div className="buttons">
        <Button type="submit" disabled={formState.isSubmitting}>
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
