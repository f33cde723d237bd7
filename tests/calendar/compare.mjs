// Checks the national working-day calendar against the chinese-days package,
// day by day, 2004-01-01 to 2026-12-31.
//
//   calendar-dump stdlib/calendar/national.txt | node compare.mjs
//   node compare.mjs dump.txt
//
// The dump has one line a day, `YYYY-MM-DD W` (worked) or `YYYY-MM-DD O` (off).
// chinese-days (dist/chinese-days.json) has three maps keyed by date:
//   holidays    days off for a festival, weekend days inside a span included
//   workdays    adjusted working days (调休上班) on a Saturday or Sunday
//   inLieuDays  weekdays off because a weekend day was moved (a subset of holidays)
// Its own isWorkday(d) is: workdays[d] || (Monday..Friday && !holidays[d]).
// This script uses the same rule, so inLieuDays decide nothing; it only checks
// that each of them is also a holiday.
//
// Prints each disagreement, then `N passed, N failed` (days that agree and days
// that do not); exits 1 when any day disagrees.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIRST = '2004-01-01';
const LAST = '2026-12-31';

// Days on which the oracle is known to be wrong, with the notice that says so:
// date -> { off: true|false (what the notice gives), source: '...' }.
const EXCEPTIONS = {
  // chinese-days 1.5.7 has this Saturday as an ordinary weekend day. The notice
  // for 2006 says: 元旦 1月1日至3日放假, 将12月31日(星期六)、1月1日(星期日)两个公休日
  // 调至1月2日(星期一)、3日(星期二), 12月31日(星期六)上班.
  '2005-12-31': {
    off: false,
    source: '国务院办公厅关于2006年部分节假日安排的通知, 国办发明电〔2005〕35号, 一、元旦',
  },
};

const here = dirname(fileURLToPath(import.meta.url));
const oracle = JSON.parse(
  readFileSync(join(here, 'node_modules', 'chinese-days', 'dist', 'chinese-days.json'), 'utf8'),
);
const { holidays = {}, workdays = {}, inLieuDays = {} } = oracle;

const dumpText = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : readFileSync(0, 'utf8');
const ours = new Map();
const problems = [];
for (const [i, raw] of dumpText.split('\n').entries()) {
  const line = raw.trim();
  if (!line) continue;
  const m = /^(\d{4}-\d{2}-\d{2}) ([WO])$/.exec(line);
  if (!m) {
    problems.push(`dump line ${i + 1}: cannot read \`${line}\``);
    continue;
  }
  ours.set(m[1], m[2] === 'O');
}

function* days(first, last) {
  const d = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (d <= end) {
    yield d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

function oracleOff(date) {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday .. 6 Saturday
  const weekday = dow >= 1 && dow <= 5;
  const worked = Boolean(workdays[date]) || (weekday && !holidays[date]);
  return !worked;
}

for (const date of Object.keys(inLieuDays)) {
  if (date >= FIRST && date <= LAST && !holidays[date]) {
    console.log(`note: chinese-days lists ${date} as a day in lieu but not as a holiday`);
  }
}

const word = (off) => (off ? 'off' : 'worked');
let passed = 0;
let failed = 0;
for (const date of days(FIRST, LAST)) {
  const mine = ours.get(date);
  ours.delete(date);
  if (mine === undefined) {
    failed++;
    console.log(`${date}: missing from the dump`);
    continue;
  }
  let expected = oracleOff(date);
  const exception = EXCEPTIONS[date];
  if (exception && exception.off !== expected) {
    console.log(`exception: ${date} is ${word(exception.off)} by ${exception.source}; chinese-days has it ${word(expected)}`);
    expected = exception.off;
  }
  if (mine === expected) {
    passed++;
  } else {
    failed++;
    const detail = [holidays[date] && `holiday ${holidays[date]}`, workdays[date] && `workday ${workdays[date]}`]
      .filter(Boolean)
      .join('; ');
    console.log(`${date}: ours ${word(mine)}, chinese-days ${word(oracleOff(date))}${detail ? ` (${detail})` : ''}`);
  }
}
for (const date of ours.keys()) problems.push(`dump has ${date}, outside ${FIRST}..${LAST}`);
for (const p of problems) console.log(p);
if (problems.length) failed += problems.length;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
