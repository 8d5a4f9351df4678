/**
 * China's provinces, municipalities and autonomous regions with the two-letter codes of
 * GB/T 2260 (as ISO 3166-2:CN uses them) and the first two digits of their postcodes,
 * so a shipping address finds its province from whatever the customer typed: 浙江省,
 * 浙江, Zhejiang, or only a postcode.
 */
export interface Province {
  code: string;
  en: string;
  zh: string;
  postcodePrefixes: readonly string[];
}

export const CHINA_PROVINCES: readonly Province[] = [
  { code: 'BJ', en: 'Beijing', zh: '北京', postcodePrefixes: ['10'] },
  { code: 'TJ', en: 'Tianjin', zh: '天津', postcodePrefixes: ['30'] },
  { code: 'HE', en: 'Hebei', zh: '河北', postcodePrefixes: ['05', '06', '07'] },
  { code: 'SX', en: 'Shanxi', zh: '山西', postcodePrefixes: ['03', '04'] },
  { code: 'NM', en: 'Inner Mongolia', zh: '内蒙古', postcodePrefixes: ['01', '02'] },
  { code: 'LN', en: 'Liaoning', zh: '辽宁', postcodePrefixes: ['11', '12'] },
  { code: 'JL', en: 'Jilin', zh: '吉林', postcodePrefixes: ['13'] },
  { code: 'HL', en: 'Heilongjiang', zh: '黑龙江', postcodePrefixes: ['15', '16'] },
  { code: 'SH', en: 'Shanghai', zh: '上海', postcodePrefixes: ['20'] },
  { code: 'JS', en: 'Jiangsu', zh: '江苏', postcodePrefixes: ['21', '22'] },
  { code: 'ZJ', en: 'Zhejiang', zh: '浙江', postcodePrefixes: ['31', '32'] },
  { code: 'AH', en: 'Anhui', zh: '安徽', postcodePrefixes: ['23', '24'] },
  { code: 'FJ', en: 'Fujian', zh: '福建', postcodePrefixes: ['35', '36'] },
  { code: 'JX', en: 'Jiangxi', zh: '江西', postcodePrefixes: ['33', '34'] },
  { code: 'SD', en: 'Shandong', zh: '山东', postcodePrefixes: ['25', '26', '27'] },
  { code: 'HA', en: 'Henan', zh: '河南', postcodePrefixes: ['45', '46', '47'] },
  { code: 'HB', en: 'Hubei', zh: '湖北', postcodePrefixes: ['43', '44'] },
  { code: 'HN', en: 'Hunan', zh: '湖南', postcodePrefixes: ['41', '42'] },
  { code: 'GD', en: 'Guangdong', zh: '广东', postcodePrefixes: ['51', '52'] },
  { code: 'GX', en: 'Guangxi', zh: '广西', postcodePrefixes: ['53', '54'] },
  { code: 'HI', en: 'Hainan', zh: '海南', postcodePrefixes: ['57'] },
  { code: 'CQ', en: 'Chongqing', zh: '重庆', postcodePrefixes: ['40'] },
  { code: 'SC', en: 'Sichuan', zh: '四川', postcodePrefixes: ['61', '62', '63', '64'] },
  { code: 'GZ', en: 'Guizhou', zh: '贵州', postcodePrefixes: ['55', '56'] },
  { code: 'YN', en: 'Yunnan', zh: '云南', postcodePrefixes: ['65', '66', '67'] },
  { code: 'XZ', en: 'Tibet', zh: '西藏', postcodePrefixes: ['85'] },
  { code: 'SN', en: 'Shaanxi', zh: '陕西', postcodePrefixes: ['71', '72'] },
  { code: 'GS', en: 'Gansu', zh: '甘肃', postcodePrefixes: ['73', '74'] },
  { code: 'QH', en: 'Qinghai', zh: '青海', postcodePrefixes: ['81'] },
  { code: 'NX', en: 'Ningxia', zh: '宁夏', postcodePrefixes: ['75'] },
  { code: 'XJ', en: 'Xinjiang', zh: '新疆', postcodePrefixes: ['83', '84'] },
];

// Longest first, so 壮族自治区 goes before 自治区.
const CHINESE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];
const ENGLISH_SUFFIXES = [' province', ' municipality', ' autonomous region', ' shi', ' sheng'];

function bareName(text: string): string {
  let name = text.trim().toLowerCase();
  for (const suffix of [...CHINESE_SUFFIXES, ...ENGLISH_SUFFIXES]) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      name = name.slice(0, -suffix.length).trim();
      break;
    }
  }
  return name;
}

/** The province a name (Chinese or English, with or without 省/市/自治区) or code stands for. */
export function provinceByName(text: string): Province | undefined {
  const name = bareName(text);
  if (name === '') return undefined;
  return CHINA_PROVINCES.find(
    (p) =>
      p.zh === name ||
      p.en.toLowerCase() === name ||
      p.code.toLowerCase() === name ||
      `cn-${p.code.toLowerCase()}` === name,
  );
}

export function provinceByPostcode(postcode: string): Province | undefined {
  const digits = postcode.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return undefined;
  return CHINA_PROVINCES.find((p) => p.postcodePrefixes.includes(digits.slice(0, 2)));
}
