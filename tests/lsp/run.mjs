// Runs scripted JSON-RPC transcripts against `award lsp`.
// Usage: node run.mjs AWARD_BINARY FILE.test...
//
// A transcript is a sequence of lines:
//   # a comment
//   @file NAME          the text up to `@end` is a document, written to a
//   …                   temporary folder (so fixtures beside it resolve)
//   @end
//   --> {…}             a message to the server (it may go on for several lines)
//   <-- {…}             the next message the server must send, compared as JSON
//                       values (object keys in any order)
//   @exit N             the server must exit with status N
//   @stdlib-copy NAME   the server has written stdlib/NAME, unchanged and
//                       read-only, where its definitions point
//   @env NAME=VALUE     the server starts with this in its environment
//                       (before the first message)
// In messages, ${uri:NAME} is the document's file URI, "${text:NAME}" its text
// as a JSON string, ${stdlib} the URI of the folder the server writes the
// stdlib to, and ${dir} the URI of the temporary folder.
// Ends with `N passed, N failed`; exits 1 on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, statSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const [award, ...args] = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
let passed = 0;
let failed = 0;

const fileUri = (p) => 'file://' + p.split('/').map(encodeURIComponent).join('/');

function parseTranscript(text) {
  const steps = [];
  const docs = {};
  const env = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('@file ')) {
      const name = line.slice(6).trim();
      const body = [];
      for (i++; i < lines.length && lines[i] !== '@end'; i++) body.push(lines[i]);
      docs[name] = body.join('\n') + '\n';
      continue;
    }
    if (line.startsWith('@env ')) {
      const [name, ...value] = line.slice(5).trim().split('=');
      env[name] = value.join('=');
      continue;
    }
    if (line.startsWith('@exit ')) { steps.push({ kind: 'exit', code: Number(line.slice(6)) }); continue; }
    if (line.startsWith('@stdlib-copy ')) { steps.push({ kind: 'stdlib', name: line.slice(13).trim() }); continue; }
    const m = /^(-->|<--) ?(.*)$/.exec(line);
    if (!m) throw new Error(`line ${i + 1}: expected -->, <--, @file, @exit or #`);
    const body = [m[2]];
    while (i + 1 < lines.length && !/^(-->|<--|@|#)/.test(lines[i + 1])) body.push(lines[++i]);
    steps.push({ kind: m[1] === '-->' ? 'send' : 'expect', text: body.join('\n'), line: i + 1 });
  }
  return { steps, docs, env };
}

class Server {
  constructor(env) {
    this.proc = spawn(award, ['lsp'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.queue = [];
    this.waiters = [];
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.proc.stdout.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const head = this.buffer.indexOf('\r\n\r\n');
        if (head < 0) return;
        const m = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, head).toString());
        const len = Number(m[1]);
        if (this.buffer.length < head + 4 + len) return;
        const body = this.buffer.subarray(head + 4, head + 4 + len).toString('utf8');
        this.buffer = this.buffer.subarray(head + 4 + len);
        const msg = JSON.parse(body);
        if (this.waiters.length) this.waiters.shift()(msg);
        else this.queue.push(msg);
      }
    });
  }
  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  next(ms = 10000) {
    if (this.queue.length) return Promise.resolve(this.queue.shift());
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      this.waiters.push((m) => { clearTimeout(timer); resolve(m); });
    });
  }
}

async function run(file) {
  const { steps, docs, env } = parseTranscript(readFileSync(file, 'utf8'));
  const dir = mkdtempSync(path.join(tmpdir(), 'award-lsp-'));
  const cache = path.join(dir, 'cache');
  for (const [name, text] of Object.entries(docs)) writeFileSync(path.join(dir, name), text);
  const subst = (s) =>
    s.replace(/"\$\{text:([^}]+)\}"/g, (_, n) => JSON.stringify(docs[n]))
      .replace(/\$\{uri:([^}]+)\}/g, (_, n) => fileUri(path.join(dir, n)))
      .replace(/\$\{stdlib\}/g, fileUri(path.join(cache, 'award', 'stdlib')))
      .replace(/\$\{dir\}/g, fileUri(dir));
  const server = new Server({ XDG_CACHE_HOME: cache, AWARD_STDLIB: '', ...env });
  const name = path.basename(file);
  let ok = true;
  try {
    for (const step of steps) {
      if (step.kind === 'send') server.send(JSON.parse(subst(step.text)));
      else if (step.kind === 'expect') {
        const want = JSON.parse(subst(step.text));
        const got = await server.next();
        if (!isDeepStrictEqual(got, want)) {
          ok = false;
          console.log(`FAIL ${name}:${step.line}: the server sent\n  ${JSON.stringify(got)}\nexpected\n  ${JSON.stringify(want)}`);
        }
      } else if (step.kind === 'stdlib') {
        const copy = path.join(cache, 'award', 'stdlib', step.name);
        let text = null;
        try { text = readFileSync(copy, 'utf8'); } catch { /* reported below */ }
        if (text !== readFileSync(path.join(repo, 'stdlib', step.name), 'utf8')) {
          ok = false;
          console.log(`FAIL ${name}: ${copy} is missing or differs from stdlib/${step.name}`);
        }
        let mode = 0o222;
        try { mode = statSync(copy).mode; } catch { /* reported above */ }
        if (mode & 0o222) { ok = false; console.log(`FAIL ${name}: ${copy} is writable`); }
      } else if (step.kind === 'exit') {
        server.proc.stdin.end();
        const code = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('timeout'), 10000))]);
        if (code !== step.code) { ok = false; console.log(`FAIL ${name}: exit status ${code}, expected ${step.code}`); }
      }
    }
    const extra = await server.next(200);
    if (extra !== undefined) { ok = false; console.log(`FAIL ${name}: unexpected message ${JSON.stringify(extra)}`); }
  } finally {
    server.proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
}

for (const f of files) await run(f);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
