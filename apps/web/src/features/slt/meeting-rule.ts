import type { MeetingRule } from '@slt/shared/browser';
import type { TFunction } from 'i18next';

/** "At least 4 meetings a year", "2 per half-year", "3 in spring, 2 in autumn". */
export function describeRule(t: TFunction, rule: MeetingRule | null): string {
  if (!rule) return t('slt.rule.none');
  if (rule.kind === 'per_year') return t('slt.rule.perYear', { count: rule.count });
  if (rule.kind === 'per_half_year') return t('slt.rule.perHalfYear', { count: rule.count });
  return t('slt.rule.springAutumn', { spring: rule.spring, autumn: rule.autumn });
}
