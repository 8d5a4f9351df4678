export const ROLES = ['owner', 'manager', 'clerk', 'warehouse'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call an operation: nobody signed in, anyone signed in, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export const STAFF: readonly Role[] = ROLES;
export const MANAGERS: readonly Role[] = ['owner', 'manager'];
export const OWNER_ONLY: readonly Role[] = ['owner'];
/** Who keeps stock: receives, counts, moves and corrects it. */
export const STOCK_KEEPERS: readonly Role[] = ['owner', 'manager', 'warehouse'];
