/**
 * The contract for browsers: the typed client, a route table of methods and paths (typed as the
 * full contract), and the constants the UI needs, without the TypeBox schemas (which only the
 * server validates with). Types are all those of the main entry.
 */
export type * from '../index.js';
export { buildPath, defineRoute } from '../contract.js';
export { createClient, newIdempotencyKey, ProblemError } from '../client/client.js';
export { ENUM_LABELS, LABEL_LANGUAGES } from '../labels.js';
export * as routes from './routes.generated.js';
export {
  ProblemType,
  FIELD_ERROR_CODES,
  TIER_LEVELS,
  MEMBERSHIP_ROLES,
  ORGANIZATION_KINDS,
  INDICATOR_UNITS,
  GOAL_DIRECTIONS,
  EVALUATION_OUTCOMES,
  EVIDENCE_LEVELS,
  MEASURE_STATUSES,
  MEASURE_TRANSITIONS,
  ATTENDANCE_STATUSES,
  KEY_DATE_KINDS,
  SETUP_SECTIONS,
  POLICE_DISTRICTS,
  PROFILE_FIELDS,
  COORDINATOR_STATES,
  PARTY_KINDS,
  PLAN_KINDS,
  PLAN_STATUSES,
  PLAN_TRANSITIONS,
  PLAN_EDITABLE_STATUSES,
  EVALUATION_PLAN_TYPES,
  SSO_ERRORS,
  MAIL_KINDS,
  MAIL_STATUSES,
} from './constants.generated.js';
