// The EMR's chart tab: problems, medications, allergies, immunizations, recent labs (abnormal values
// marked) and a small hand-drawn SVG chart of blood pressure and weight over time.
const SVG = 'http://www.w3.org/2000/svg';

function table(el, headers, rows, rowClass = () => '') {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { textContent: h })))),
    el('tbody', {}, ...rows.map((r) => el('tr', { className: rowClass(r.item) }, ...r.cells.map((c) => el('td', { textContent: c ?? '' }))))),
  );
}

function section(el, title, id, ...content) {
  return el('section', { id }, el('h3', { textContent: title }), ...content);
}

/** A line chart of one or more series over dates; points with no value are skipped. */
function lineChart(points, series) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 400 160');
  svg.setAttribute('role', 'img');
  const values = series.flatMap((s) => points.map((p) => p[s.key]).filter((v) => v !== null));
  if (points.length < 2 || values.length === 0) return svg;
  const times = points.map((p) => Date.parse(p.date));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(...values) - 5, Math.max(...values) + 5];
  const x = (t) => 30 + ((t - t0) / Math.max(1, t1 - t0)) * 360;
  const y = (v) => 140 - ((v - v0) / Math.max(1, v1 - v0)) * 125;
  for (const s of series) {
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points.filter((p) => p[s.key] !== null).map((p) => `${x(Date.parse(p.date)).toFixed(1)},${y(p[s.key]).toFixed(1)}`).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', s.color);
    line.setAttribute('stroke-width', '2');
    line.dataset.series = s.key;
    svg.append(line);
  }
  for (const [v, label] of [[v0 + 5, String(Math.round(v0 + 5))], [v1 - 5, String(Math.round(v1 - 5))]]) {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', '0');
    text.setAttribute('y', String(y(v) + 4));
    text.setAttribute('font-size', '10');
    text.textContent = label;
    svg.append(text);
  }
  const span = document.createElementNS(SVG, 'text');
  span.setAttribute('x', '30');
  span.setAttribute('y', '156');
  span.setAttribute('font-size', '10');
  span.textContent = `${points[0].date} – ${points[points.length - 1].date}`;
  svg.append(span);
  return svg;
}

export function renderChart(container, chart, el) {
  container.replaceChildren(
    section(el, 'Problems', 'chart-problems', table(el, ['Problem', 'Since', 'Until', 'Status'], chart.problems.map((p) => ({ item: p, cells: [p.name, p.start, p.end, p.status] })))),
    section(el, 'Medications', 'chart-medications', table(el, ['Medication', 'Instructions', 'Since'], chart.medications.map((m) => ({ item: m, cells: [m.name, m.instructions, m.start] })))),
    section(
      el,
      'Allergies',
      'chart-allergies',
      table(el, ['Allergen', 'Reaction', 'Severity'], chart.allergies.map((a) => ({ item: a, cells: [a.allergen, a.reaction, a.severity] }))),
      el('p', { textContent: `Smoking: ${chart.smoking}` }),
    ),
    section(el, 'Immunizations', 'chart-immunizations', table(el, ['Vaccine', 'Date', 'Status'], chart.immunizations.map((i) => ({ item: i, cells: [i.name, i.date, i.status] })))),
    section(
      el,
      'Recent labs',
      'chart-labs',
      table(el, ['Test', 'Date', 'Value', 'Normal range'], chart.labs.map((l) => ({ item: l, cells: [l.name, l.date, `${l.value} ${l.unit}${l.abnormal ? ' (abnormal)' : ''}`, l.range] })), (l) => (l.abnormal ? 'abnormal' : '')),
    ),
    section(
      el,
      'Vital signs',
      'chart-vitals',
      el('p', { textContent: 'Blood pressure (systolic red, diastolic blue), mm[Hg]' }),
      lineChart(chart.vitals, [{ key: 'systolic', color: '#c0392b' }, { key: 'diastolic', color: '#2f7bd1' }]),
      el('p', { textContent: 'Weight, kg' }),
      lineChart(chart.vitals, [{ key: 'weight', color: '#27864a' }]),
    ),
  );
}
