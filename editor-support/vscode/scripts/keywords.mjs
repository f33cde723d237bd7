// Reads the keyword table: the block of grammar/AwardLexer.g4 between
// `// keywords begin` and `// keywords end`, one rule per keyword, English
// spelling first and Chinese spelling last (cmake/Keywords.cmake reads the same
// block for the C++ table).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const lexerPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../grammar/AwardLexer.g4');

export function readKeywords(file = lexerPath) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const begin = lines.findIndex((l) => l.startsWith('// keywords begin'));
  const end = lines.findIndex((l) => l.startsWith('// keywords end'));
  if (begin < 0 || end < begin) throw new Error(`${file}: no keyword block`);
  const out = [];
  for (const line of lines.slice(begin + 1, end)) {
    const m = /^(K_[A-Z_]+)\s*:(.*);/.exec(line);
    if (!m) continue;
    const spellings = [...m[2].matchAll(/'([^']*)'/g)].map((s) => s[1]);
    out.push({ type: m[1], en: spellings[0], zh: spellings[spellings.length - 1], spellings });
  }
  return out;
}
