import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * E.164 for storage and matching ("13800138000" → "+8613800138000"); null when the input is not a
 * possible phone number of its region (default CN).
 */
export function normalizePhone(input: string, defaultRegion: 'CN' = 'CN'): string | null {
  const raw = input.trim();
  if (!raw || raw.length > 40 || !/^[+\d\s().-]+$/.test(raw)) return null;
  const parsed = parsePhoneNumberFromString(raw.startsWith('00') ? '+' + raw.slice(2) : raw, defaultRegion);
  return parsed && parsed.isValid() ? parsed.number : null;
}

export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}
