import { describe, expect, it } from 'vitest';
import { WALK_IN_CUSTOMER_ID } from '../../src/shared/domain/customers';
import { failure, startTestApp } from '../helpers/test-app';

const SHANGHAI = { kind: 'shipping' as const, recipient: '王芳', line1: '南京西路 88 号', city: '上海', country: 'cn' };

describe('customers', () => {
  it('keeps several addresses, one default per kind, and finds customers by name, phone or email', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const { customer, possibleDuplicates } = await client.customers.create({
      name: '王芳 Wang Fang',
      phone: '+86 138-0013-8000',
      email: 'Fang@Example.com',
      tags: ['vip', 'wholesale', 'vip'],
      addresses: [
        SHANGHAI,
        { ...SHANGHAI, recipient: '王芳 office', line1: '延安中路 1000 号', isDefault: true },
        { ...SHANGHAI, kind: 'billing' },
      ],
    });
    expect(possibleDuplicates).toEqual([]);
    expect(customer.tags).toEqual(['vip', 'wholesale']);
    expect(customer.addresses.map((a) => [a.kind, a.recipient, a.isDefault, a.country])).toEqual([
      ['billing', '王芳', true, 'CN'],
      ['shipping', '王芳 office', true, 'CN'],
      ['shipping', '王芳', false, 'CN'],
    ]);
    await client.customers.create({ name: 'Li Ming' });
    const names = async (search: string) => (await client.customers.list({ search })).rows.map((c) => c.name);
    expect(await names('王芳')).toEqual(['王芳 Wang Fang']);
    expect(await names('13800138000')).toEqual(['王芳 Wang Fang']);
    await client.customers.create({ name: 'Zhou Min', phone: '13912345678' });
    expect(await names('+86 139 1234 5678')).toEqual(['Zhou Min']);
    expect(await names('fang@example')).toEqual(['王芳 Wang Fang']);
    expect((await client.customers.list({})).rows.map((c) => c.name)).toEqual([
      'Walk-in',
      'Li Ming',
      'Zhou Min',
      '王芳 Wang Fang',
    ]);
  });

  it('warns of likely duplicates by phone digits or email, without refusing them', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const { customer: first } = await client.customers.create({ name: 'Zhang Wei', phone: '138 0013 8000' });
    const dupes = await client.customers.findDuplicates({ phone: '+86 138-0013-8000' });
    expect(dupes.map((c) => c.id)).toEqual([first.id]);
    const second = await client.customers.create({ name: 'Zhang W.', phone: '13800138000', email: '' });
    expect(second.possibleDuplicates.map((c) => c.id)).toEqual([first.id]);
    expect(await client.customers.findDuplicates({ phone: '13800138000', excludeId: first.id })).toHaveLength(1);
  });

  it('updates only what is given, and keeps the walk-in customer as it is', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const { customer } = await client.customers.create({
      name: 'Chen',
      notes: 'Prefers SF Express',
      tags: ['vip'],
      addresses: [SHANGHAI],
    });
    const updated = await client.customers.update({ id: customer.id, phone: '021 5555 0188' });
    expect(updated).toMatchObject({ notes: 'Prefers SF Express', tags: ['vip'], phone: '021 5555 0188' });
    expect(updated.addresses).toHaveLength(1);
    // An address sent back with its id keeps it (orders will point at it); a new one is added.
    const [home] = updated.addresses;
    const moved = await client.customers.update({
      id: customer.id,
      addresses: [
        { ...home, city: '杭州' },
        { ...SHANGHAI, kind: 'billing', recipient: 'Chen Ltd' },
      ],
    });
    expect(moved.addresses.find((a) => a.id === home.id)?.city).toBe('杭州');
    expect(moved.addresses).toHaveLength(2);
    const walkIn = await client.customers.get({ id: WALK_IN_CUSTOMER_ID });
    expect(walkIn).toMatchObject({ name: 'Walk-in', isWalkIn: true });
    expect((await failure(client.customers.update({ id: WALK_IN_CUSTOMER_ID, active: false }))).code).toBe(
      'INVALID_STATE',
    );
    expect((await failure(client.customers.update({ id: WALK_IN_CUSTOMER_ID, phone: '123' }))).code).toBe(
      'INVALID_STATE',
    );
    expect((await client.customers.update({ id: WALK_IN_CUSTOMER_ID, notes: 'Cash only' })).notes).toBe('Cash only');
    const bad = await failure(client.customers.create({ name: 'X', addresses: [{ ...SHANGHAI, country: 'China' }] }));
    expect(bad.details).toMatchObject({ issues: [{ path: 'addresses.0.country' }] });
  });
});
