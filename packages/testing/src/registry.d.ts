export declare function killRegistered(dir: string): number[];
export declare function killAllRegistered(root: string): void;
