import { Random } from './random';

export interface DemoAddress {
  kind: 'shipping' | 'billing';
  recipient: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  isDefault: boolean;
}

export interface DemoPerson {
  name: string;
  phone: string;
  email: string;
  tags: string[];
  notes: string;
  addresses: DemoAddress[];
  /** How often this customer orders compared with others: a few regulars, many occasional buyers. */
  frequency: number;
  /** Teahouses buy in bulk. */
  wholesale: boolean;
  abroad: boolean;
}

const SURNAMES: Array<[string, string]> = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['何', 'He'],
  ['林', 'Lin'],
  ['罗', 'Luo'],
  ['高', 'Gao'],
];

const GIVEN: Array<[string, string]> = [
  ['伟', 'Wei'],
  ['芳', 'Fang'],
  ['娜', 'Na'],
  ['敏', 'Min'],
  ['静', 'Jing'],
  ['丽', 'Li'],
  ['强', 'Qiang'],
  ['磊', 'Lei'],
  ['洋', 'Yang'],
  ['艳', 'Yan'],
  ['勇', 'Yong'],
  ['军', 'Jun'],
  ['杰', 'Jie'],
  ['涛', 'Tao'],
  ['明', 'Ming'],
  ['超', 'Chao'],
  ['秀英', 'Xiuying'],
  ['晓东', 'Xiaodong'],
  ['雨桐', 'Yutong'],
  ['子涵', 'Zihan'],
  ['浩然', 'Haoran'],
  ['欣怡', 'Xinyi'],
  ['思远', 'Siyuan'],
  ['嘉怡', 'Jiayi'],
];

const CN_CITIES: Array<{ city: string; region: string; postal: string; area: string; streets: string[] }> = [
  {
    city: '上海',
    region: '上海',
    postal: '200',
    area: '21',
    streets: ['南京西路', '淮海中路', '延安中路', '武康路', '世纪大道'],
  },
  {
    city: '北京',
    region: '北京',
    postal: '100',
    area: '10',
    streets: ['朝阳门外大街', '建国路', '中关村大街', '鼓楼东大街'],
  },
  { city: '杭州', region: '浙江', postal: '310', area: '571', streets: ['龙井路', '文三路', '延安路', '梅灵北路'] },
  { city: '广州', region: '广东', postal: '510', area: '20', streets: ['天河路', '环市东路', '北京路', '中山五路'] },
  { city: '深圳', region: '广东', postal: '518', area: '755', streets: ['深南大道', '华强北路', '科技园路'] },
  { city: '成都', region: '四川', postal: '610', area: '28', streets: ['春熙路', '人民南路', '宽窄巷子'] },
  { city: '南京', region: '江苏', postal: '210', area: '25', streets: ['中山路', '新街口', '湖南路'] },
  { city: '苏州', region: '江苏', postal: '215', area: '512', streets: ['观前街', '平江路', '干将路'] },
  { city: '厦门', region: '福建', postal: '361', area: '592', streets: ['中山路', '思明南路', '湖滨北路'] },
  { city: '昆明', region: '云南', postal: '650', area: '871', streets: ['翠湖南路', '北京路', '青年路'] },
];

const ABROAD_FIRST = [
  'Emma',
  'Lukas',
  'Olivia',
  'James',
  'Sophie',
  'Noah',
  'Mia',
  'Hugo',
  'Yuki',
  'Ethan',
  'Chloe',
  'Liam',
];
const ABROAD_LAST = ['Schmidt', 'Müller', 'Smith', 'Brown', 'Martin', 'Dubois', 'Tanaka', 'Tan', 'Wilson', 'Jansen'];

const ABROAD: Array<{
  country: string;
  code: string;
  city: string;
  region: string;
  street: string;
  postal: () => string;
  domain: string;
}> = [
  {
    country: 'DE',
    code: '49 30',
    city: 'Berlin',
    region: '',
    street: 'Torstraße',
    postal: () => '10119',
    domain: 'example.de',
  },
  {
    country: 'US',
    code: '1 415',
    city: 'San Francisco',
    region: 'CA',
    street: 'Valencia St',
    postal: () => '94110',
    domain: 'example.com',
  },
  {
    country: 'GB',
    code: '44 20',
    city: 'London',
    region: '',
    street: 'Camden High St',
    postal: () => 'NW1 7JE',
    domain: 'example.co.uk',
  },
  {
    country: 'FR',
    code: '33 1',
    city: 'Paris',
    region: '',
    street: 'Rue de Rivoli',
    postal: () => '75004',
    domain: 'example.fr',
  },
  {
    country: 'JP',
    code: '81 3',
    city: 'Tokyo',
    region: 'Tokyo',
    street: 'Jingumae',
    postal: () => '150-0001',
    domain: 'example.jp',
  },
  {
    country: 'SG',
    code: '65',
    city: 'Singapore',
    region: '',
    street: 'Orchard Rd',
    postal: () => '238839',
    domain: 'example.sg',
  },
  {
    country: 'NL',
    code: '31 20',
    city: 'Amsterdam',
    region: '',
    street: 'Prinsengracht',
    postal: () => '1016 GV',
    domain: 'example.nl',
  },
];

const digits = (random: Random, n: number) => Array.from({ length: n }, () => random.int(10)).join('');

/**
 * Customers of the seeded shop: mostly people in Chinese cities, some teahouses buying
 * wholesale, and a share abroad (the web shop ships internationally), with phones,
 * emails and addresses. How often each orders follows a long tail.
 */
export function demoPeople(count: number, seed: number): DemoPerson[] {
  const random = new Random(seed).fork('people');
  const people: DemoPerson[] = [];
  for (let i = 0; i < count; i++) {
    const abroad = random.chance(0.12);
    const wholesale = !abroad && random.chance(0.03);
    // A long tail: the first customers are the regulars.
    const frequency = 1 / Math.pow(i + 8, 0.9);
    if (abroad) {
      const place = random.pick(ABROAD);
      const first = random.pick(ABROAD_FIRST);
      const last = random.pick(ABROAD_LAST);
      const name = `${first} ${last}`;
      const phone = `+${place.code} ${digits(random, 4)} ${digits(random, 4)}`;
      people.push({
        name,
        phone,
        email: `${first.toLowerCase()}.${last.toLowerCase().replace('ü', 'ue')}${i}@${place.domain}`,
        tags: ['export'],
        notes: '',
        addresses: [
          {
            kind: 'shipping',
            recipient: name,
            phone,
            line1: `${random.between(1, 240)} ${place.street}`,
            line2: '',
            city: place.city,
            region: place.region,
            postalCode: place.postal(),
            country: place.country,
            isDefault: true,
          },
        ],
        frequency,
        wholesale,
        abroad,
      });
      continue;
    }
    const [surname, surnamePinyin] = random.pick(SURNAMES);
    const [given, givenPinyin] = random.pick(GIVEN);
    const place = random.pick(CN_CITIES);
    const person = `${surname}${given}`;
    const name = wholesale
      ? `${person}茶馆 ${surnamePinyin} ${givenPinyin} Teahouse`
      : `${person} ${surnamePinyin} ${givenPinyin}`;
    const mobile = `+86 1${random.pick(['38', '39', '58', '86', '88', '37', '50'])}${digits(random, 1)} ${digits(random, 4)} ${digits(random, 4)}`;
    const phone = wholesale ? `0${place.area} ${digits(random, 4)} ${digits(random, 4)}` : mobile;
    const address = {
      recipient: person,
      phone: mobile,
      line1: `${random.pick(place.streets)} ${random.between(1, 1200)} 号`,
      line2: random.chance(0.6) ? `${random.between(1, 30)} 栋 ${random.between(101, 2508)} 室` : '',
      city: place.city,
      region: place.region,
      postalCode: `${place.postal}${digits(random, 3)}`,
      country: 'CN',
    };
    people.push({
      name,
      phone,
      email: random.chance(0.5) ? `${surnamePinyin.toLowerCase()}${givenPinyin.toLowerCase()}${i}@example.cn` : '',
      tags: wholesale ? ['wholesale'] : i < count * 0.02 ? ['vip'] : [],
      notes: wholesale ? 'Monthly invoice' : '',
      addresses: [
        { kind: 'shipping', ...address, isDefault: true },
        ...(wholesale ? [{ kind: 'billing' as const, ...address, recipient: name, isDefault: true }] : []),
      ],
      frequency: wholesale ? frequency * 3 : frequency,
      wholesale,
      abroad,
    });
  }
  return people;
}
