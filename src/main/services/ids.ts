import { v7 } from 'uuid';

/** Time-ordered, globally unique ids, so data made on several machines can be merged. */
export function newId(): string {
  return v7();
}
