// The bundled sample apps and our smart-api-client.js, launched in the EMR in Chromium: each app
// shows the data the REST API holds, for more than one patient; every generated wrapper works
// against the container; SMART.fail fires outside a container.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright';
import { startSandbox, type RunningSandbox } from '../../server/index.js';
import { apiCalls } from '../../server/ontology/calls.js';
import type { PatientRecord } from '../../server/world/types.js';
import { launchBrowser } from '../support/browser.js';
import { choosePatient, login } from '../support/emr.js';

let browser: Browser;
let running: RunningSandbox;
let page: Page;
let patients: PatientRecord[];

before(async () => {
  running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'warn' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await login(page, running.urls.emr);
  const records = running.sandbox.world.summaries.map((s) => running.sandbox.world.record(s.id)!);
  patients = [
    records.find((r) => r.archetypes.includes('diabetes') && r.allergies.length === 0 && r.problems.some((p) => p.endDate))!,
    records.find((r) => r.archetypes.includes('hypertension') && !r.archetypes.includes('diabetes') && r.medications.length > 2)!,
  ];
});
after(async () => {
  await browser?.close();
  await running?.close();
});

const app = (name: string) => `${name}@apps.smartplatforms.org`;

/** Shows `appId` for `record`: picking the patient may already have relaunched it. */
async function launch(record: PatientRecord, appId: string): Promise<Frame> {
  await choosePatient(page, record.id, record.demographics.familyName);
  await page.click(`[id="dock-${appId}"]`);
  const folder = appId.split('@')[0]!;
  const handle = await page.waitForFunction(
    ([path, id]) =>
      [...document.querySelectorAll<HTMLIFrameElement>('#app_content_iframe_holder iframe:not([hidden])')].find((f) => f.src.includes(`/${path}/`) && f.src.includes(`record_id=${id}`)) ?? null,
    [folder, record.id] as const,
  );
  const frame = await handle.asElement()!.contentFrame();
  if (!frame) throw new Error(`no frame for ${appId}`);
  return frame;
}

describe('bundled sample apps', () => {
  it('Hello Patient shows who the patient is', async () => {
    for (const record of patients) {
      const frame = await launch(record, app('hello-patient'));
      const d = record.demographics;
      await frame.waitForFunction((name) => document.getElementById('name')?.textContent === name, `${d.givenName} ${d.familyName}`);
      assert.equal(await frame.textContent('#gender'), d.gender);
      assert.equal(await frame.textContent('#birthday'), d.birthDate);
    }
  });

  it('Med List shows every medication with its fills', async () => {
    for (const record of patients) {
      const frame = await launch(record, app('med-list'));
      await frame.waitForFunction((n) => document.querySelectorAll('#meds tbody tr').length === n, record.medications.length);
      const rows = await frame.$$eval('#meds tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
      for (const m of record.medications) {
        const row = rows.find((r) => r[0] === m.drug.title && r[2] === m.startDate);
        assert.ok(row, `${m.drug.title} is listed`);
        assert.equal(row[3], String(m.fulfillmentIds.length));
      }
      assert.equal(await frame.$$eval('#timeline rect', (r) => r.length), record.medications.length + record.fulfillments.length);
    }
  });

  it('Problem List separates active and resolved problems', async () => {
    for (const record of patients) {
      const frame = await launch(record, app('problem-list'));
      await frame.waitForFunction((n) => document.querySelectorAll('#active li, #resolved li').length === n, record.problems.length);
      assert.equal(await frame.$$eval('#resolved li', (l) => l.length), record.problems.filter((p) => p.endDate).length);
    }
  });

  it('Vitals charts blood pressure and weight from every vital sign set', async () => {
    for (const record of patients) {
      const frame = await launch(record, app('vitals'));
      await frame.waitForFunction((text) => document.getElementById('summary')?.textContent === text, `${record.vitalSignSets.length} vital sign sets`);
      const points = await frame.$eval('#weight polyline', (l) => l.getAttribute('points')!.split(' ').length);
      assert.equal(points, record.vitalSignSets.filter((v) => v.weight).length);
      assert.equal(await frame.$$eval('#bp polyline', (l) => l.length), 2);
    }
  });

  it('Labs lists results, highlights abnormal ones and filters by LOINC through the API', async () => {
    for (const record of patients) {
      const frame = await launch(record, app('labs'));
      await frame.waitForFunction((n) => document.querySelectorAll('#labs tbody tr').length === n, record.labResults.length);
      const abnormal = record.labResults.filter((l) => l.interpretation && l.interpretation.code !== 'normal').length;
      assert.equal(await frame.$$eval('#labs tbody tr.abnormal', (r) => r.length), abnormal);
      const loinc = record.labResults[0]!.test.code;
      await frame.selectOption('#test', loinc);
      const expected = record.labResults.filter((l) => l.test.code === loinc).length;
      await frame.waitForFunction((n) => document.querySelectorAll('#labs tbody tr').length === n, expected);
      assert.deepEqual([...new Set(await frame.$$eval('#labs tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.loinc)))], [loinc]);
    }
  });

  it('Preferences & Scratchpad store per user and per record through the API', async () => {
    const [first, second] = patients as [PatientRecord, PatientRecord];
    let frame = await launch(first, app('prefs-scratchpad'));
    await frame.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded');
    await frame.fill('#preferences', 'units: metric');
    await frame.click('#save-preferences');
    await frame.waitForFunction(() => document.getElementById('status')?.textContent === 'preferences saved');
    await frame.fill('#scratchpad', `note for ${first.id}`);
    await frame.click('#save-scratchpad');
    await frame.waitForFunction(() => document.getElementById('status')?.textContent === 'scratchpad saved');
    const stored = running.sandbox.store.getScratchpad(first.id, app('prefs-scratchpad'));
    assert.equal(Buffer.from(stored!.body, 'base64').toString(), `note for ${first.id}`);
    frame = await launch(second, app('prefs-scratchpad'));
    await frame.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded');
    assert.equal(await frame.inputValue('#preferences'), 'units: metric', 'preferences follow the user');
    assert.equal(await frame.inputValue('#scratchpad'), '', 'the scratchpad belongs to the record');
  });

  it('App Caller gets a value back from the Color Picker', async () => {
    const frame = await launch(patients[0]!, app('app-caller'));
    await frame.click('#ask');
    const picker = await page.waitForFunction(() => [...document.querySelectorAll<HTMLIFrameElement>('#app_content_iframe_holder iframe:not([hidden])')].find((f) => f.src.includes('color-picker')) ?? null);
    const pickerFrame = (await picker.asElement()!.contentFrame())!;
    await pickerFrame.waitForFunction(() => /^Which color for /.test(document.getElementById('question')?.textContent ?? ''));
    await pickerFrame.click('button[data-color=green]');
    await frame.waitForFunction(() => document.getElementById('answer')?.textContent === 'green');
  });
});

describe('the Frame UI sample app', () => {
  it('hosts two inner apps side by side, launched and served through the EMR', async () => {
    for (const record of patients) {
      const frame = await launch(record, app('frame-ui'));
      await frame.waitForFunction(() => /^Hello Patient and Med List for /.test(document.getElementById('status')?.textContent ?? ''));
      const inner = await frame.$$('iframe');
      assert.equal(inner.length, 2);
      const [left, right] = (await Promise.all(inner.map((i) => i.contentFrame()))) as [Frame, Frame];
      const d = record.demographics;
      await left.waitForFunction((name) => document.getElementById('name')?.textContent === name, `${d.givenName} ${d.familyName}`);
      await right.waitForFunction((n) => document.querySelectorAll('#meds tbody tr').length === n, record.medications.length);
    }
  });
});

describe('our smart-api-client.js', () => {
  it('answers every generated wrapper against the container', async () => {
    const record = patients[0]!;
    const frame = await launch(record, app('hello-patient'));
    await frame.waitForFunction(() => (window as unknown as { SMART: { record?: object } }).SMART.record !== undefined);
    const ids: Record<string, string> = {
      allergy_id: record.allergyExclusions[0]?.id ?? 'none',
      clinical_note_id: record.clinicalNotes[0]!.id,
      document_id: 'none',
      encounter_id: record.encounters[0]!.id,
      family_history_id: record.familyHistory[0]?.id ?? 'none',
      fulfillment_id: record.fulfillments[0]!.id,
      immunization_id: record.immunizations[0]!.id,
      lab_panel_id: record.labPanels[0]!.id,
      lab_result_id: record.labResults[0]!.id,
      medication_id: record.medications[0]!.id,
      problem_id: record.problems[0]!.id,
      procedure_id: record.procedures[0]?.id ?? 'none',
      vital_sign_set_id: record.vitalSignSets[0]!.id,
      descriptor: app('hello-patient'),
    };
    const names = apiCalls().map((c) => c.name);
    const results = await frame.evaluate(
      async ([calls, params]) => {
        const SMART = (window as unknown as { SMART: Record<string, (p: object) => Promise<{ status?: number; contentType: string; objects?: { of_type: object }; json?: unknown }>> }).SMART;
        const out: Record<string, string> = {};
        for (const name of calls) {
          const args = name.startsWith('put_') ? { ...params, data: 'x', contentType: 'text/plain' } : name === 'post_clinical_note' ? { ...params, data: '<x/>', contentType: 'application/rdf+xml' } : params;
          try {
            const r = await SMART[name]!(args);
            out[name] = `ok ${r.contentType}${r.objects ? ' objects' : ''}${r.json !== undefined ? ' json' : ''}`;
          } catch (e) {
            out[name] = `error ${(e as { status?: number }).status}`;
          }
        }
        return out;
      },
      [names, ids] as const,
    );
    for (const name of names) assert.equal(await frame.evaluate((n) => typeof (window as unknown as Record<string, Record<string, unknown>>).SMART![n], name), 'function', `SMART.${name} exists`);
    const expectations: Record<string, RegExp> = {
      get_photograph: /^error 404$/,
      search_records: /^error 403$/,
      post_clinical_note: /^error 400$/,
      get_ontology: /^ok application\/rdf\+xml objects$/,
      get_container_manifest: /^ok application\/json json$/,
      get_app_manifests: /^ok application\/json json$/,
      get_app_manifest: /^ok application\/json json$/,
    };
    for (const name of names) {
      const expected = expectations[name] ?? (/^(put|get|delete)_(user_preferences|scratchpad_data)$/.test(name) ? /^ok text\/(plain|html)/ : /^ok application\/rdf\+xml( objects)?$/);
      assert.match(results[name] ?? 'missing', expected, name);
    }
  });

  it('queries response graphs with where/each and returns promise-like responses', async () => {
    const record = patients[0]!;
    const frame = await launch(record, app('hello-patient'));
    await frame.waitForFunction(() => (window as unknown as { SMART: { record?: object } }).SMART.record !== undefined);
    const result = await frame.evaluate(async () => {
      const SMART = (window as unknown as { SMART: any }).SMART;
      const titles: string[] = [];
      const r = await SMART.get_medications();
      r.graph
        .where('?m rdf:type sp:Medication')
        .where('?m sp:drugName ?d')
        .where('?d dcterms:title ?t')
        .each(function (this: { t: { value: string } }) {
          titles.push(this.t.value);
        });
      const viaDone = await new Promise<number>((resolve) => SMART.get_problems().done((p: { objects: { of_type: { Problem: unknown[] } } }) => resolve(p.objects.of_type.Problem.length)));
      const denied = await new Promise((resolve) => SMART.api_call({ url: '/records/0000000/medications/', method: 'GET' }).error((e: { status: number }) => resolve(e.status)));
      const summary = (await SMART.get_vital_sign_sets({ limit: 2 })).objects.of_type.ResponseSummary[0];
      return { titles, viaDone, denied, order: summary.resultOrder.length, total: summary.totalResultCount };
    });
    assert.deepEqual(result.titles.sort(), record.medications.map((m) => m.drug.title).sort());
    assert.equal(result.viaDone, record.problems.length);
    assert.equal(result.denied, 403);
    assert.equal(result.order, 2, 'resultOrder becomes an array of the page\'s statements');
    assert.equal(result.total, record.vitalSignSets.length);
  });

  it('calls SMART.fail outside a container', async () => {
    const outside = await browser.newPage();
    await outside.goto(`${running.urls.apps}/hello-patient/index.html`);
    await outside.waitForFunction(() => /I need a container/.test(document.getElementById('status')?.textContent ?? ''));
    await outside.close();
  });
});
