// The patient world as plain typed JSON: our own simple shapes, close to the SMART 0.6.1 data
// model (data-model.md §2) but free of RDF. Serializers for the REST API map these to RDF/XML.
//
// Conventions: dates are ISO strings, `YYYY-MM-DD` for day-precision facts and
// `YYYY-MM-DDThh:mm:ssZ` for timed events; numbers that SMART carries as decimal strings are
// strings here too, so their formatting is decided once, by the generator. Coded values carry the
// code and its one canonical title; the code system is implied by the field.

export interface Code {
  code: string;
  title: string;
}

export interface Quantity {
  value: string;
  unit: string;
}

export interface Provider {
  givenName: string;
  familyName: string;
  npi: string;
}

export interface Organization {
  name: string;
}

export interface Pharmacy {
  name: string;
  ncpdpId: string;
}

export interface Address {
  street: string;
  extended?: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface Demographics {
  givenName: string;
  additionalName?: string;
  familyName: string;
  gender: 'male' | 'female';
  birthDate: string;
  mrn: string;
  address: Address;
  homePhone: string;
  cellPhone?: string;
  email: string;
  race?: string;
  ethnicity?: string;
  preferredLanguage: string;
  /** Weeks, only for young children. */
  gestationalAgeWeeks?: string;
}

export interface Problem {
  id: string;
  name: Code; // SNOMED CT
  startDate: string;
  endDate?: string;
  status?: Code; // ProblemStatus enumeration
  notes?: string;
  /** Encounter ids where the problem was addressed. */
  encounterIds: string[];
}

export interface Fulfillment {
  id: string;
  medicationId: string;
  date: string;
  dispenseDaysSupply: number;
  quantityDispensed?: Quantity;
  pharmacy: Pharmacy;
  provider: Provider;
  pbm: string;
}

export interface Medication {
  id: string;
  drug: Code; // RxNorm SCD/SBD
  startDate: string;
  endDate?: string;
  instructions: string;
  quantity?: Quantity;
  frequency?: Quantity;
  /** The problem this prescription treats; not serialized (SMART has no such link), used for coherence. */
  indicationId?: string;
  fulfillmentIds: string[];
}

export type AllergenKind = 'drug' | 'drugClass' | 'other';

export interface Allergy {
  id: string;
  startDate: string;
  endDate?: string;
  category: Code; // AllergyCategory enumeration
  allergenKind: AllergenKind;
  allergen: Code; // RxNorm ingredient, NDF-RT class, or UNII
  reaction: Code; // SNOMED CT
  severity: Code; // AllergySeverity enumeration
}

export interface AllergyExclusion {
  id: string;
  date: string;
  name: Code; // AllergyExclusion enumeration
}

export type LabResultValue =
  | { kind: 'quantitative'; value: string; unit: string; normalRange?: { min: string; max: string } }
  | { kind: 'narrative'; value: string };

export interface LabResult {
  id: string;
  test: Code; // LOINC
  date: string;
  result: LabResultValue;
  interpretation?: Code; // LabResultInterpretation enumeration
  status: Code; // LabResultStatus enumeration
  accessionNumber: string;
}

export interface LabPanel {
  id: string;
  name: Code; // LOINC panel code
  resultIds: string[];
}

export interface Encounter {
  id: string;
  startDate: string;
  endDate?: string;
  type: Code; // EncounterType enumeration
  facility: Organization;
  provider: Provider;
}

export interface VitalSign {
  name: Code; // VitalSign enumeration (LOINC)
  value: string;
  unit: string;
}

export interface BloodPressure {
  systolic: VitalSign;
  diastolic: VitalSign;
  position?: Code;
  site?: Code;
  method?: Code;
}

export interface VitalSignSet {
  id: string;
  date: string;
  encounterId: string;
  height?: VitalSign;
  weight?: VitalSign;
  bodyMassIndex?: VitalSign;
  headCircumference?: VitalSign;
  heartRate?: VitalSign;
  respiratoryRate?: VitalSign;
  temperature?: VitalSign;
  oxygenSaturation?: VitalSign;
  bloodPressure?: BloodPressure;
}

export interface Immunization {
  id: string;
  date: string;
  product: Code; // CVX
  productClasses: Code[]; // CDC vaccine groups
  administrationStatus: Code;
  refusalReason?: Code;
}

export interface Procedure {
  id: string;
  date: string;
  name: Code; // SNOMED CT procedure
  status?: Code;
  provider?: Provider;
  notes?: string;
}

export interface SocialHistory {
  smokingStatus: Code; // SmokingStatus enumeration
}

export interface ClinicalNote {
  id: string;
  date: string;
  title?: string;
  /** Media type of the text, e.g. text/plain (text/html for some posted notes). */
  format: string;
  provider?: Provider;
  text: string;
}

export interface FamilyHistory {
  id: string;
  relative: Code; // SNOMED CT relationship
  birthDate?: string;
  deathDate?: string;
  problems: Code[];
  heightCm?: string;
}

export interface PatientRecord {
  id: string;
  /** Clinical archetypes the record was built from (for documentation and coherence tests). */
  archetypes: string[];
  demographics: Demographics;
  problems: Problem[];
  medications: Medication[];
  fulfillments: Fulfillment[];
  allergies: Allergy[];
  allergyExclusions: AllergyExclusion[];
  labResults: LabResult[];
  labPanels: LabPanel[];
  encounters: Encounter[];
  vitalSignSets: VitalSignSet[];
  immunizations: Immunization[];
  procedures: Procedure[];
  socialHistory: SocialHistory;
  clinicalNotes: ClinicalNote[];
  familyHistory: FamilyHistory[];
}

/** The searchable summary of a patient, kept in memory for every record even when records are generated lazily. */
export interface PatientSummary {
  id: string;
  index: number;
  demographics: Demographics;
}
