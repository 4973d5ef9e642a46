import type { problemsNb } from './nb';

export type ProblemMessages = { [K in keyof typeof problemsNb]: string };
