// Small fixed pools of clinicians, facilities and pharmacies, reused across patients the way a
// real practice's records repeat the same names. Fixed lists keep them stable across faker
// versions. NPIs carry a valid Luhn check digit (prefix 80840), like real ones.
import type { Organization, Pharmacy, Provider } from '../types.js';

function npi(base9: string): string {
  const digits = `80840${base9}`.split('').map(Number);
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i]!;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${base9}${(10 - (sum % 10)) % 10}`;
}

const provider = (givenName: string, familyName: string, base: string): Provider => ({ givenName, familyName, npi: npi(base) });

export const PRIMARY_CARE: Provider[] = [
  provider('Alan', 'Reyes', '123456789'),
  provider('Grace', 'Okafor', '198765432'),
  provider('Henry', 'Lindqvist', '145236987'),
  provider('Priya', 'Raman', '176543210'),
];
export const PEDIATRICS: Provider[] = [provider('Laura', 'Whitfield', '165498732'), provider('Samuel', 'Ortega', '132547698')];
export const SPECIALISTS: Provider[] = [provider('Miriam', 'Castellano', '187654329'), provider('Thomas', 'Nakamura', '154329876')];

export const CLINICS: Organization[] = [{ name: 'Riverside Family Practice' }, { name: 'Oak Hill Internal Medicine' }];
export const PEDIATRIC_CLINIC: Organization = { name: 'Maple Street Pediatrics' };
export const HOSPITAL: Organization = { name: 'Saint Catherine General Hospital' };

export const PHARMACIES: Pharmacy[] = [
  { name: 'Main Street Pharmacy', ncpdpId: '3712345' },
  { name: 'Riverside Drug', ncpdpId: '3798012' },
  { name: 'Northgate Apothecary', ncpdpId: '3754321' },
];
