// The committed fixture format: valid JSON with one statement per line, so that a regenerated
// fixture diffs readably in git while staying about half the size of fully indented JSON.
import type { PatientRecord } from './types.js';

export function formatRecord(record: PatientRecord): string {
  const lines = ['{'];
  const entries = Object.entries(record);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((item, j) => lines.push(`    ${JSON.stringify(item)}${j < value.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}', '');
  return lines.join('\n');
}
