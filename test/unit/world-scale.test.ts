import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageOn, daysBetween } from '../../server/world/dates.js';
import { generatePatient, recordIdFor } from '../../server/world/generate/index.js';
import { World } from '../../server/world/world.js';

describe('worlds of other sizes, seeds and dates', () => {
  it('generates --patients N deterministically, keeping the fixtures as its first 50', async () => {
    const a = await World.load({ seed: 20130601, patients: 120 });
    const b = await World.load({ seed: 20130601, patients: 120 });
    const fixtures = await World.load({ seed: 20130601, patients: 50 });
    assert.equal(a.count, 120);
    assert.equal(new Set(a.summaries.map((s) => s.id)).size, 120);
    assert.deepEqual(a.summaries.slice(0, 50).map((s) => s.id), fixtures.summaries.map((s) => s.id));
    const late = a.summaries[117]!.id;
    assert.deepEqual(a.record(late), b.record(late));
    assert.deepEqual(a.record(late), generatePatient(20130601, 117));
    assert.equal(a.record('0000000'), undefined);
  });

  it('gives another seed other patients with the same mix', async () => {
    const world = await World.load({ seed: 7, patients: 50 });
    assert.equal(world.summaries[0]!.id, recordIdFor(7, 0));
    assert.notEqual(world.summaries[0]!.id, recordIdFor(20130601, 0));
    assert.equal(world.summaries.filter((s) => s.demographics.gender === 'male').length, 26);
  });

  it('--today shifts every date, keeping ids, ages and intervals', async () => {
    const base = await World.load({ seed: 20130601, patients: 50 });
    const moved = await World.load({ seed: 20130601, patients: 50, today: '2026-11-28' });
    assert.equal(moved.today, '2026-11-28');
    const shift = daysBetween('2013-06-01', '2026-11-28');
    for (const summary of base.summaries.slice(0, 10)) {
      const before = base.record(summary.id)!;
      const after = moved.record(summary.id)!;
      assert.equal(after.id, before.id);
      assert.equal(daysBetween(before.demographics.birthDate, after.demographics.birthDate), shift);
      assert.equal(ageOn(after.demographics.birthDate, moved.today), ageOn(before.demographics.birthDate, base.today));
      assert.deepEqual(after.medications.map((m) => m.id), before.medications.map((m) => m.id));
      for (let i = 0; i < before.vitalSignSets.length; i++) {
        assert.equal(daysBetween(before.vitalSignSets[i]!.date, after.vitalSignSets[i]!.date), shift);
        assert.equal(after.vitalSignSets[i]!.date.slice(10), before.vitalSignSets[i]!.date.slice(10), 'time of day is kept');
      }
      assert.equal(after.clinicalNotes[0]?.text, before.clinicalNotes[0]?.text);
    }
  });
});
