// Tokenises every policy in policies/ with the generated TextMate grammar, as
// VS Code does (vscode-textmate over the oniguruma WebAssembly build), and
// checks the scope of each thing an independent scan of the text finds:
// keywords, article numbers, item labels, strings, text blocks, dates and
// comments. A small Chinese-keyword text is checked the same way.
// Ends with `N passed, N failed`; exits 1 on any failure.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { readKeywords } from '../scripts/keywords.mjs';
import { scopeOf } from '../scripts/gen-grammar.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const require = createRequire(import.meta.url);

const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async () =>
    vsctm.parseRawGrammar(readFileSync(path.join(here, '../syntaxes/award.tmLanguage.json'), 'utf8'), 'award.tmLanguage.json'),
});
const grammar = await registry.loadGrammar('source.award');

const keywords = readKeywords();
const spellingType = new Map();
for (const k of keywords) for (const s of k.spellings) spellingType.set(s, k.type);

let passed = 0;
let failed = 0;
const failures = [];

// The scopes at each character of each line, as the editor would paint them.
function paint(text) {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    const at = new Array(line.length);
    for (const t of r.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) at[i] = t.scopes;
    return at;
  });
}

// An independent scan of the text (not the grammar under test): what each
// span is, from the language's own definition in docs/language.md.
function scan(text) {
  const out = [];
  const lines = text.split('\n');
  let inBlock = null; // 'text' | 'comment'
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln];
    let i = 0;
    const push = (kind, start, end, extra = {}) => out.push({ kind, line: ln, start, end, text: line.slice(start, end), ...extra });
    while (i < line.length) {
      if (inBlock) {
        const close = line.indexOf(inBlock === 'text' ? '"""' : '*/', i);
        const end = close < 0 ? line.length : close + (inBlock === 'text' ? 3 : 2);
        if (end > i) push(inBlock === 'text' ? 'textblock' : 'comment', i, end);
        if (close >= 0) inBlock = null;
        i = end;
        continue;
      }
      const rest = line.slice(i);
      let m;
      if (rest.startsWith('//')) { push('comment', i, line.length); break; }
      if (rest.startsWith('/*')) { inBlock = 'comment'; push('comment', i, i + 2); i += 2; continue; }
      if (rest.startsWith('"""')) { inBlock = 'text'; push('textblock', i, i + 3); i += 3; continue; }
      if (rest[0] === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
        push('string', i, Math.min(j + 1, line.length));
        i = j + 1;
        continue;
      }
      if ((m = /^[0-9]{4}-[0-9]{2}-[0-9]{2}/.exec(rest))) { push('date', i, i + m[0].length); i += m[0].length; continue; }
      if ((m = /^（[一二三四五六七八九十0-9]+）|^\([一二三四五六七八九十]+\)/.exec(rest))) { push('item', i, i + m[0].length); i += m[0].length; continue; }
      if ((m = /^working days?(?![\p{L}\p{N}_])/u.exec(rest))) { push('keyword', i, i + m[0].length, { type: 'K_WORKING_DAYS' }); i += m[0].length; continue; }
      if ((m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(rest))) {
        const w = m[0];
        if (/^第[零〇一二三四五六七八九十百千0-9]+条$/.test(w)) push('article', i, i + w.length);
        else if (spellingType.has(w)) push('keyword', i, i + w.length, { type: spellingType.get(w) });
        else push('name', i, i + w.length);
        i += w.length;
        continue;
      }
      i++;
    }
  }
  return out;
}

const expectations = {
  comment: (s) => s.some((x) => x.startsWith('comment.')),
  string: (s) => s.includes('string.quoted.double.award'),
  textblock: (s) => s.includes('string.quoted.triple.award'),
  date: (s) => s.includes('constant.numeric.date.award'),
  item: (s) => s.includes('entity.name.section.item.award'),
  article: (s) => s.includes('entity.name.section.article.award'),
};

function check(file, text, counts) {
  const painted = paint(text);
  const spans = scan(text);
  let prev = null;
  for (const sp of spans) {
    const scopes = painted[sp.line][sp.start] ?? [];
    let ok;
    let want;
    if (sp.kind === 'keyword') {
      want = scopeOf(sp.type);
      ok = scopes.includes(want);
    } else if (sp.kind === 'name') {
      // the label after `article` is a name to the scan but a section to the editor
      if (prev && prev.kind === 'keyword' && prev.type === 'K_ARTICLE' && prev.line === sp.line) {
        want = 'entity.name.section.article.award';
        ok = scopes.includes(want);
      } else {
        ok = true;
      }
    } else {
      want = sp.kind;
      ok = expectations[sp.kind](scopes);
    }
    if (sp.kind !== 'name' || want) counts[sp.kind] = (counts[sp.kind] ?? 0) + 1;
    if (ok) passed++;
    else {
      failed++;
      if (failures.length < 20) failures.push(`${file}:${sp.line + 1}:${sp.start + 1}: \`${sp.text}\` (${sp.kind}) has scopes ${scopes.join(' ')}, expected ${want}`);
    }
    prev = sp;
  }
}

const policies = readdirSync(path.join(root, 'policies')).filter((f) => f.endsWith('.award')).sort();
if (policies.length === 0) { console.log('no policies found'); process.exit(1); }
for (const f of policies) {
  const counts = {};
  check(`policies/${f}`, readFileSync(path.join(root, 'policies', f), 'utf8'), counts);
  console.log(`policies/${f}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
}

// Chinese keywords, each spelled as the table spells it.
const zh = Object.fromEntries(keywords.map((k) => [k.type, k.zh]));
const sample = [
  `${zh.K_POLICY} 测试-2024 "测试办法" { in_force 2024-01-01 }`,
  `${zh.K_USE} applicant`,
  `// 注释`,
  `${zh.K_ARTICLE} 第十条 "条件：" {`,
  `  ${zh.K_ITEM} （一） "运营3年以上；" {`,
  `    ${zh.K_REQUIRE} ${zh.K_TODAY} - registered_on >= 3 ${zh.K_YEARS}`,
  `    ${zh.K_EXCLUDE} ${zh.K_ANY} incidents ${zh.K_WHERE} date ${zh.K_WITHIN} 3 ${zh.K_YEARS} ${zh.K_BEFORE} ${zh.K_TODAY} ${zh.K_AND} kind ${zh.K_IN} {quality}`,
  `  }`,
  `}`,
  `${zh.K_TEST} "例" { ${zh.K_ON} 2024-06-30 ${zh.K_EXPECT} quality eligible ${zh.K_BECAUSE} 第十条（一） }`,
].join('\n');
const counts = {};
check('chinese sample', sample, counts);
console.log(`chinese sample: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);

for (const f of failures) console.log('FAIL ' + f);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
