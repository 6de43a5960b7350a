// Allergens by SMART's coding rules (data-model.md §5.9): a drug is an RxNorm ingredient, a drug
// class an NDF-RT class, a food or environmental substance a UNII. `excludes` lists the RxNorm
// ingredients the generator must then never prescribe.
import type { AllergenKind } from '../types.js';

export interface Allergen {
  kind: AllergenKind;
  code: string;
  title: string;
  category: string; // AllergyCategory identifier
  reaction: { code: string; title: string };
  excludes: string[];
}

const RASH = { code: '271807003', title: 'Skin rash' };
const HIVES = { code: '126485001', title: 'Urticaria' };
const ANAPHYLAXIS = { code: '39579001', title: 'Anaphylaxis' };

export const ALLERGENS: Allergen[] = [
  { kind: 'drugClass', code: 'N0000175503', title: 'Sulfonamide Antibacterial', category: '416098002', reaction: RASH, excludes: ['10180'] },
  { kind: 'drug', code: '7980', title: 'Penicillin G', category: '416098002', reaction: HIVES, excludes: ['7980', '723'] },
  { kind: 'drug', code: '723', title: 'Amoxicillin', category: '416098002', reaction: RASH, excludes: ['723'] },
  { kind: 'drug', code: '2231', title: 'Cephalexin', category: '416098002', reaction: ANAPHYLAXIS, excludes: ['2231'] },
  { kind: 'drug', code: '4053', title: 'Erythromycin', category: '416098002', reaction: RASH, excludes: ['4053'] },
  { kind: 'drug', code: '2551', title: 'Ciprofloxacin', category: '416098002', reaction: { code: '422400008', title: 'Vomiting' }, excludes: ['2551'] },
  { kind: 'drug', code: '2670', title: 'Codeine', category: '59037007', reaction: { code: '422587007', title: 'Nausea' }, excludes: ['2670'] },
  { kind: 'drug', code: '1191', title: 'Aspirin', category: '416098002', reaction: { code: '4386001', title: 'Bronchospasm' }, excludes: ['1191'] },
  { kind: 'drug', code: '5640', title: 'Ibuprofen', category: '416098002', reaction: { code: '41291007', title: 'Angioedema' }, excludes: ['5640', '7258'] },
  { kind: 'drug', code: '29046', title: 'Lisinopril', category: '59037007', reaction: { code: '49727002', title: 'Cough' }, excludes: ['29046', '35296'] },
  { kind: 'other', code: 'QE1QX6B99R', title: 'Peanut', category: '414285001', reaction: ANAPHYLAXIS, excludes: [] },
  { kind: 'other', code: '1891LE191T', title: 'Shrimp', category: '414285001', reaction: ANAPHYLAXIS, excludes: [] },
  { kind: 'other', code: '2LQ0UUW8IN', title: 'Latex', category: '426232007', reaction: { code: '238575004', title: 'Allergic contact dermatitis' }, excludes: [] },
  { kind: 'other', code: 'JQ5HI5004M', title: 'Tree pollen', category: '426232007', reaction: { code: '389145006', title: 'Allergic asthma' }, excludes: [] },
];
