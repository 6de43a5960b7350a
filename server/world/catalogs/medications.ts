// RxNorm clinical and branded drugs (TTY SCD/SBD, never ingredients) with their usual sig
// (data-model.md §5.6). `quantity`/`frequency` are the structured form of simple sigs; tapers and
// PRN regimens leave them out, as the original data did.

export interface Drug {
  rxcui: string;
  title: string;
  instructions: string;
  quantity?: [string, string];
  frequency?: [string, string];
  /** Days supplied per fill; chronic drugs pick one of these. */
  supply: number[];
  /** Units dispensed per fill when it is not quantity × frequency × days (inhalers, PRN packs). */
  dispensed?: [string, string];
  /** RxNorm ingredient codes, so allergies can exclude the drug. */
  ingredients: string[];
}

const drug = (
  rxcui: string,
  title: string,
  instructions: string,
  dose: [string, string] | null,
  frequency: [string, string] | null,
  supply: number[],
  ingredients: string[],
  dispensed?: [string, string],
): Drug => ({
  rxcui, title, instructions, supply, ingredients,
  ...(dose ? { quantity: dose } : {}),
  ...(frequency ? { frequency } : {}),
  ...(dispensed ? { dispensed } : {}),
});

const TAB: [string, string] = ['1', '{tablet}'];
const CAP: [string, string] = ['1', '{capsule}'];
const DAILY: [string, string] = ['1', '/d'];
const BID: [string, string] = ['2', '/d'];

export const DRUGS: Record<string, Drug> = Object.fromEntries(
  [
    drug('314077', 'Lisinopril 20 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [30, 90], ['29046']),
    drug('314076', 'Lisinopril 10 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [30, 90], ['29046']),
    drug('311354', 'Lisinopril 5 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [30], ['29046']),
    drug('197361', 'Amlodipine 5 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [30, 90], ['17767']),
    drug('310798', 'Hydrochlorothiazide 25 MG Oral Tablet', '1 tablet by mouth every morning', TAB, DAILY, [30, 90], ['5487']),
    drug('199903', 'Hydrochlorothiazide 12.5 MG Oral Capsule', '1 capsule by mouth daily', CAP, DAILY, [30], ['5487']),
    drug('197381', 'Atenolol 50 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [30, 90], ['1202']),
    drug('866514', 'Metoprolol 50 MG Oral Tablet', '1 tablet by mouth twice daily', TAB, BID, [30, 90], ['6918']),
    drug('200033', 'carvedilol 25 MG Oral Tablet', '1 tablet by mouth twice daily with food', TAB, BID, [30], ['20352']),
    drug('310429', 'Furosemide 20 MG Oral Tablet', '1 tablet by mouth every morning', TAB, DAILY, [30], ['4603']),
    drug('261962', 'Ramipril 10 MG Oral Capsule', '1 capsule by mouth daily', CAP, DAILY, [90], ['35296']),
    drug('153666', 'irbesartan 150 MG Oral Tablet [Avapro]', '1 tablet by mouth daily', TAB, DAILY, [30], ['83818']),
    drug('351761', 'valsartan 80 MG Oral Tablet [Diovan]', '1 tablet by mouth daily', TAB, DAILY, [30, 90], ['69749']),
    drug('198211', 'Simvastatin 40 MG Oral Tablet', '1 tablet by mouth at bedtime', TAB, DAILY, [30, 90], ['36567']),
    drug('312961', 'Simvastatin 20 MG Oral Tablet', '1 tablet by mouth at bedtime', TAB, DAILY, [90], ['36567']),
    drug('617318', 'atorvastatin 20 MG Oral Tablet [Lipitor]', '1 tablet by mouth at bedtime', TAB, DAILY, [30, 90], ['83367']),
    drug('859749', 'rosuvastatin 10 MG Oral Tablet [Crestor]', '1 tablet by mouth at bedtime', TAB, DAILY, [30], ['301542']),
    drug('861007', 'Metformin 500 MG Oral Tablet', '1 tablet by mouth twice daily with meals', TAB, BID, [30, 90], ['6809']),
    drug('860981', 'Metformin 750 MG Extended Release Tablet', '1 tablet by mouth twice daily with meals', TAB, BID, [30], ['6809']),
    drug('199246', 'glimepiride 2 MG Oral Tablet', '1 tablet by mouth daily with breakfast', TAB, DAILY, [30], ['25789']),
    drug('310489', '24 HR Glipizide 2.5 MG Extended Release Tablet', '1 tablet by mouth daily with breakfast', TAB, DAILY, [30], ['4821']),
    drug('213169', 'clopidogrel 75 MG Oral Tablet [Plavix]', '1 tablet by mouth daily', TAB, DAILY, [30], ['32968']),
    drug('855334', 'Warfarin 5 MG Oral Tablet [Coumadin]', '1 tablet by mouth daily or as directed by INR', TAB, DAILY, [90], ['11289']),
    drug('197606', 'Digoxin 0.25 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [30], ['3407']),
    drug('198039', 'Nitroglycerin 0.4 MG Sublingual Tablet', '1 tablet under the tongue every 5 minutes as needed for chest pain, up to 3 doses', null, null, [30], ['4917'], ['25', '{tablet}']),
    drug('317797', 'Thyroxine 0.088 MG Oral Tablet', '1 tablet by mouth daily before breakfast', TAB, DAILY, [30, 90], ['10582']),
    drug('206486', 'Thyroxine 0.112 MG Oral Tablet [Synthroid]', '1 tablet by mouth daily before breakfast', TAB, DAILY, [30], ['10582']),
    drug('314200', 'pantoprazole 40 MG Enteric Coated Tablet', '1 tablet by mouth daily before breakfast', TAB, DAILY, [30], ['40790']),
    drug('200329', 'Omeprazole 40 MG Enteric Coated Capsule', '1 capsule by mouth daily before breakfast', CAP, DAILY, [30], ['7646']),
    drug('198191', 'Ranitidine 150 MG Oral Tablet', '1 tablet by mouth twice daily', TAB, BID, [90], ['9143']),
    drug('312938', 'Sertraline 100 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [30], ['36437']),
    drug('352272', 'Escitalopram 10 MG Oral Tablet [Lexapro]', '1 tablet by mouth daily', TAB, DAILY, [90], ['321988']),
    drug('856377', 'Trazodone 50 MG Oral Tablet', '1 tablet by mouth at bedtime', TAB, DAILY, [30], ['10737']),
    drug('197901', 'Lorazepam 1 MG Oral Tablet', '1 tablet by mouth twice daily as needed for anxiety', null, null, [30], ['6470'], ['30', '{tablet}']),
    drug('745679', '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', '2 puffs inhaled every 6 hours as needed for shortness of breath', null, null, [25], ['435'], ['1', '{inhaler}']),
    drug('153892', 'montelukast 10 MG Oral Tablet [Singulair]', '1 tablet by mouth daily in the evening', TAB, DAILY, [30], ['88249']),
    drug('580261', 'tiotropium 0.018 MG/ACTUAT Inhalant Powder [Spiriva]', '1 capsule inhaled daily', ['1', '{puff}'], DAILY, [30], ['69120']),
    drug('310333', 'fexofenadine 180 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [90], ['87636']),
    drug('198014', 'Naproxen 500 MG Oral Tablet', '1 tablet by mouth twice daily as needed for pain', null, null, [30], ['7258'], ['60', '{tablet}']),
    drug('617264', 'Alendronate 70 MG Oral Tablet', '1 tablet by mouth once weekly', TAB, ['1', '/wk'], [84], ['46041']),
    drug('197319', 'Allopurinol 100 MG Oral Tablet', '1 tablet by mouth daily', TAB, DAILY, [30], ['519']),
    drug('308194', 'Amoxicillin 875 MG Oral Tablet', '1 tablet by mouth twice daily for 10 days', TAB, BID, [10], ['723']),
    drug('562508', 'Amoxicillin 875 MG / Clavulanate 125 MG Oral Tablet', '1 tablet by mouth twice daily for 10 days', TAB, BID, [10], ['723', '48203']),
    drug('309114', 'Cephalexin 500 MG Oral Capsule', '1 capsule by mouth four times daily for 10 days', CAP, ['4', '/d'], [10], ['2231']),
    drug('199026', 'Doxycycline 100 MG Oral Capsule', '1 capsule by mouth twice daily for 7 days', CAP, BID, [7], ['3640']),
    drug('309309', 'Ciprofloxacin 500 MG Oral Tablet', '1 tablet by mouth twice daily for 7 days', TAB, BID, [7], ['2551']),
    drug('311681', 'Metronidazole 500 MG Oral Tablet', '1 tablet by mouth three times daily for 7 days', TAB, ['3', '/d'], [7], ['6922']),
    drug('308189', 'Amoxicillin 80 MG/ML Oral Suspension', '7 mL by mouth twice daily for 10 days', ['7', 'mL'], BID, [10], ['723']),
    drug('312615', 'Prednisone 20 MG Oral Tablet', 'Taper as directed: 2 tablets daily for 3 days, then 1 tablet daily for 2 days', null, null, [5], ['8640'], ['8', '{tablet}']),
  ].map((d) => [d.rxcui, d]),
);

/** Drug classes used by archetypes; the generator picks within a class. */
export const DRUG_CLASSES = {
  aceInhibitor: ['314077', '314076', '311354', '261962'],
  arb: ['153666', '351761'],
  thiazide: ['310798', '199903'],
  calciumBlocker: ['197361'],
  betaBlocker: ['197381', '866514'],
  statin: ['198211', '312961', '617318', '859749'],
  metformin: ['861007', '860981'],
  sulfonylurea: ['199246', '310489'],
  thyroid: ['317797', '206486'],
  ppi: ['314200', '200329', '198191'],
  antidepressant: ['312938', '352272'],
  anxiolytic: ['197901'],
  sleep: ['856377'],
  rescueInhaler: ['745679'],
  controllerAsthma: ['153892'],
  copdMaintenance: ['580261'],
  antihistamine: ['310333'],
  nsaid: ['198014'],
  antiplatelet: ['213169'],
  anticoagulant: ['855334'],
  rateControl: ['197606'],
  nitrate: ['198039'],
  heartFailureBeta: ['200033'],
  loopDiuretic: ['310429'],
  bisphosphonate: ['617264'],
  gout: ['197319'],
} satisfies Record<string, string[]>;

export type DrugClass = keyof typeof DRUG_CLASSES;
