import type { meetingsNb } from './nb';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type MeetingsMessages = Widen<typeof meetingsNb>;
