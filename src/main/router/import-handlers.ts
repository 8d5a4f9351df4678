import type { HandlersOf } from './handler-types';

/** Handlers of the `imports` namespace (CSV import and export of the catalogue). */
export const importHandlers: HandlersOf<'imports'> = {};
