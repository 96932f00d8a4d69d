import { performance } from 'node:perf_hooks';
import { findIdentityNumbers } from '../shared/identity/pii-guard';
import { TEST_NUMBERS } from './support';

/*
 * The identity-number guard alone, on the cells of a 100,000-row case list (what cases.import
 * reads besides the personnummer column) and on longer notes: the guard runs on every one of them.
 */
const ROWS = 100_000;
const cells: string[] = [];
for (let i = 0; i < ROWS; i++) {
  cells.push(`AKT-${i}`, `Enhet ${i % 11}`, 'FFT', '2024-03-12', i % 7 === 0 ? `Barnet bor hos mamma, tel 070-123 45 ${String(i % 100).padStart(2, '0')}` : '', TEST_NUMBERS[i % 4]);
}
const note =
  'Utredningen inleddes 2024-03-12 efter en anmälan från skolan (Dnr SOF 2024/543). Handläggaren nåddes på 08-508 252 62 kl. 14.30. ' +
  'Beslut om insats fattades 2024-04-02, kostnad 12 345,50 kr per månad, uppföljning 2024-06-30–2024-09-30. ';
const notes = Array.from({ length: 10_000 }, (_, i) => note.repeat(1 + (i % 4)));

function run(label: string, texts: readonly string[], rounds: number): void {
  let found = 0;
  for (const t of texts) found += findIdentityNumbers(t).length; // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const t of texts) found += findIdentityNumbers(t).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(rounds / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)} ms, ${found} träffar)`);
}

run(`findIdentityNumbers, ${cells.length.toLocaleString('sv-SE')} celler (${ROWS.toLocaleString('sv-SE')} rader)`, cells, 7);
run(`findIdentityNumbers, ${notes.length.toLocaleString('sv-SE')} anteckningar om 200–800 tecken`, notes, 7);
