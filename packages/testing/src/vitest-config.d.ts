import type { BaseSequencer } from 'vitest/node';

export type Reporters = (string | [string, Record<string, unknown>])[];
export declare const reporters: Reporters;
export declare function startFirst(names: string[]): typeof BaseSequencer;
