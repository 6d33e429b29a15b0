// Types for loggable-url.mjs.
export declare function loggableUrl(text: string): string;
export declare function withLoggableUrls(text: string): string;
