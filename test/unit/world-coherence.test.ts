// The clinical coherence rules of data-model.md §5.2, checked over the committed 50 patients.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { enumerations } from '../../server/ontology/enumerations.js';
import { ageOn } from '../../server/world/dates.js';
import { REFERENCE_DATE } from '../../server/world/generate/index.js';
import type { Code, PatientRecord, VitalSign } from '../../server/world/types.js';
import { World } from '../../server/world/world.js';

let records: PatientRecord[];

before(async () => {
  const world = await World.load({ seed: 20130601, patients: 50 });
  records = world.summaries.map((s) => world.record(s.id)!);
});

const num = (s: string) => Number(s);
const labValues = (r: PatientRecord, loinc: string) =>
  r.labResults.filter((l) => l.test.code === loinc && l.result.kind === 'quantitative').map((l) => ({ date: l.date, value: num((l.result as { value: string }).value) }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('the 50-patient world', () => {
  it('has stable 7-digit record ids, MRN = record id, and unique statement ids', () => {
    assert.equal(records.length, 50);
    assert.equal(new Set(records.map((r) => r.id)).size, 50);
    for (const r of records) {
      assert.match(r.id, /^\d{7}$/);
      assert.equal(r.demographics.mrn, r.id);
      const ids = [r.problems, r.medications, r.fulfillments, r.allergies, r.allergyExclusions, r.labResults, r.labPanels, r.encounters, r.vitalSignSets, r.immunizations, r.procedures, r.clinicalNotes, r.familyHistory]
        .flat()
        .map((s) => s.id);
      assert.equal(new Set(ids).size, ids.length, `duplicate statement id in ${r.id}`);
    }
  });

  it('has the specified sex and age mix', () => {
    const sexes = records.map((r) => r.demographics.gender);
    assert.equal(sexes.filter((s) => s === 'male').length, 26);
    assert.equal(sexes.filter((s) => s === 'female').length, 24);
    const bands: Record<string, number> = {};
    for (const r of records) {
      const age = ageOn(r.demographics.birthDate, REFERENCE_DATE);
      const band = age <= 4 ? '0-4' : age <= 12 ? '5-12' : age <= 17 ? '13-17' : age <= 39 ? '18-39' : age <= 64 ? '40-64' : age <= 79 ? '65-79' : '80+';
      bands[band] = (bands[band] ?? 0) + 1;
    }
    assert.deepEqual(bands, { '0-4': 3, '5-12': 5, '13-17': 2, '18-39': 6, '40-64': 20, '65-79': 9, '80+': 5 });
    const infants = records.filter((r) => ageOn(r.demographics.birthDate, REFERENCE_DATE) < 2);
    assert.equal(infants.length, 2);
    for (const r of infants) {
      assert.ok(r.demographics.gestationalAgeWeeks, 'infants carry a gestational age');
      assert.ok(r.vitalSignSets.some((v) => v.height?.name.code === '8306-3' && v.headCircumference), 'infants have lying length and head circumference');
    }
    for (const r of records) if (ageOn(r.demographics.birthDate, REFERENCE_DATE) >= 5) assert.equal(r.demographics.gestationalAgeWeeks, undefined);
  });

  it('contains every SMART 0.6.1 data type', () => {
    const count = (pick: (r: PatientRecord) => unknown[]) => records.reduce((n, r) => n + pick(r).length, 0);
    assert.ok(count((r) => r.medications) > 0 && count((r) => r.fulfillments) > 0, 'Medication with Fulfillments');
    assert.ok(count((r) => r.problems) > 0, 'Problem');
    assert.ok(count((r) => r.allergies) > 0 && count((r) => r.allergyExclusions) > 0, 'Allergy and AllergyExclusion');
    assert.ok(count((r) => r.labResults) > 0 && count((r) => r.labPanels) > 0, 'LabResult and LabPanel');
    assert.ok(count((r) => r.vitalSignSets) > 0 && count((r) => r.encounters) > 0, 'VitalSignSet with Encounter');
    assert.ok(count((r) => r.immunizations) > 0, 'Immunization');
    assert.ok(count((r) => r.procedures) > 0, 'Procedure');
    assert.ok(count((r) => r.clinicalNotes) > 0, 'ClinicalNote');
    assert.ok(count((r) => r.familyHistory) > 0, 'FamilyHistory');
    assert.ok(records.every((r) => r.socialHistory.smokingStatus.code !== ''), 'SocialHistory for everyone');
    assert.ok(records.some((r) => r.labResults.some((l) => l.result.kind === 'narrative')), 'narrative lab results');
    assert.ok(records.some((r) => r.immunizations.some((i) => i.refusalReason)), 'a refused immunization');
  });

  it('starts every prescription on or after the problem it treats', () => {
    let checked = 0;
    for (const r of records) {
      for (const m of r.medications) {
        if (!m.indicationId) continue;
        const problem = r.problems.find((p) => p.id === m.indicationId);
        assert.ok(problem, `${r.id}/${m.id} treats an unknown problem`);
        assert.ok(m.startDate >= problem.startDate, `${r.id}: ${m.drug.title} starts ${m.startDate}, before ${problem.name.title} (${problem.startDate})`);
        checked++;
      }
      for (const m of r.medications) assert.ok(!m.endDate || m.endDate >= m.startDate);
    }
    assert.ok(checked > 100);
  });

  it('links every reference to a statement of the same record', () => {
    for (const r of records) {
      const meds = new Set(r.medications.map((m) => m.id));
      const encounters = new Set(r.encounters.map((e) => e.id));
      const labs = new Set(r.labResults.map((l) => l.id));
      for (const f of r.fulfillments) assert.ok(meds.has(f.medicationId));
      for (const m of r.medications) for (const f of m.fulfillmentIds) assert.ok(r.fulfillments.some((x) => x.id === f && x.medicationId === m.id));
      for (const v of r.vitalSignSets) assert.ok(encounters.has(v.encounterId));
      for (const p of r.problems) for (const e of p.encounterIds) assert.ok(encounters.has(e));
      for (const panel of r.labPanels) for (const id of panel.resultIds) assert.ok(labs.has(id));
      assert.equal(r.vitalSignSets.length, r.encounters.length, 'one vital sign set per encounter');
    }
  });

  it('gives each code exactly one title across the data set', () => {
    const titles = new Map<string, string>();
    const visit = (system: string, code: Code | undefined) => {
      if (!code) return;
      const key = `${system}|${code.code}`;
      const seen = titles.get(key);
      assert.ok(seen === undefined || seen === code.title, `${key} has two titles: "${seen}" and "${code.title}"`);
      titles.set(key, code.title);
    };
    const vital = (v: VitalSign | undefined) => visit('loinc', v?.name);
    for (const r of records) {
      r.problems.forEach((p) => (visit('snomed', p.name), visit('snomed', p.status)));
      r.medications.forEach((m) => visit('rxnorm', m.drug));
      r.allergies.forEach((a) => (visit(a.allergenKind, a.allergen), visit('snomed', a.reaction), visit('snomed', a.category), visit('snomed', a.severity)));
      r.labResults.forEach((l) => (visit('loinc', l.test), visit('interpretation', l.interpretation), visit('labstatus', l.status)));
      r.labPanels.forEach((p) => visit('loinc', p.name));
      r.vitalSignSets.forEach((v) => {
        [v.height, v.weight, v.bodyMassIndex, v.headCircumference, v.heartRate, v.respiratoryRate, v.temperature, v.oxygenSaturation].forEach(vital);
        vital(v.bloodPressure?.systolic);
        vital(v.bloodPressure?.diastolic);
      });
      r.immunizations.forEach((i) => (visit('cvx', i.product), i.productClasses.forEach((c) => visit('vg', c))));
      r.procedures.forEach((p) => (visit('snomed', p.name), visit('snomed', p.status)));
      r.familyHistory.forEach((f) => (visit('snomed', f.relative), f.problems.forEach((p) => visit('snomed', p))));
    }
    assert.ok(titles.size > 100);
  });

  it('uses the ontology titles for enumerated codes and the exact vital units', () => {
    const members = enumerations();
    const check = (cls: string, code: Code | undefined) => {
      if (code) assert.equal(members.get(cls)?.get(code.code)?.title, code.title, `${cls} ${code.code}`);
    };
    const units: Record<string, string> = { '8480-6': 'mm[Hg]', '8462-4': 'mm[Hg]', '8867-4': '{beats}/min', '9279-1': '{breaths}/min', '8310-5': 'Cel', '3141-9': 'kg', '8302-2': 'cm', '8306-3': 'cm', '39156-5': 'kg/m2', '2710-2': '%{HemoglobinSaturation}', '8287-5': 'cm' };
    for (const r of records) {
      r.encounters.forEach((e) => check('EncounterType', e.type));
      r.problems.forEach((p) => check('ProblemStatus', p.status));
      r.allergies.forEach((a) => (check('AllergyCategory', a.category), check('AllergySeverity', a.severity)));
      r.allergyExclusions.forEach((x) => check('AllergyExclusion', x.name));
      r.labResults.forEach((l) => (check('LabResultInterpretation', l.interpretation), check('LabResultStatus', l.status)));
      r.immunizations.forEach((i) => (check('ImmunizationAdministrationStatus', i.administrationStatus), check('ImmunizationRefusalReason', i.refusalReason)));
      r.procedures.forEach((p) => check('ProcedureStatus', p.status));
      check('SmokingStatus', r.socialHistory.smokingStatus);
      for (const v of r.vitalSignSets) {
        for (const s of [v.height, v.weight, v.bodyMassIndex, v.headCircumference, v.heartRate, v.respiratoryRate, v.temperature, v.oxygenSaturation, v.bloodPressure?.systolic, v.bloodPressure?.diastolic]) {
          if (!s) continue;
          check('VitalSign', s.name);
          assert.equal(s.unit, units[s.name.code]);
        }
        check('BloodPressureBodyPosition', v.bloodPressure?.position);
        check('BloodPressureBodySite', v.bloodPressure?.site);
        check('BloodPressureMethod', v.bloodPressure?.method);
      }
    }
  });

  it('makes lab values follow the archetypes', () => {
    const with_ = (a: string) => records.filter((r) => r.archetypes.includes(a));
    const without = (a: string) => records.filter((r) => !r.archetypes.includes(a) && ageOn(r.demographics.birthDate, REFERENCE_DATE) >= 18);
    const a1c = (rs: PatientRecord[]) => rs.flatMap((r) => labValues(r, '4548-4').map((v) => v.value));
    assert.ok(Math.min(...a1c(with_('diabetes'))) >= 6.5, 'diabetics have an A1c in the diabetic range');
    assert.ok(Math.max(...a1c(without('diabetes'))) < 6.5, 'non-diabetics do not');
    const creatinine = (rs: PatientRecord[]) => median(rs.flatMap((r) => labValues(r, '2160-0').map((v) => v.value)));
    assert.ok(creatinine(with_('ckd')) >= 1.5 && creatinine(without('ckd')) < 1.2, 'CKD raises creatinine');
    // LDL falls once a statin starts.
    let compared = 0;
    for (const r of with_('hyperlipidemia')) {
      const statin = r.medications.filter((m) => /statin/i.test(m.drug.title)).map((m) => m.startDate).sort()[0];
      if (!statin) continue;
      const ldl = labValues(r, '13457-7');
      const pre = ldl.filter((l) => l.date.slice(0, 10) < statin).map((l) => l.value);
      const post = ldl.filter((l) => l.date.slice(0, 10) >= statin).map((l) => l.value);
      if (pre.length && post.length) {
        assert.ok(Math.max(...post) < Math.min(...pre), `${r.id}: LDL on a statin should be lower`);
        compared++;
      }
    }
    assert.ok(compared >= 1, 'at least one patient has LDL before and after a statin');
    // Roughly 20–30 % of quantitative results are abnormal, as in the original data.
    const interpreted = records.flatMap((r) => r.labResults.filter((l) => l.interpretation));
    const abnormal = interpreted.filter((l) => l.interpretation!.code !== 'normal').length / interpreted.length;
    assert.ok(abnormal > 0.1 && abnormal < 0.4, `abnormal share ${abnormal.toFixed(2)}`);
  });

  it('keeps smoking, COPD and warfarin coherent and every date before the reference date', () => {
    for (const r of with_('copd')) assert.match(r.socialHistory.smokingStatus.title, /smoker/i);
    for (const r of records) {
      const current = /^Current/.test(r.socialHistory.smokingStatus.title);
      const adult = ageOn(r.demographics.birthDate, REFERENCE_DATE) >= 18;
      assert.equal(r.problems.some((p) => p.name.code === '89765005'), current && adult, `${r.id}: tobacco dependence iff current smoker`);
      if (r.medications.some((m) => m.drug.code === '855334')) assert.ok(labValues(r, '6301-6').length >= 3, 'warfarin patients have INRs');
      const dates = JSON.stringify(r).match(/"\d{4}-\d{2}-\d{2}/g) ?? [];
      for (const d of dates) assert.ok(d.slice(1) <= REFERENCE_DATE, `${r.id} has a date after the reference date: ${d}`);
    }
    function with_(a: string) {
      return records.filter((r) => r.archetypes.includes(a));
    }
  });
});
