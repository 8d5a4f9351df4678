/**
 * Whether a link the renderer opens in a new window goes to the system's browser: only
 * https pages (carriers' tracking pages). Everything else, file:, http:, custom schemes,
 * stays refused, so a crafted link cannot start a local program.
 */
export function opensInBrowser(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
