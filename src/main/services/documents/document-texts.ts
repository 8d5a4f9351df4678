import type { Locale } from '../../../shared/domain/settings';
import type { PaymentMethod, PaymentStatus } from '../../../shared/domain/orders';

/**
 * The printed documents' own words, in the store's document language (Settings), whatever
 * language the person printing reads on screen. They live in main because every path
 * (preview, PDF, printer) renders documents here.
 */
const en = {
  packingSlip: 'Packing slip',
  invoice: 'Invoice',
  receipt: 'Receipt',
  order: 'Order',
  date: 'Date',
  promised: 'Promised',
  shipVia: 'Ship via',
  shipTo: 'Ship to',
  billTo: 'Bill to',
  customer: 'Customer',
  sku: 'SKU',
  item: 'Item',
  quantity: 'Qty',
  bin: 'Bin',
  packed: 'Packed',
  unitPrice: 'Unit price',
  discount: 'Discount',
  amount: 'Amount',
  taxRate: 'Tax rate',
  taxable: 'Taxable',
  tax: 'Tax',
  subtotal: 'Subtotal',
  discounts: 'Discounts',
  shipping: 'Shipping',
  total: 'Total',
  taxIncluded: 'Included tax {rate} %',
  taxAdded: 'Tax {rate} %',
  taxBreakdown: 'Tax by rate',
  paid: 'Paid',
  refunded: 'Refunded',
  balanceDue: 'Balance due',
  paymentStatus: 'Payment status',
  payments: 'Payments',
  notes: 'Notes',
  returns: 'Returns',
  itemsCount: '{count} items',
  /** Around the page number and the page count: "Page 1 of 2". */
  pageOf: ['Page ', ' of ', ''] as [string, string, string],
  sheet: 'Sheet',
  terminal: 'Till',
  clerk: 'Clerk',
  walkIn: 'Walk-in customer',
  change: 'Change',
  tendered: 'Received',
  reference: 'Ref.',
  thanks: 'Thank you!',
  pricesIncludeTax: 'Prices include tax.',
  paymentStatuses: {
    unpaid: 'Unpaid',
    partially_paid: 'Partly paid',
    paid: 'Paid',
    partially_refunded: 'Partly refunded',
    refunded: 'Refunded',
  } satisfies Record<PaymentStatus, string>,
  methods: {
    cash: 'Cash',
    card: 'Card',
    transfer: 'Transfer',
    store_credit: 'Store credit',
    other: 'Other',
  } satisfies Record<PaymentMethod, string>,
};

export type DocumentTexts = typeof en;

const zhCN: DocumentTexts = {
  packingSlip: '装箱单',
  invoice: '发票',
  receipt: '小票',
  order: '单号',
  date: '日期',
  promised: '承诺送达',
  shipVia: '配送方式',
  shipTo: '收货人',
  billTo: '付款方',
  customer: '顾客',
  sku: '货号',
  item: '商品',
  quantity: '数量',
  bin: '库位',
  packed: '已装',
  unitPrice: '单价',
  discount: '折扣',
  amount: '金额',
  taxRate: '税率',
  taxable: '计税金额',
  tax: '税额',
  subtotal: '小计',
  discounts: '折扣',
  shipping: '运费',
  total: '合计',
  taxIncluded: '含税 {rate}%',
  taxAdded: '税 {rate}%',
  taxBreakdown: '按税率分列',
  paid: '已付',
  refunded: '已退',
  balanceDue: '待付',
  paymentStatus: '付款状态',
  payments: '付款',
  notes: '备注',
  returns: '退货说明',
  itemsCount: '共 {count} 件',
  pageOf: ['第 ', ' 页，共 ', ' 页'],
  sheet: '张',
  terminal: '收银台',
  clerk: '收银员',
  walkIn: '散客',
  change: '找零',
  tendered: '实收',
  reference: '参考号',
  thanks: '谢谢惠顾！',
  pricesIncludeTax: '价格已含税。',
  paymentStatuses: {
    unpaid: '未付款',
    partially_paid: '部分付款',
    paid: '已付款',
    partially_refunded: '部分退款',
    refunded: '已退款',
  },
  methods: {
    cash: '现金',
    card: '银行卡',
    transfer: '转账',
    store_credit: '储值余额',
    other: '其他',
  },
};

const TEXTS: Record<Locale, DocumentTexts> = { en, 'zh-CN': zhCN };

export function documentTexts(locale: Locale): DocumentTexts {
  return TEXTS[locale];
}

/** Fills `{name}` places in a text. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
