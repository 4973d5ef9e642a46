/** The measures register's filters, kept in the URL (the router validates them without loading the page). */
export interface MeasureFilters {
  status?: string;
  focusAreaId?: string;
  targetGroupId?: string;
  organizationId?: string;
  q?: string;
}
export const FILTER_KEYS = ['status', 'focusAreaId', 'targetGroupId', 'organizationId', 'q'] as const;
