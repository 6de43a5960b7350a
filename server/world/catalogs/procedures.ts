// SNOMED CT procedures (data-model.md §5.10), coded as spcode:Procedure.
export const PROCEDURES = {
  diabeticFootExam: { code: '401191002', title: 'Diabetic foot examination' },
  eyeExam: { code: '36228007', title: 'Ophthalmic examination and evaluation' },
  smokingCessation: { code: '384742004', title: 'Smoking cessation assistance' },
  peakFlow: { code: '401011001', title: 'Peak expiratory flow rate monitoring using diary' },
  cabg: { code: '10326007', title: 'Coronary artery bypass with autogenous graft, three grafts' },
  mastectomy: { code: '359728003', title: 'Radical mastectomy including pectoral muscles and axillary lymph nodes' },
  colonoscopy: { code: '73761001', title: 'Colonoscopy' },
  mammography: { code: '71651007', title: 'Mammography' },
  ecg: { code: '29303009', title: 'Electrocardiographic procedure' },
  chestXray: { code: '399208008', title: 'Plain chest X-ray' },
  hipReplacement: { code: '52734007', title: 'Total replacement of hip' },
} as const;
