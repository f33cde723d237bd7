// The VS Code client: starts `award lsp` (award.server.path, default `award`
// on PATH) and connects it to .award documents over standard input and output.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('award.server');
  const command = config.get('path') || 'award';
  const args = ['lsp', ...(config.get('extraArgs') || [])];
  return { command, args, transport: TransportKind.stdio };
}

async function start() {
  client = new LanguageClient('award', 'Award language server', serverOptions(), {
    documentSelector: [{ language: 'award' }],
  });
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(
      `Award: could not start \`${serverOptions().command} lsp\` (${err.message}). Set award.server.path to the award command.`);
  }
}

async function activate(context) {
  await start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('award.server')) return;
      if (client) await client.stop();
      await start();
    }),
  );
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
