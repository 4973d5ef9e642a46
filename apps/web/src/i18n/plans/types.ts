import type { plansNb } from './nb';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type PlansMessages = Widen<typeof plansNb>;
