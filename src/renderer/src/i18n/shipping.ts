/** Texts shared by the shipments area's tabs, in both languages. */
const en = {
  tabs: { list: 'Shipments', pick: 'Pick lists', pack: 'Pack station', routes: 'Delivery routes' },
};

const zhCN: typeof en = {
  tabs: { list: '发货单', pick: '拣货单', pack: '打包台', routes: '配送路线' },
};

export const shippingText = { en, zhCN };
