// Types for listen-address.mjs.
export declare const DEFAULT_HOST: string;
export declare const DEFAULT_PORT: number;
export declare function readListenAddress(env: Readonly<Record<string, string | undefined>>): { host: string; port: number; problems: string[] };
