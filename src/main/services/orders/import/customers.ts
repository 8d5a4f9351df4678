import { emailKey, phoneDigits, phoneTail, WALK_IN_CUSTOMER_ID } from '../../../../shared/domain/customers';
import type { ServiceContext } from '../../context';
import { nowIso } from '../../context';
import { newId } from '../../ids';

/** Who an imported order names. */
export interface OrderCustomer {
  name: string;
  email: string;
  phone: string;
}

/** Keys per query: well under SQLite's bound-parameter limit. */
const CHUNK = 900;
/** Rows per multi-row insert: 300 customers × 14 columns. */
const INSERT_ROWS = 300;

/**
 * The same person within one file: by email, else by phone, else by name. An order
 * that names nobody belongs to the walk-in customer.
 */
export function identityOf(customer: OrderCustomer): string | null {
  const email = emailKey(customer.email);
  if (email) return `email:${email}`;
  const tail = phoneTail(customer.phone);
  if (tail) return `phone:${tail}`;
  if (customer.name) return `name:${customer.name}`;
  return null;
}

export interface CustomerMatch {
  /** Identity → the existing customer's id. */
  matched: Map<string, string>;
  /** Identity → the customer to create, as the first order naming them says. */
  toCreate: Map<string, OrderCustomer>;
  /** Identity → another identity of the file that is the same person (a phone-only order, the email's). */
  sameAs: Map<string, string>;
}

/**
 * Finds the customers the orders name: an existing one by email, then by phone (its
 * last eight digits, with or without a country code); the rest are to be created.
 */
export async function matchCustomers(ctx: ServiceContext, customers: OrderCustomer[]): Promise<CustomerMatch> {
  const byIdentity = new Map<string, OrderCustomer>();
  for (const customer of customers) {
    const identity = identityOf(customer);
    if (identity && !byIdentity.has(identity)) byIdentity.set(identity, customer);
  }
  const emails = [...new Set([...byIdentity.values()].map((c) => emailKey(c.email)).filter(Boolean))];
  const tails = [...new Set([...byIdentity.values()].map((c) => phoneTail(c.phone)).filter(Boolean))];
  const byEmail = new Map<string, string>();
  const byPhone = new Map<string, string>();
  for (let i = 0; i < emails.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['id', 'email_key'])
      .where('is_walk_in', '=', 0)
      .where('email_key', 'in', emails.slice(i, i + CHUNK))
      .orderBy('created_at')
      .execute();
    for (const row of rows) if (!byEmail.has(row.email_key)) byEmail.set(row.email_key, row.id);
  }
  for (let i = 0; i < tails.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['id', 'phone_tail'])
      .where('is_walk_in', '=', 0)
      .where('phone_tail', 'in', tails.slice(i, i + CHUNK))
      .orderBy('created_at')
      .execute();
    for (const row of rows) if (!byPhone.has(row.phone_tail)) byPhone.set(row.phone_tail, row.id);
  }
  const match: CustomerMatch = { matched: new Map(), toCreate: new Map(), sameAs: new Map() };
  // A phone-only order of someone another order names by email and the same phone is theirs.
  const emailIdentityByPhone = new Map<string, string>();
  for (const [identity, customer] of byIdentity) {
    const tail = phoneTail(customer.phone);
    if (identity.startsWith('email:') && tail && !emailIdentityByPhone.has(tail))
      emailIdentityByPhone.set(tail, identity);
  }
  for (const [identity, customer] of byIdentity) {
    const id = byEmail.get(emailKey(customer.email)) ?? byPhone.get(phoneTail(customer.phone));
    const sameAs = identity.startsWith('phone:') ? emailIdentityByPhone.get(phoneTail(customer.phone)) : undefined;
    if (id) match.matched.set(identity, id);
    else if (sameAs) match.sameAs.set(identity, sameAs);
    else match.toCreate.set(identity, customer);
  }
  return match;
}

/** Creates the customers an import needs, many rows per statement; returns identity → id, matched ones included. */
export async function settleCustomers(ctx: ServiceContext, match: CustomerMatch): Promise<Map<string, string>> {
  const ids = new Map(match.matched);
  const now = nowIso();
  const rows = [...match.toCreate].map(([identity, customer]) => {
    const id = newId();
    ids.set(identity, id);
    return {
      id,
      name: customer.name,
      phone: customer.phone,
      phone_digits: phoneDigits(customer.phone),
      phone_tail: phoneTail(customer.phone),
      email: customer.email,
      email_key: emailKey(customer.email),
      tags: '[]',
      notes: '',
      is_walk_in: 0,
      active: 1,
      created_at: now,
      updated_at: now,
    };
  });
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    await ctx.db
      .insertInto('customers')
      .values(rows.slice(i, i + INSERT_ROWS))
      .execute();
  }
  for (const [identity, other] of match.sameAs) {
    const id = ids.get(other);
    if (id) ids.set(identity, id);
  }
  return ids;
}

export function customerIdOf(ids: Map<string, string>, customer: OrderCustomer): string {
  const identity = identityOf(customer);
  return identity ? (ids.get(identity) ?? WALK_IN_CUSTOMER_ID) : WALK_IN_CUSTOMER_ID;
}
