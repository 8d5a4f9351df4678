import { Random } from './random';

/** When in the year a product sells most; 'all-year' follows the shop's own season only. */
export type Season = 'all-year' | 'spring' | 'mid-autumn' | 'new-year' | 'summer' | 'winter';

export interface RangeProduct {
  sku: string;
  name: string;
  /** Minor units (fen), tax included. */
  price: number;
  cost: number;
  taxClass: 'standard' | 'reduced';
  grams: number;
  reorderPoint: number;
  supplier: 'tea' | 'ware';
  season: Season;
  /** Relative popularity: a few fast movers, a long tail of slow and intermittent ones. */
  popularity: number;
  /** Units in a typical line: teaware one at a time, small teas often two or three. */
  typicalQuantity: number;
}

const TEAS: Array<[string, string, string, number]> = [
  // [sku stem, Chinese, English, price of 100 g in fen]
  ['LJ', '西湖龙井', 'Longjing green tea', 9800],
  ['BLC', '洞庭碧螺春', 'Biluochun green tea', 8800],
  ['HSMF', '黄山毛峰', 'Huangshan Maofeng', 5800],
  ['LAGP', '六安瓜片', "Lu'an Guapian", 6800],
  ['TPHK', '太平猴魁', 'Taiping Houkui', 12800],
  ['XYMJ', '信阳毛尖', 'Xinyang Maojian', 4800],
  ['MDGL', '蒙顶甘露', 'Mengding Ganlu', 7800],
  ['JSYZ', '君山银针', 'Junshan Yinzhen yellow tea', 16800],
  ['TGY', '安溪铁观音', 'Tieguanyin oolong', 6800],
  ['DHP', '武夷大红袍', 'Da Hong Pao rock oolong', 11800],
  ['RG', '武夷肉桂', 'Rougui rock oolong', 9800],
  ['SX', '武夷水仙', 'Shuixian rock oolong', 6800],
  ['FHDC', '凤凰单丛', 'Phoenix Dancong oolong', 8800],
  ['DFMR', '东方美人', 'Oriental Beauty oolong', 13800],
  ['DDWL', '冻顶乌龙', 'Dongding oolong', 7800],
  ['AL', '阿里山高山茶', 'Alishan high-mountain oolong', 10800],
  ['BHYZ', '白毫银针', 'Silver Needle white tea', 15800],
  ['BMD', '白牡丹', 'White Peony white tea', 6800],
  ['SM', '寿眉', 'Shou Mei white tea', 3800],
  ['KM', '祁门红茶', 'Keemun black tea', 5800],
  ['DH', '滇红金芽', 'Dianhong golden buds', 6800],
  ['ZSXZ', '正山小种', 'Lapsang Souchong', 5800],
  ['JJM', '金骏眉', 'Jin Jun Mei black tea', 18800],
  ['YDHC', '英德红茶', 'Yingde black tea', 4800],
  ['PUS', '普洱熟茶', 'Ripe Pu-erh', 4800],
  ['PUR', '普洱生茶', 'Raw Pu-erh', 5800],
  ['LB', '梧州六堡茶', 'Liubao dark tea', 4800],
  ['AH', '安化黑茶', 'Anhua dark tea', 3800],
  ['JSM', '茉莉花茶', 'Jasmine green tea', 3800],
  ['GH', '桂花乌龙', 'Osmanthus oolong', 4800],
  ['JH', '杭白菊', 'Hangzhou chrysanthemum', 2800],
  ['MG', '玫瑰花茶', 'Rose bud tea', 3200],
];

const SIZES: Array<[number, number]> = [
  // [grams, price factor against 100 g]
  [50, 0.55],
  [100, 1],
  [250, 2.3],
  [500, 4.4],
];

const WARE: Array<[string, string, string, number, number]> = [
  // [sku stem, Chinese, English, price in fen, grams]
  ['GW', '盖碗', 'gaiwan', 12800, 260],
  ['TP', '茶壶', 'teapot', 26800, 320],
  ['CUP', '品茗杯', 'tasting cup', 3800, 60],
  ['FP', '公道杯', 'fairness pitcher', 6800, 180],
  ['CAD', '茶叶罐', 'tea caddy', 8800, 240],
  ['SET', '旅行茶具套装', 'travel tea set', 23800, 900],
  ['TRAY', '茶盘', 'tea tray', 19800, 1400],
];

const MATERIALS: Array<[string, string, string, number]> = [
  ['CEL', '青瓷', 'Celadon', 1.2],
  ['WHT', '白瓷', 'White porcelain', 1],
  ['YX', '紫砂', 'Yixing clay', 2.4],
  ['GLS', '玻璃', 'Glass', 0.7],
  ['STN', '粗陶', 'Stoneware', 0.9],
];

const TOOLS: Array<[string, string, number, number]> = [
  ['茶针', 'Tea needle', 1800, 20],
  ['茶则', 'Tea scoop', 2800, 30],
  ['不锈钢滤网', 'Steel tea strainer', 2200, 40],
  ['竹茶夹', 'Bamboo tea tongs', 1600, 25],
  ['茶巾', 'Tea towel', 1800, 50],
  ['养壶笔', 'Teapot brush', 2400, 20],
  ['电陶炉', 'Ceramic hot plate', 39800, 2600],
  ['温控电水壶', 'Temperature kettle', 45800, 1300],
];

/** Food is taxed at the reduced rate; gift boxes and summer drinks sell in their season only. */
const FOOD: Array<[string, string, string, number, number, Season]> = [
  ['MOON-BOX', '中秋月饼茶礼盒', 'Mid-Autumn mooncake & tea gift box', 39800, 1600, 'mid-autumn'],
  ['MOON-LOTUS', '莲蓉蛋黄月饼 4枚', 'Lotus-paste mooncakes, 4', 16800, 720, 'mid-autumn'],
  ['CNY-BOX', '新春茶礼盒', 'New Year tea gift box', 49800, 1800, 'new-year'],
  ['CNY-CANDY', '新年糖果礼盒', 'New Year candy box', 12800, 600, 'new-year'],
  ['COLD-LJ', '冷泡龙井 6瓶', 'Cold-brew Longjing, 6 bottles', 8800, 3300, 'summer'],
  ['COLD-JSM', '冷泡茉莉 6瓶', 'Cold-brew jasmine, 6 bottles', 7800, 3300, 'summer'],
  ['ICE-PEACH', '白桃乌龙冷泡袋', 'White peach oolong cold-brew bags', 5800, 150, 'summer'],
  ['GINGER', '红糖姜茶', 'Brown sugar ginger tea', 3800, 300, 'winter'],
  ['DATE', '红枣桂圆茶', 'Red date & longan tea', 4200, 300, 'winter'],
  ['SNACK-MELON', '五香瓜子', 'Spiced melon seeds', 1800, 250, 'all-year'],
  ['SNACK-PLUM', '话梅', 'Preserved plums', 2200, 200, 'all-year'],
  ['SNACK-CAKE', '绿豆糕', 'Mung bean cakes', 2800, 300, 'all-year'],
];

/** New-harvest green teas sell most in spring; flower teas in summer; dark teas in winter. */
function seasonOfTea(stem: string): Season {
  if (['LJ', 'BLC', 'HSMF', 'LAGP', 'TPHK', 'XYMJ', 'MDGL'].includes(stem)) return 'spring';
  if (['JH', 'MG'].includes(stem)) return 'summer';
  if (['PUS', 'AH', 'LB'].includes(stem)) return 'winter';
  return 'all-year';
}

/** Rounded to a shop's price: whole yuan, ending in 8. */
function shopPrice(fen: number): number {
  const yuan = Math.max(8, Math.round(fen / 1000) * 10 + 8);
  return yuan * 100;
}

/**
 * The seeded shop's wider range besides the demo shop's fifteen: teas in four sizes and
 * two grades, teaware in five materials, tools, snacks and seasonal gift boxes (a few
 * hundred products), each with a popularity and a season for the order history.
 */
export function demoRange(seed: number): RangeProduct[] {
  const random = new Random(seed).fork('range');
  const products: RangeProduct[] = [];
  for (const [stem, zh, en, per100] of TEAS) {
    for (const [grams, factor] of SIZES) {
      for (const grade of ['A', 'B'] as const) {
        const premium = grade === 'A';
        const price = shopPrice(per100 * factor * (premium ? 1.6 : 1));
        products.push({
          sku: `T-${stem}-${grams}-${grade}`,
          name: `${zh} ${premium ? '特级' : '一级'} ${grams}克 ${en}, ${premium ? 'premium' : 'grade 1'} ${grams} g`,
          price,
          cost: Math.round(price * (0.42 + random.next() * 0.12)),
          taxClass: 'standard',
          grams,
          reorderPoint: grams <= 100 ? 10 : 4,
          supplier: 'tea',
          season: seasonOfTea(stem),
          // Mid sizes of grade 1 sell best; big premium packs are slow.
          popularity: (grams === 100 ? 3 : grams === 50 ? 2 : grams === 250 ? 1.2 : 0.35) * (premium ? 0.45 : 1),
          typicalQuantity: grams <= 100 ? 2 : 1,
        });
      }
    }
  }
  for (const [stem, zh, en, price, grams] of WARE) {
    for (const [material, mZh, mEn, factor] of MATERIALS) {
      const p = shopPrice(price * factor);
      products.push({
        sku: `W-${stem}-${material}`,
        name: `${mZh}${zh} ${mEn} ${en}`,
        price: p,
        cost: Math.round(p * (0.38 + random.next() * 0.1)),
        taxClass: 'standard',
        grams,
        reorderPoint: stem === 'CUP' ? 12 : 3,
        supplier: 'ware',
        season: 'all-year',
        // Yixing teapots and travel sets sell a few a month: intermittent demand.
        popularity: stem === 'CUP' ? 1.5 : material === 'YX' || stem === 'SET' ? 0.08 : 0.35,
        typicalQuantity: stem === 'CUP' ? 4 : 1,
      });
    }
  }
  TOOLS.forEach(([zh, en, price, grams], i) => {
    products.push({
      sku: `X-TOOL-${String(i + 1).padStart(2, '0')}`,
      name: `${zh} ${en}`,
      price,
      cost: Math.round(price * 0.4),
      taxClass: 'standard',
      grams,
      reorderPoint: 5,
      supplier: 'ware',
      season: 'all-year',
      popularity: price > 30000 ? 0.05 : 0.5,
      typicalQuantity: 1,
    });
  });
  for (const [stem, zh, en, price, grams, season] of FOOD) {
    products.push({
      sku: `F-${stem}`,
      name: `${zh} ${en}`,
      price,
      cost: Math.round(price * 0.5),
      taxClass: 'reduced',
      grams,
      reorderPoint: 10,
      supplier: 'tea',
      season,
      popularity: season === 'all-year' ? 1 : 4,
      typicalQuantity: season === 'all-year' ? 2 : 1,
    });
  }
  return products;
}
