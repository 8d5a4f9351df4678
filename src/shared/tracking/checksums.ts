/**
 * The check-digit algorithms of parcel tracking numbers, as the public
 * tracking_number_data collection describes them (docs/tracking-numbers.md). Each takes
 * the serial (the characters the check digit protects) and returns the check character.
 */

/** UPS-style value of a serial character: a digit is itself, a letter (char code − 3) mod 10. */
function valueOf(char: string): number {
  return /[0-9]/.test(char) ? Number(char) : (char.charCodeAt(0) - 3) % 10;
}

export function mod10(
  serial: string,
  options: { evensMultiplier: number; oddsMultiplier: number; reverse: boolean },
): string {
  const chars = options.reverse ? [...serial].reverse() : [...serial];
  const sum = chars.reduce(
    (total, char, i) => total + valueOf(char) * (i % 2 === 0 ? options.evensMultiplier : options.oddsMultiplier),
    0,
  );
  return String((10 - (sum % 10)) % 10);
}

/** The serial as a whole number modulo 7 (DHL Express); beyond 2^53, hence BigInt. */
export function mod7(serial: string): string {
  return String(BigInt(serial) % 7n);
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 (China Post, EMS and the world's posts): weights 8 6 4 2 3 5 9 7, modulo 11. */
export function s10(serial: string): string {
  const r = [...serial].reduce((total, char, i) => total + Number(char) * S10_WEIGHTS[i], 0) % 11;
  return String(r === 1 ? 0 : r === 0 ? 5 : 11 - r);
}

/** Luhn: from the rightmost digit, every other digit doubled (less 9 above 9). */
export function luhn(serial: string): string {
  const sum = [...serial].reverse().reduce((total, char, i) => {
    if (i % 2 !== 0) return total + Number(char);
    const doubled = Number(char) * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return String((10 - (sum % 10)) % 10);
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 hybrid (DPD): the check may be a letter. */
export function mod37x36(serial: string): string {
  let running = 36;
  for (const char of serial) {
    running += ALPHANUMERIC.indexOf(char);
    if (running > 36) running -= 36;
    running *= 2;
    if (running > 36) running -= 37;
  }
  return ALPHANUMERIC[(37 - running) % 36];
}

/** Σ digit × weight, modulo one then modulo two (FedEx Express). */
export function weightedSum(serial: string, weightings: readonly number[], modulo1: number, modulo2: number): string {
  const sum = [...serial].reduce((total, char, i) => total + Number(char) * weightings[i], 0);
  return String((sum % modulo1) % modulo2);
}
