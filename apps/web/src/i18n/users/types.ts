import type { usersNb } from './nb';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type UsersMessages = Widen<typeof usersNb>;
