// CVX vaccine products and CDC vaccine groups (data-model.md §5.8). Group codes are given only where
// the product maps to one group; `productClass` is optional and left out when unsure.
export interface Vaccine {
  cvx: string;
  title: string;
  groups: { code: string; title: string }[];
}

const group = (code: string, title: string) => ({ code, title });

export const VACCINES: Record<string, Vaccine> = Object.fromEntries(
  [
    { cvx: '141', title: 'Influenza, seasonal, injectable', groups: [] },
    { cvx: '140', title: 'Influenza, seasonal, injectable, preservative free', groups: [] },
    { cvx: '135', title: 'Influenza, high dose seasonal', groups: [] },
    { cvx: '115', title: 'Tdap', groups: [] },
    { cvx: '33', title: 'pneumococcal polysaccharide vaccine, 23 valent', groups: [] },
    { cvx: '133', title: 'Pneumococcal conjugate PCV 13', groups: [] },
    { cvx: '121', title: 'zoster vaccine, live', groups: [] },
    { cvx: '03', title: 'measles, mumps and rubella virus vaccine', groups: [group('MMR', 'MMR')] },
    { cvx: '21', title: 'varicella virus vaccine', groups: [group('VARICELLA', 'Varicella')] },
    { cvx: '110', title: 'DTaP-hepatitis B and poliovirus vaccine', groups: [group('DTAP', 'DTaP'), group('HepB', 'HepB'), group('POLIO', 'Polio')] },
    { cvx: '20', title: 'DTaP', groups: [group('DTAP', 'DTaP')] },
    { cvx: '10', title: 'IPV', groups: [group('POLIO', 'Polio')] },
    { cvx: '116', title: 'rotavirus, live, pentavalent vaccine', groups: [group('ROTAVIRUS', 'Rotavirus')] },
    { cvx: '08', title: 'Hep B, adolescent or pediatric', groups: [group('HepB', 'HepB')] },
    { cvx: '83', title: 'Hep A, ped/adol, 2 dose', groups: [group('HepA', 'HepA')] },
    { cvx: '114', title: 'meningococcal polysaccharide (groups A, C, Y and W-135) diphtheria toxoid conjugate vaccine (MCV4P)', groups: [group('MENING', 'Meningococcal')] },
    { cvx: '62', title: 'HPV, quadrivalent', groups: [group('HPV', 'HPV')] },
  ].map((v) => [v.cvx, v]),
);
