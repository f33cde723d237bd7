// Packs the extension into a .vsix with @vscode/vsce, in a temporary folder,
// and checks that the package holds the grammar, the language configuration,
// the snippets, the client and its language-client dependency.
// Ends with `N passed, N failed`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const dir = mkdtempSync(path.join(tmpdir(), 'award-vsix-'));
const out = path.join(dir, 'award.vsix');
let passed = 0;
let failed = 0;
try {
  execFileSync(process.execPath, [vsce, 'package', '--out', out, '--skip-license'], { cwd: ext, stdio: ['ignore', 'inherit', 'inherit'] });
  const size = statSync(out).size;
  console.log(`packed ${out}: ${size} bytes`);
  // a zip's central directory keeps each entry's name as plain bytes
  const zip = readFileSync(out).toString('latin1');
  for (const entry of [
    'extension/package.json',
    'extension/extension.js',
    'extension/syntaxes/award.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/snippets/award.json',
    'extension/node_modules/vscode-languageclient/package.json',
  ]) {
    if (zip.includes(entry)) passed++;
    else { failed++; console.log(`FAIL the package lacks ${entry}`); }
  }
  for (const absent of ['extension/test/', 'extension/node_modules/@vscode/vsce/', 'extension/node_modules/vscode-textmate/']) {
    if (!zip.includes(absent)) passed++;
    else { failed++; console.log(`FAIL the package carries ${absent}, which is for development only`); }
  }
} catch (e) {
  failed++;
  console.log(`FAIL vsce package: ${e.message}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
