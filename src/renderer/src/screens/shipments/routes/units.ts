import i18next from 'i18next';

/** Stored units (grams, cm³, metres) as people read them (kg, litres or m³, km). */
function decimal(value: number, digits: number): string {
  return new Intl.NumberFormat(i18next.language, { maximumFractionDigits: digits }).format(value);
}

export const formatKg = (grams: number) => `${decimal(grams / 1000, 1)} kg`;
export const formatLitres = (cm3: number) => `${decimal(cm3 / 1000, 1)} L`;
export const formatCubicMetres = (cm3: number) => `${decimal(cm3 / 1_000_000, 2)} m³`;
export const formatKm = (metres: number) => `${decimal(metres / 1000, 1)} km`;

/** A form's number box: empty is null, anything else must be a number. */
export function numberOrNull(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  return Number(trimmed);
}

/** A number of kg/L/m³ typed in a box, scaled to whole stored units (NaN stays NaN so the schema refuses it). */
export function scaled(text: string, factor: number): number | null {
  const value = numberOrNull(text);
  if (value === null) return null;
  return Number.isNaN(value) ? Number.NaN : Math.round(value * factor);
}

export const shown = (value: number | null, factor = 1) => (value === null ? '' : String(value / factor));

/** Distinct colours for routes, in the order routes are listed; they repeat after ten. */
const COLOURS = [
  '#1f6feb',
  '#d1242f',
  '#1a7f37',
  '#bf8700',
  '#8250df',
  '#0a7ea4',
  '#cf222e',
  '#6e7781',
  '#e16f24',
  '#116329',
];
export const routeColour = (index: number) => COLOURS[index % COLOURS.length];

/** Today in the machine's time zone, as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
