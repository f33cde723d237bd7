// Edits every policy (and the vocabulary) at random through `award lsp`, as a
// user mid-keystroke would: a slice cut out or a fragment typed in, then
// hover, definition and completion at random places, the outline and the
// folds. The server must answer every request without an error and never die.
// The seed is fixed, so a failure replays. Usage: node robustness.mjs AWARD FILE...
// Ends with `N passed, N failed` (one per file).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [award, ...files] = process.argv.slice(2);
const server = spawn(award, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buffer = Buffer.alloc(0);
const waiting = [];
let died = null;
server.on('exit', (code, signal) => { died = signal ?? `status ${code}`; for (const w of waiting.splice(0)) w(undefined); });
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const head = buffer.indexOf('\r\n\r\n');
    if (head < 0) return;
    const len = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, head).toString())[1]);
    if (buffer.length < head + 4 + len) return;
    const msg = JSON.parse(buffer.subarray(head + 4, head + 4 + len).toString('utf8'));
    buffer = buffer.subarray(head + 4 + len);
    waiting.shift()?.(msg);
  }
});
const send = (msg) => {
  if (died) return Promise.resolve(undefined);
  const body = Buffer.from(JSON.stringify(msg), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
  return new Promise((resolve) => waiting.push(resolve));
};

let seed = 20241122;
const random = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const fragments = ['{', '}', '(', ')', '"', '"""', ' any ', ' where ', '.', ' in {', '==', ' item ', '（一）', '𠮷',
  '\n', ' require ', ':', ',', ' article ', ' 要求 ', ' 条款 ', '/*', '//'];

let id = 1;
let passed = 0;
let failed = 0;
await send({ jsonrpc: '2.0', id: id++, method: 'initialize', params: { capabilities: {} } });
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const uri = 'file://' + path.resolve(file);
  const problems = [];
  await send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'award', version: 1, text } } });
  for (let round = 0; round < 40 && !died; round++) {
    const at = random(text.length);
    const edited = random(2)
      ? text.slice(0, at) + text.slice(Math.min(text.length, at + random(40)))
      : text.slice(0, at) + fragments[random(fragments.length)] + text.slice(at);
    await send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: round + 2 }, contentChanges: [{ text: edited }] } });
    const lines = edited.split('\n');
    const asks = [];
    for (let k = 0; k < 6; k++) {
      const line = random(lines.length);
      const position = { line, character: random(lines[line].length + 2) };
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/completion'])
        asks.push({ method, params: { textDocument: { uri }, position } });
    }
    asks.push({ method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    asks.push({ method: 'textDocument/foldingRange', params: { textDocument: { uri } } });
    for (const ask of asks) {
      const reply = await send({ jsonrpc: '2.0', id: id++, ...ask });
      if (!reply || reply.error) problems.push(`${ask.method} ${JSON.stringify(ask.params.position ?? {})} after edit ${round}: ${reply ? JSON.stringify(reply.error) : 'no reply'}`);
    }
  }
  if (died) problems.push(`the server died (${died})`);
  if (problems.length) { failed++; console.log(`FAIL ${file}\n  ${problems.slice(0, 5).join('\n  ')}`); }
  else { passed++; console.log(`ok   ${file}`); }
  if (died) break;
}
server.kill();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
