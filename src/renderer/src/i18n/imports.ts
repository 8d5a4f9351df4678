/** Texts of the catalogue import and export screens, in both languages. */
export const importsText = {
  en: {},
  zhCN: {},
};
