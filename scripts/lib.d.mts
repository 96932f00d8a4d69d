export declare const ROOT: string;
export declare const BIN: string;
export declare function findElectronBinary(): string | undefined;
export declare function env(extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare function run(command: string, args: string[], options?: { env?: Record<string, string> }): number;
