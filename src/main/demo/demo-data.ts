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

const shanghai = { region: '上海', postalCode: '', country: 'CN', line2: '', phone: '', isDefault: true };

/** A few regulars, with addresses, for the customer screens and (later) orders. */
export const DEMO_CUSTOMERS = [
  {
    name: '刘洋 Liu Yang',
    phone: '+86 138 0013 8000',
    email: 'liuyang@example.cn',
    tags: ['vip'],
    notes: 'Prefers SF Express',
    addresses: [{ ...shanghai, kind: 'shipping' as const, recipient: '刘洋', line1: '延安中路 1000 号', city: '上海' }],
  },
  {
    name: 'Emma Schmidt',
    phone: '+49 30 5555 0142',
    email: 'emma@example.de',
    tags: ['export'],
    notes: '',
    addresses: [
      {
        ...shanghai,
        kind: 'shipping' as const,
        recipient: 'Emma Schmidt',
        line1: 'Torstraße 12',
        city: 'Berlin',
        region: '',
        postalCode: '10119',
        country: 'DE',
      },
    ],
  },
  {
    name: '陈静茶馆 Chen Jing Teahouse',
    phone: '021 5555 0199',
    email: '',
    tags: ['wholesale'],
    notes: 'Monthly invoice',
    addresses: [
      { ...shanghai, kind: 'shipping' as const, recipient: '陈静', line1: '武康路 210 号', city: '上海' },
      { ...shanghai, kind: 'billing' as const, recipient: '陈静茶馆', line1: '武康路 210 号', city: '上海' },
    ],
  },
];
