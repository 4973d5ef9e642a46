import { Type, type Static } from 'typebox';
import {
  Clearable,
  CursorSchema,
  DateSchema,
  DocumentFormatSchema,
  FreeText,
  LimitSchema,
  NameText,
  Nullable,
  PageSchema,
  TimestampSchema,
} from './common.js';
import { UuidSchema } from './identity.js';
import { MeasureStatusSchema } from './measures.js';
import { KommunenummerSchema } from './municipalities.js';
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MeetingStatusSchema = Type.Enum([...MEETING_STATUSES]);

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const AttendanceStatusSchema = Type.Enum([...ATTENDANCE_STATUSES]);

export const ACTION_ITEM_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export const ActionItemStatusSchema = Type.Enum([...ACTION_ITEM_STATUSES]);

/** An instant with its offset (`2026-03-05T18:00:00+01:00`); shown and counted in Europe/Oslo. */
const InstantSchema = Type.String({ format: 'date-time', description: 'An instant with offset; periods are counted in Europe/Oslo.' });
const IdList = Type.Array(UuidSchema, { maxItems: 100, uniqueItems: true });

export const AgendaItemSchema = Type.Object(
  {
    id: UuidSchema,
    position: Type.Integer({ description: '1, 2, 3… in agenda order.' }),
    title: Type.String(),
    description: Nullable(Type.String()),
    ownerMemberId: Nullable(Type.String({ format: 'uuid' })),
    closed: Type.Boolean({ description: 'A closed item is shown only to the members named in visibleToMemberIds (and coordinators).' }),
    visibleToMemberIds: Type.Array(UuidSchema),
  },
  { additionalProperties: false, title: 'AgendaItem' },
);
export type AgendaItem = Static<typeof AgendaItemSchema>;

export const AttendanceSchema = Type.Object(
  { memberId: UuidSchema, status: AttendanceStatusSchema },
  { additionalProperties: false, title: 'Attendance' },
);
export type Attendance = Static<typeof AttendanceSchema>;

export const DecisionSchema = Type.Object(
  {
    id: UuidSchema,
    agendaItemId: Nullable(Type.String({ format: 'uuid' })),
    text: Type.String(),
    measureId: Nullable(Type.String({ format: 'uuid' }), { description: 'The measure the decision created or changed.' }),
    createdAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'Decision' },
);
export type Decision = Static<typeof DecisionSchema>;

export const ActionItemSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    meetingId: UuidSchema,
    tierId: UuidSchema,
    decisionId: Nullable(Type.String({ format: 'uuid' })),
    description: Type.String(),
    responsibleMemberId: Nullable(Type.String({ format: 'uuid' })),
    dueDate: Nullable(Type.String({ format: 'date' })),
    status: ActionItemStatusSchema,
    reportBackMeetingId: Nullable(Type.String({ format: 'uuid' }), { description: 'The later meeting where it is reported back.' }),
    overdue: Type.Boolean({ description: 'Open and due before today (Europe/Oslo).' }),
    completedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'ActionItem' },
);
export type ActionItem = Static<typeof ActionItemSchema>;
export const ActionItemPageSchema = PageSchema(ActionItemSchema);
export type ActionItemPage = Static<typeof ActionItemPageSchema>;

/**
 * A meeting of one tier. Anonymous callers, intranets and other municipalities get the public
 * facts only (title, time, place, status); the municipality's users get agenda, attendance,
 * minutes, decisions and action items — closed agenda items only when they are named.
 */
export const MeetingSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    tierId: UuidSchema,
    title: Type.String(),
    startsAt: TimestampSchema,
    endsAt: TimestampSchema,
    place: Nullable(Type.String()),
    status: MeetingStatusSchema,
    agenda: Type.Optional(Type.Array(AgendaItemSchema)),
    attendance: Type.Optional(Type.Array(AttendanceSchema)),
    minutes: Type.Optional(Nullable(Type.String())),
    minutesApprovedAt: Type.Optional(
      Nullable(TimestampSchema, {
        description: 'When a coordinator approved the minutes (they were then mailed to the members); null while not approved.',
      }),
    ),
    decisions: Type.Optional(Type.Array(DecisionSchema)),
    actionItems: Type.Optional(Type.Array(ActionItemSchema, { description: 'Action items given at this meeting.' })),
    reportBackItems: Type.Optional(Type.Array(ActionItemSchema, { description: 'Action items to be reported back at this meeting.' })),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'Meeting' },
);
export type Meeting = Static<typeof MeetingSchema>;
export const MeetingPageSchema = PageSchema(MeetingSchema);
export type MeetingPage = Static<typeof MeetingPageSchema>;

export const MeetingListQuerySchema = Type.Object(
  {
    from: Type.Optional(DateSchema),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last day included (Europe/Oslo).' })),
    tierId: Type.Optional(UuidSchema),
    status: Type.Optional(MeetingStatusSchema),
    limit: Type.Optional(LimitSchema),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);
export type MeetingListQuery = Static<typeof MeetingListQuerySchema>;

export const CreateMeetingSchema = Type.Object(
  {
    tierId: UuidSchema,
    title: NameText(),
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    place: Type.Optional(NameText()),
    status: Type.Optional(MeetingStatusSchema),
    minutes: Type.Optional(Type.String({ maxLength: 50_000 })),
  },
  { additionalProperties: false },
);
export type CreateMeeting = Static<typeof CreateMeetingSchema>;

export const UpdateMeetingSchema = Type.Object(
  {
    title: Type.Optional(NameText()),
    startsAt: Type.Optional(InstantSchema),
    endsAt: Type.Optional(InstantSchema),
    place: Clearable(NameText()),
    status: Type.Optional(MeetingStatusSchema),
    minutes: Clearable(Type.String({ maxLength: 50_000 })),
    minutesApproved: Type.Optional(
      Type.Literal(true, {
        description:
          'Approve the minutes: only a held meeting with minutes (otherwise 400 naming `minutesApproved`). ' +
          'Sets `minutesApprovedAt` and mails the minutes once to every current member of the tier with an e-mail address. ' +
          'Approval is final: it cannot be withdrawn, and approving again changes nothing and mails nothing.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeeting = Static<typeof UpdateMeetingSchema>;

export const CreateAgendaItemSchema = Type.Object(
  {
    title: NameText(),
    description: Type.Optional(FreeText()),
    ownerMemberId: Type.Optional(UuidSchema),
    closed: Type.Optional(Type.Boolean({ default: false })),
    visibleToMemberIds: Type.Optional(IdList),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Where to insert it; last when left out.' })),
  },
  { additionalProperties: false },
);
export type CreateAgendaItem = Static<typeof CreateAgendaItemSchema>;

export const UpdateAgendaItemSchema = Type.Object(
  {
    title: Type.Optional(NameText()),
    description: Clearable(FreeText()),
    ownerMemberId: Clearable(UuidSchema),
    closed: Type.Optional(Type.Boolean()),
    visibleToMemberIds: Type.Optional(IdList),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Move it to this place.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAgendaItem = Static<typeof UpdateAgendaItemSchema>;

export const SetAttendanceSchema = Type.Object(
  { attendance: Type.Array(AttendanceSchema, { maxItems: 200 }) },
  { additionalProperties: false, description: 'The whole attendance list: members left out are removed.' },
);
export type SetAttendance = Static<typeof SetAttendanceSchema>;

export const CreateDecisionSchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    agendaItemId: Type.Optional(UuidSchema),
    measureId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Link to an existing measure (and change it with measureStatus).' }),
    ),
    measureStatus: Type.Optional(MeasureStatusSchema),
    newMeasure: Type.Optional(
      Type.Object(
        { title: NameText(), description: Type.Optional(FreeText()), status: Type.Optional(MeasureStatusSchema) },
        { additionalProperties: false, description: 'Create a measure decided by this tier, linked to the decision.' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateDecision = Static<typeof CreateDecisionSchema>;

export const UpdateDecisionSchema = Type.Object(
  { text: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })), agendaItemId: Clearable(UuidSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDecision = Static<typeof UpdateDecisionSchema>;

export const CreateActionItemSchema = Type.Object(
  {
    meetingId: UuidSchema,
    decisionId: Type.Optional(UuidSchema),
    description: Type.String({ minLength: 1, maxLength: 4000 }),
    responsibleMemberId: Type.Optional(UuidSchema),
    dueDate: Type.Optional(DateSchema),
    reportBackMeetingId: Type.Optional(UuidSchema),
  },
  { additionalProperties: false },
);
export type CreateActionItem = Static<typeof CreateActionItemSchema>;

export const UpdateActionItemSchema = Type.Object(
  {
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    responsibleMemberId: Clearable(UuidSchema),
    dueDate: Clearable(DateSchema),
    status: Type.Optional(ActionItemStatusSchema),
    reportBackMeetingId: Clearable(UuidSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateActionItem = Static<typeof UpdateActionItemSchema>;

export const ActionItemListQuerySchema = Type.Object(
  {
    status: Type.Optional(ActionItemStatusSchema),
    overdue: Type.Optional(Type.Boolean({ description: 'Only open items due before today (Europe/Oslo).' })),
    tierId: Type.Optional(UuidSchema),
    memberId: Type.Optional(UuidSchema),
    meetingId: Type.Optional(UuidSchema),
    mine: Type.Optional(Type.Boolean({ description: "Only the caller's own tasks (members whose e-mail is the user's)." })),
    limit: Type.Optional(LimitSchema),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);
export type ActionItemListQuery = Static<typeof ActionItemListQuerySchema>;

export const MeetingParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, meetingId: UuidSchema },
  { additionalProperties: false },
);
export const MinutesDocumentParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, meetingId: UuidSchema, format: DocumentFormatSchema },
  { additionalProperties: false },
);
export const AgendaItemParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, meetingId: UuidSchema, agendaItemId: UuidSchema },
  { additionalProperties: false },
);
export const DecisionParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, meetingId: UuidSchema, decisionId: UuidSchema },
  { additionalProperties: false },
);
export const ActionItemParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, actionItemId: UuidSchema },
  { additionalProperties: false },
);
