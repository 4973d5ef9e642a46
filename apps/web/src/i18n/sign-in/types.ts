import type { signInNb } from './nb';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type SignInMessages = Widen<typeof signInNb>;
