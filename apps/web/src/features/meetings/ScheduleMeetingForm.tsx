import { Button, Heading } from '@digdir/designsystemet-react';
import { ProblemError, ProblemType, routes, type CreateMeeting, type Tier } from '@slt/shared/browser';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBody, valuesOf, type AnyField, type CreateField, type FormValues, type VirtualField } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { useMeetingWrite } from './mutations';
import { osloLocalToIso } from './time';
import '../../i18n/meetings';

/** A refusal shown at a field before anything is sent (as the API's own refusals are). */
export function fieldProblem(name: string, detail: string): ProblemError {
  return new ProblemError({
    type: ProblemType.validation,
    title: detail,
    status: 400,
    errors: [{ in: 'body', pointer: `/${name}`, name, detail }],
  });
}

/** A meeting's start and end in Oslo time: composed into the body by `timesOf`, in the schedule form and the facts form alike. */
export function timeFields(t: (key: string) => string): (VirtualField & AnyField)[] {
  return [
    {
      name: 'startsAt',
      kind: 'datetime-local',
      label: t('meetings.startsAt'),
      description: t('meetings.osloTime'),
      required: true,
      virtual: true,
    },
    { name: 'endsAt', kind: 'datetime-local', label: t('meetings.endsAt'), required: true, virtual: true },
  ];
}

/** Start and end in Oslo time as instants with offset; refuses an end that is not after the start. */
export function timesOf(values: FormValues, t: (key: string) => string): { startsAt: string; endsAt: string } {
  const startsAt = osloLocalToIso(String(values.startsAt));
  const endsAt = osloLocalToIso(String(values.endsAt));
  if (!startsAt) throw fieldProblem('startsAt', t('meetings.schedule.startRequired'));
  if (!endsAt) throw fieldProblem('endsAt', t('meetings.schedule.endRequired'));
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw fieldProblem('endsAt', t('meetings.schedule.endBeforeStart'));
  return { startsAt, endsAt };
}

/** Coordinators schedule a meeting of a tier ("Nytt møte" opens the form), then land on it to prepare the agenda. */
export function ScheduleMeetingForm({
  kommunenummer,
  tiers,
  defaultTierId,
}: {
  kommunenummer: string;
  tiers: Tier[];
  defaultTierId?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const write = useMeetingWrite(kommunenummer);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [open]);
  const fields: CreateField<Omit<CreateMeeting, 'startsAt' | 'endsAt'>>[] = [
    {
      name: 'tierId',
      kind: 'select',
      label: t('meetings.tier'),
      required: true,
      options: tiers.map((tier) => ({ value: tier.id, label: tier.name })),
    },
    { name: 'title', kind: 'text', label: t('meetings.meetingTitle'), required: true },
    ...timeFields(t),
    { name: 'place', kind: 'text', label: t('meetings.place') },
  ];

  if (!open) {
    return (
      <div className="buttons list-actions no-print">
        <Button type="button" onClick={() => setOpen(true)}>
          {t('meetings.schedule.new')}
        </Button>
      </div>
    );
  }
  return (
    <section aria-labelledby="schedule" className="panel no-print" ref={panel}>
      <Heading level={2} data-size="sm" id="schedule">
        {t('meetings.schedule.title')}
      </Heading>
      <ResourceForm
        id="schedule-form"
        fields={fields}
        initial={{ ...valuesOf(fields), tierId: defaultTierId ?? tiers[0]?.id ?? '' }}
        submitLabel={t('meetings.schedule.submit')}
        onCancel={() => setOpen(false)}
        onSubmit={async (values) => {
          const body = { ...createBody(fields, values), ...timesOf(values, t) };
          const { body: meeting } = await write.send(routes.createMeeting, { body });
          await navigate({ to: '/municipalities/$kommunenummer/meetings/$meetingId', params: { kommunenummer, meetingId: meeting.id } });
        }}
      />
    </section>
  );
}
