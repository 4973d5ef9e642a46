export type Reporters = (string | [string, Record<string, unknown>])[];
export declare const reporters: Reporters;
