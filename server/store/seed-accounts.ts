// The clinician accounts every sandbox starts with. Passwords are public on purpose (they are
// printed on the login page and in the README); the fixture generator stores them hashed in
// fixtures/accounts.json so start-up needs no key derivation.
import type { NewAccount } from './store.js';

export const DEFAULT_LOGIN = { email: 'demo@example.org', password: 'demo' };

export const SEED_ACCOUNTS: readonly NewAccount[] = [
  { email: 'demo@example.org', password: 'demo', givenName: 'Demo', familyName: 'Clinician', department: 'Internal Medicine', role: 'physician' },
  { email: 'jane.doe@example.org', password: 'jane', givenName: 'Jane', familyName: 'Doe', department: 'Pediatrics', role: 'physician' },
  { email: 'ravi.patel@example.org', password: 'ravi', givenName: 'Ravi', familyName: 'Patel', department: 'Cardiology', role: 'physician' },
  { email: 'maria.lopez@example.org', password: 'maria', givenName: 'Maria', familyName: 'Lopez', department: 'Family Medicine', role: 'nurse' },
];
