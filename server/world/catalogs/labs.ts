// LOINC laboratory catalog (data-model.md §5.4): codes, one readable title per code, UCUM units and
// the normal range emitted as sp:normalRange. `typical` is where healthy values fall; the lab
// generator moves values out of it when an archetype says so.

export interface LabTest {
  loinc: string;
  title: string;
  unit: string;
  /** Normal range [min, max] in `unit`; sex-specific where the reference range differs. */
  normal?: { male: [number, number]; female: [number, number] } | [number, number];
  /** Where values of a healthy patient fall. */
  typical?: [number, number];
  decimals: number;
}

export interface NarrativeLabTest {
  loinc: string;
  title: string;
  /** Usual answer first; the generator picks others rarely. */
  answers: string[];
}

const lab = (loinc: string, title: string, unit: string, normal: LabTest['normal'], typical: [number, number], decimals: number): LabTest => ({
  loinc, title, unit, normal, typical, decimals,
});

export const LAB_TESTS: Record<string, LabTest> = Object.fromEntries(
  [
    lab('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma', 'mg/dL', [0, 200], [160, 199], 0),
    lab('2085-9', 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', 'mg/dL', [40, 200], [42, 70], 0),
    lab('13457-7', 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation', 'mg/dL', [0, 100], [70, 99], 0),
    lab('2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma', 'mg/dL', [0, 150], [60, 149], 0),
    lab('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', '%', [4.0, 5.7], [4.8, 5.6], 1),
    lab('2345-7', 'Glucose [Mass/volume] in Serum or Plasma', 'mg/dL', [70, 99], [75, 99], 0),
    lab('14959-1', 'Microalbumin/Creatinine [Mass Ratio] in Urine', 'mg/g{creat}', [0, 30], [4, 25], 0),
    lab('2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 'mmol/L', [135, 145], [136, 144], 0),
    lab('2823-3', 'Potassium [Moles/volume] in Serum or Plasma', 'mmol/L', [3.5, 5.1], [3.8, 4.8], 1),
    lab('2075-0', 'Chloride [Moles/volume] in Serum or Plasma', 'mmol/L', [98, 107], [99, 106], 0),
    lab('2028-9', 'Carbon dioxide, total [Moles/volume] in Serum or Plasma', 'mmol/L', [22, 29], [23, 28], 0),
    lab('3094-0', 'Urea nitrogen [Mass/volume] in Serum or Plasma', 'mg/dL', [7, 20], [8, 18], 0),
    lab('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'mg/dL', { male: [0.7, 1.3], female: [0.6, 1.1] }, [0.7, 1.05], 2),
    lab('33914-3', 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by MDRD', 'mL/min/{1.73m2}', [60, 120], [65, 110], 0),
    lab('17861-6', 'Calcium [Mass/volume] in Serum or Plasma', 'mg/dL', [8.5, 10.5], [8.8, 10.2], 1),
    lab('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', [0, 45], [10, 40], 0),
    lab('1920-8', 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', [10, 40], [12, 35], 0),
    lab('6768-6', 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', [40, 129], [45, 110], 0),
    lab('1975-2', 'Bilirubin.total [Mass/volume] in Serum or Plasma', 'mg/dL', [0.1, 1.2], [0.3, 1.0], 1),
    lab('1751-7', 'Albumin [Mass/volume] in Serum or Plasma', 'g/dL', [3.5, 5.0], [3.8, 4.8], 1),
    lab('2885-2', 'Protein [Mass/volume] in Serum or Plasma', 'g/dL', [6.0, 8.3], [6.5, 7.8], 1),
    lab('3016-3', 'Thyrotropin [Units/volume] in Serum or Plasma', 'm[IU]/L', [0.4, 4.2], [0.8, 3.0], 2),
    lab('3024-7', 'Thyroxine (T4) free [Mass/volume] in Serum or Plasma', 'ng/dL', [0.8, 1.8], [0.9, 1.6], 2),
    lab('6690-2', 'Leukocytes [#/volume] in Blood by Automated count', '10*3/uL', [4.5, 11.0], [5.0, 9.0], 1),
    lab('789-8', 'Erythrocytes [#/volume] in Blood by Automated count', '10*6/uL', { male: [4.7, 6.1], female: [4.2, 5.4] }, [4.5, 5.3], 2),
    lab('718-7', 'Hemoglobin [Mass/volume] in Blood', 'g/dL', { male: [13.5, 17.5], female: [12.0, 15.5] }, [13.0, 15.0], 1),
    lab('4544-3', 'Hematocrit [Volume Fraction] of Blood by Automated count', '%', { male: [41, 53], female: [36, 46] }, [39, 45], 1),
    lab('787-2', 'MCV [Entitic volume] by Automated count', 'fL', [80, 100], [84, 96], 1),
    lab('785-6', 'MCH [Entitic mass] by Automated count', 'pg', [27, 33], [28, 32], 1),
    lab('786-4', 'MCHC [Mass/volume] by Automated count', 'g/dL', [32, 36], [32.5, 35.5], 1),
    lab('788-0', 'Erythrocyte distribution width [Ratio] by Automated count', '%', [11.5, 14.5], [12.0, 14.0], 1),
    lab('777-3', 'Platelets [#/volume] in Blood by Automated count', '10*3/uL', [150, 450], [180, 350], 0),
    lab('6301-6', 'INR in Platelet poor plasma by Coagulation assay', '{INR}', [0.8, 1.2], [0.9, 1.1], 1),
    lab('2857-1', 'Prostate specific Ag [Mass/volume] in Serum or Plasma', 'ng/mL', [0, 4.0], [0.3, 3.0], 2),
    lab('30522-7', 'C reactive protein [Mass/volume] in Serum or Plasma by High sensitivity method', 'mg/L', [0, 3], [0.3, 2.8], 1),
    lab('1989-3', '25-Hydroxyvitamin D3 [Mass/volume] in Serum or Plasma', 'ng/mL', [30, 100], [30, 45], 0),
    lab('3084-1', 'Urate [Mass/volume] in Serum or Plasma', 'mg/dL', [3.5, 7.2], [4.0, 6.8], 1),
    lab('10839-9', 'Troponin I.cardiac [Mass/volume] in Serum or Plasma', 'ng/mL', [0, 0.04], [0.0, 0.03], 2),
    lab('5804-0', 'Protein [Mass/volume] in Urine by Test strip', 'mg/dL', [0, 14], [0, 10], 0),
    lab('5811-5', 'Specific gravity of Urine by Test strip', '1', [1.005, 1.03], [1.008, 1.025], 3),
    lab('5803-2', 'pH of Urine by Test strip', '[pH]', [5.0, 8.0], [5.5, 7.0], 1),
    // Bone age has no normal range: it is read against chronological age.
    lab('37362-1', 'Bone age', 'mo', undefined, [0, 0], 0),
  ].map((t) => [t.loinc, t]),
);

export const NARRATIVE_TESTS: Record<string, NarrativeLabTest> = Object.fromEntries(
  [
    { loinc: '5767-9', title: 'Appearance of Urine', answers: ['Clear', 'Cloudy'] },
    { loinc: '5778-6', title: 'Color of Urine', answers: ['Yellow', 'Straw', 'Amber'] },
    { loinc: '5799-2', title: 'Leukocyte esterase [Presence] in Urine by Test strip', answers: ['Negative', 'Trace', 'Positive'] },
    { loinc: '5802-4', title: 'Nitrite [Presence] in Urine by Test strip', answers: ['Negative', 'Positive'] },
    { loinc: '5794-3', title: 'Hemoglobin [Presence] in Urine by Test strip', answers: ['Negative', 'Trace'] },
    { loinc: '5770-3', title: 'Bilirubin [Presence] in Urine by Test strip', answers: ['Negative'] },
    { loinc: '33903-6', title: 'Ketones [Presence] in Urine', answers: ['Negative', 'Trace'] },
  ].map((t) => [t.loinc, t]),
);

export interface LabPanelDefinition {
  loinc: string;
  title: string;
  members: string[];
}

export const LAB_PANELS = {
  lipid: { loinc: '24331-1', title: 'Lipid panel with direct HDL - Serum or Plasma', members: ['2093-3', '2085-9', '13457-7', '2571-8'] },
  bmp: { loinc: '24321-2', title: 'Basic metabolic 2000 panel - Serum or Plasma', members: ['2345-7', '2951-2', '2823-3', '2075-0', '2028-9', '3094-0', '2160-0', '17861-6'] },
  cmp: {
    loinc: '24323-8',
    title: 'Comprehensive metabolic 2000 panel - Serum or Plasma',
    members: ['2345-7', '2951-2', '2823-3', '2075-0', '2028-9', '3094-0', '2160-0', '17861-6', '1742-6', '1920-8', '6768-6', '1975-2', '1751-7', '2885-2'],
  },
  cbc: { loinc: '58410-2', title: 'CBC panel - Blood by Automated count', members: ['6690-2', '789-8', '718-7', '4544-3', '787-2', '785-6', '786-4', '788-0', '777-3'] },
  urinalysis: {
    loinc: '24357-6',
    title: 'Urinalysis macro (dipstick) panel - Urine',
    members: ['5767-9', '5778-6', '5811-5', '5803-2', '5804-0', '5799-2', '5802-4', '5794-3', '5770-3', '33903-6'],
  },
} satisfies Record<string, LabPanelDefinition>;

export type PanelKey = keyof typeof LAB_PANELS;
