/** CSV import and export of the catalogue: our own format, Shopify's and WooCommerce's. */
export const imports = {};
