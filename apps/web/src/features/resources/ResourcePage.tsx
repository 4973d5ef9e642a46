import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { RouteContract } from '@slt/shared/browser';
import { ConfirmButton } from '../forms/ConfirmButton';
import { DataTable } from '../layout/DataTable';
import { problemText } from '../forms/problem-text';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readWithEtag, useList, useSetupWrite, type BodyOf, type OtherParamsOf } from './api';
import { createBody, patchBody, valuesOf, type FieldDef, type FormValues } from './fields';
import { ResourceForm } from './ResourceForm';

export interface ResourceRoutes {
  list: RouteContract;
  get: RouteContract;
  create: RouteContract;
  update: RouteContract;
  remove: RouteContract;
}

type CreateOf<R extends ResourceRoutes> = BodyOf<R['create']>;
type UpdateOf<R extends ResourceRoutes> = BodyOf<R['update']>;
/** A field of a resource's form, typed against its create and update bodies from the contract. */
export type ResourceField<R extends ResourceRoutes> = FieldDef<CreateOf<R>, UpdateOf<R>>;

export interface ResourcePageProps<T extends { id: string }, R extends ResourceRoutes> {
  kommunenummer: string;
  /** Names the list's query and the form ids: `tiers`, `members`… */
  name: string;
  routes: R;
  /** The path parameter naming one item (`memberId`). */
  idParam: OtherParamsOf<R['get']> & OtherParamsOf<R['update']> & OtherParamsOf<R['remove']>;
  fields: ResourceField<R>[];
  /** The fields when editing an item, if they depend on it (a measure's possible next statuses, say). */
  fieldsFor?: (item: T) => ResourceField<R>[];
  /** Filters for the list (the measures register). */
  query?: Record<string, unknown>;
  columns: { header: string; cell: (item: T) => ReactNode }[];
  /** `new` opens the form to add one ("Ny person"); `add` submits it. */
  labels: { list: string; new: string; add: string; edit: (item: T) => string; empty: string };
  itemName: (item: T) => string;
  /** For composite values: the form's values of an item, and the bodies completed from the form's values. */
  valuesOfItem?: (item: T) => FormValues;
  compose?: {
    create: (values: FormValues, body: CreateOf<R>) => CreateOf<R>;
    update: (values: FormValues, body: Partial<UpdateOf<R>>, initial: FormValues) => Partial<UpdateOf<R>>;
  };
  fieldOf?: (problemField: string) => string | undefined;
  /** More about an item while it is being edited (a tier's memberships, say). */
  details?: (item: T) => ReactNode;
}

/**
 * A list of a municipality's resources, first; "Ny …" opens the form to add one, and per row one can
 * edit or delete it (with the ETag read when editing starts as If-Match; deleting asks first).
 */
export function ResourcePage<T extends { id: string }, R extends ResourceRoutes>(props: ResourcePageProps<T, R>) {
  const { kommunenummer, name, routes, idParam, fields, columns, labels, itemName } = props;
  const { t } = useTranslation();
  const list = useList<T>(kommunenummer, name, routes.list, {}, props.query);
  const write = useSetupWrite(kommunenummer);
  const [editing, setEditing] = useState<{ item: T; etag: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const createPanel = useRef<HTMLElement>(null);
  // The opened form's first field gets the focus, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (creating) createPanel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [creating]);
  const valuesOfItem = props.valuesOfItem ?? ((item: T) => valuesOf(fields, item));
  const emptyValues = valuesOf(fields);

  async function startEdit(item: T) {
    setCreating(false);
    setNotice(null);
    setFailure(null);
    setEditing(await readWithEtag<T>(routes.get, { kommunenummer, [idParam]: item.id }));
  }

  const itemParams = (item: T) => ({ [idParam]: item.id }) as Partial<Record<typeof idParam, string>>;

  async function create(values: FormValues) {
    const fromFields = createBody<CreateOf<R>, UpdateOf<R>>(fields, values);
    const body = props.compose ? props.compose.create(values, fromFields) : fromFields;
    const created = (await write.sendResource<R['create']>(routes.create, { body })).body as T;
    setNotice(t('forms.created', { name: itemName(created) }));
    setCreating(false);
  }

  async function update(values: FormValues) {
    if (!editing) return;
    const initial = valuesOfItem(editing.item);
    const patch = patchBody<CreateOf<R>, UpdateOf<R>>(props.fieldsFor?.(editing.item) ?? fields, initial, values);
    const body = props.compose ? props.compose.update(values, patch, initial) : patch;
    if (Object.keys(body).length === 0) {
      setEditing(null);
      return;
    }
    // An update body's properties are all optional (PATCH): the changed ones are the body.
    const saved = (
      await write.sendResource<R['update']>(routes.update, {
        params: itemParams(editing.item),
        body: body as UpdateOf<R>,
        etag: editing.etag,
      })
    ).body as T;
    setNotice(t('forms.saved', { name: itemName(saved) }));
    setEditing(null);
  }

  async function remove() {
    if (!editing) return;
    await write.sendResource<R['remove']>(routes.remove, { params: itemParams(editing.item), etag: editing.etag });
    setNotice(t('forms.deleted', { name: itemName(editing.item) }));
    setEditing(null);
  }

  return (
    <>
      <div aria-live="polite">
        {notice && <Alert data-color="success">{notice}</Alert>}
        {failure && <Alert data-color="danger">{failure}</Alert>}
      </div>
      {editing ? (
        <section aria-labelledby={`${name}-edit`} className="panel">
          <Heading level={2} data-size="sm" id={`${name}-edit`}>
            {labels.edit(editing.item)}
          </Heading>
          <ResourceForm
            key={editing.etag}
            id={`${name}-edit-form`}
            fields={props.fieldsFor?.(editing.item) ?? fields}
            initial={valuesOfItem(editing.item)}
            submitLabel={t('forms.save')}
            onSubmit={update}
            onCancel={() => setEditing(null)}
            fieldOf={props.fieldOf}
            extraButtons={
              <ConfirmButton
                label={t('forms.delete')}
                question={t('forms.deleteQuestion', { name: itemName(editing.item) })}
                consequence={t('forms.deleteConsequence')}
                onConfirm={() => remove().catch((e: unknown) => setFailure(problemText(t, e)))}
              />
            }
          />
          {props.details?.(editing.item)}
        </section>
      ) : creating ? (
        <section aria-labelledby={`${name}-new`} className="panel" ref={createPanel}>
          <Heading level={2} data-size="sm" id={`${name}-new`}>
            {labels.new}
          </Heading>
          <ResourceForm
            id={`${name}-new-form`}
            fields={fields}
            initial={emptyValues}
            submitLabel={labels.add}
            onSubmit={create}
            onCancel={() => setCreating(false)}
            fieldOf={props.fieldOf}
          />
        </section>
      ) : (
        <div className="buttons list-actions">
          <Button
            type="button"
            onClick={() => {
              setNotice(null);
              setFailure(null);
              setCreating(true);
            }}
          >
            {labels.new}
          </Button>
        </div>
      )}
      <section aria-labelledby={`${name}-list`} className="section">
        <Heading level={2} data-size="sm" id={`${name}-list`}>
          {labels.list}
        </Heading>
        {list.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : list.isError ? (
          <Alert data-color="danger">{t('common.error')}</Alert>
        ) : list.data.length === 0 ? (
          <Paragraph>{labels.empty}</Paragraph>
        ) : (
          <DataTable
            items={list.data}
            columns={columns}
            actions={(item) => (
              <Button variant="tertiary" data-size="sm" onClick={() => void startEdit(item)} aria-label={labels.edit(item)}>
                {t('forms.edit')}
              </Button>
            )}
          />
        )}
      </section>
    </>
  );
}
