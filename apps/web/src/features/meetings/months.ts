import { osloDate } from './time';

/** Items grouped by their Oslo month (`YYYY-MM`), in the order they come. */
export function groupByMonth<T>(items: T[], dateOf: (item: T) => string): { month: string; items: T[] }[] {
  const groups: { month: string; items: T[] }[] = [];
  for (const item of items) {
    const raw = dateOf(item);
    const month = (raw.length > 10 ? osloDate(raw) : raw).slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}
