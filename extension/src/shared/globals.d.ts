/** Set by vite.config.ts: the suffix of the per-organization backend in production. */
declare const __TIMEHUB_HOST_SUFFIX__: string;
