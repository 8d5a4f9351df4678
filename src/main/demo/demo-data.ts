import type { Role } from '../../shared/roles';

/** The people of the demo shop; their PINs are printed by the seeder and in the README. */
export const DEMO_USERS: Array<{ username: string; displayName: string; role: Role; secret: string }> = [
  { username: 'owner', displayName: 'Zhang Wei', role: 'owner', secret: '1234' },
  { username: 'manager', displayName: 'Li Na', role: 'manager', secret: '2345' },
  { username: 'counter', displayName: 'Chen Jing', role: 'clerk', secret: '3456' },
  { username: 'warehouse', displayName: 'Wang Fang', role: 'warehouse', secret: '4567' },
];

export const DEMO_STORE = {
  storeName: 'Lotus Tea & Goods',
  address: {
    line1: '88 Nanjing West Road',
    line2: 'Unit 3',
    city: 'Shanghai',
    region: 'Shanghai',
    postalCode: '200040',
    country: 'CN',
  },
  phone: '+86 21 5555 0188',
  email: 'shop@lotus.example',
  currency: 'CNY',
  locale: 'zh-CN' as const,
  pricesIncludeTax: true,
};
