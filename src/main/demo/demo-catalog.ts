import { gtinCheckDigit } from '../../shared/domain/barcode';

/** An EAN-13 under the demo shop's GS1 China prefix, with its check digit. */
export function demoBarcode(n: number): string {
  const body = `690123${String(n).padStart(6, '0')}`;
  return body + gtinCheckDigit(body);
}

export const DEMO_SUPPLIERS = [
  {
    key: 'tea',
    name: '云南茶厂 Yunnan Tea Co.',
    contactName: '李明 Li Ming',
    phone: '+86 871 5555 0101',
    leadTimeDays: 14,
  },
  {
    key: 'ware',
    name: '景德镇瓷器 Jingdezhen Porcelain',
    contactName: '王芳 Wang Fang',
    phone: '+86 798 5555 0202',
    leadTimeDays: 21,
  },
] as const;

export const DEMO_WAREHOUSES = [
  {
    code: 'MAIN',
    name: '主仓库 Main warehouse',
    address: '18 Jinqiao Road, Pudong, Shanghai',
    bins: ['A-01', 'A-02', 'A-03', 'B-01', 'B-02'],
  },
  { code: 'SHOP', name: '门店 Shop front', address: '88 Nanjing West Road, Shanghai', bins: ['SHELF-1', 'SHELF-2'] },
] as const;

interface DemoProduct {
  sku: string;
  name: string;
  /** Yuan and fen as minor units. */
  price: number;
  cost: number;
  supplier: 'tea' | 'ware';
  grams: number;
  reorderPoint: number;
  /** Opening stock: [warehouse code, bin, quantity]. */
  stock: Array<[string, string, number]>;
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    sku: 'PU-357',
    name: '云南普洱茶 熟茶 357克 Ripe Pu-erh cake',
    price: 12800,
    cost: 6000,
    supplier: 'tea',
    grams: 357,
    reorderPoint: 10,
    stock: [
      ['MAIN', 'A-01', 40],
      ['SHOP', 'SHELF-1', 6],
    ],
  },
  {
    sku: 'PU-100',
    name: '云南普洱茶 生茶 100克 Raw Pu-erh mini cake',
    price: 4800,
    cost: 2100,
    supplier: 'tea',
    grams: 100,
    reorderPoint: 20,
    stock: [['MAIN', 'A-01', 12]],
  },
  {
    sku: 'LJ-250',
    name: '西湖龙井 绿茶 250克 Longjing green tea',
    price: 26800,
    cost: 15000,
    supplier: 'tea',
    grams: 250,
    reorderPoint: 8,
    stock: [
      ['MAIN', 'A-02', 25],
      ['SHOP', 'SHELF-1', 4],
    ],
  },
  {
    sku: 'TGY-125',
    name: '安溪铁观音 125克 Tieguanyin oolong',
    price: 9800,
    cost: 4500,
    supplier: 'tea',
    grams: 125,
    reorderPoint: 12,
    stock: [
      ['MAIN', 'A-02', 30],
      ['SHOP', 'SHELF-1', 8],
    ],
  },
  {
    sku: 'DHP-100',
    name: '武夷山大红袍 100克 Da Hong Pao',
    price: 15800,
    cost: 8200,
    supplier: 'tea',
    grams: 100,
    reorderPoint: 6,
    stock: [['MAIN', 'A-03', 4]],
  },
  {
    sku: 'BYS-200',
    name: '福鼎白毫银针 200克 Silver Needle white tea',
    price: 32800,
    cost: 19000,
    supplier: 'tea',
    grams: 200,
    reorderPoint: 5,
    stock: [['MAIN', 'A-03', 9]],
  },
  {
    sku: 'JSM-100',
    name: '茉莉花茶 100克 Jasmine green tea',
    price: 3800,
    cost: 1500,
    supplier: 'tea',
    grams: 100,
    reorderPoint: 20,
    stock: [
      ['MAIN', 'A-03', 60],
      ['SHOP', 'SHELF-2', 15],
    ],
  },
  {
    sku: 'KM-50',
    name: '祁门红茶 50克 Keemun black tea',
    price: 5800,
    cost: 2600,
    supplier: 'tea',
    grams: 50,
    reorderPoint: 10,
    stock: [['MAIN', 'A-01', 18]],
  },
  {
    sku: 'GW-150',
    name: '青花盖碗 150毫升 Blue-and-white gaiwan',
    price: 16800,
    cost: 7000,
    supplier: 'ware',
    grams: 260,
    reorderPoint: 4,
    stock: [
      ['MAIN', 'B-01', 10],
      ['SHOP', 'SHELF-2', 2],
    ],
  },
  {
    sku: 'TP-200',
    name: '紫砂壶 200毫升 Yixing clay teapot',
    price: 58800,
    cost: 26000,
    supplier: 'ware',
    grams: 320,
    reorderPoint: 2,
    stock: [['MAIN', 'B-01', 3]],
  },
  {
    sku: 'FC-300',
    name: '公道杯 300毫升 Glass fairness pitcher',
    price: 6800,
    cost: 2400,
    supplier: 'ware',
    grams: 180,
    reorderPoint: 6,
    stock: [['MAIN', 'B-02', 14]],
  },
  {
    sku: 'TT-BAMBOO',
    name: '竹制茶盘 Bamboo tea tray',
    price: 19800,
    cost: 8800,
    supplier: 'ware',
    grams: 1400,
    reorderPoint: 3,
    stock: [['MAIN', 'B-02', 5]],
  },
];

/** A family of variants: the celadon cup in three colours. */
export const DEMO_FAMILY = {
  handle: 'celadon-cup',
  name: '青瓷品茗杯 Celadon tasting cup',
  optionNames: ['Colour'],
  variants: [
    { sku: 'CUP-CEL-GREEN', colour: '梅子青 Plum green', stock: 24 },
    { sku: 'CUP-CEL-WHITE', colour: '月白 Moon white', stock: 3 },
    { sku: 'CUP-CEL-BLUE', colour: '天青 Sky blue', stock: 11 },
  ],
  price: 3800,
  cost: 1400,
  grams: 60,
  reorderPoint: 6,
};
