// How many items a list returns when the client does not say, and the most it may ask for. The builder's connections,
// the argument guards and the cost limits (plugins/limits.ts) all read these, so they live apart from the builder.
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
