// rtxlint for VS Code: starts `rtxlint lsp` for documents of language `rtx`.
// Plain JavaScript, no build step; the only dependency is vscode-languageclient.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

// The settings the server reads; the rest of the `rtxlint` section (`path`, `trace`) is the
// extension's own and is not sent.
const SERVER_SETTINGS = ['rtxlint.select', 'rtxlint.ignore', 'rtxlint.model'];

/** `{select, ignore, model}` for `initializationOptions`. */
function serverOptionsFromSettings() {
  const config = vscode.workspace.getConfiguration('rtxlint');
  const options = {
    select: config.get('select', []),
    ignore: config.get('ignore', []),
  };
  const model = config.get('model');
  if (typeof model === 'string' && model.trim() !== '') {
    options.model = model.trim();
  }
  return options;
}

async function startClient() {
  const command = vscode.workspace.getConfiguration('rtxlint').get('path') || 'rtxlint';
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [{ language: 'rtx' }],
    // Read when the server starts, so a restart picks up the current settings.
    initializationOptions: serverOptionsFromSettings,
    // Sent as workspace/didChangeConfiguration {settings: {rtxlint: {select, ignore, model}}}
    // after start and whenever one of them changes.
    synchronize: { configurationSection: SERVER_SETTINGS },
  };
  const next = new LanguageClient('rtxlint', 'rtxlint', serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
  } catch (error) {
    if (client === next) {
      client = undefined;
    }
    const message = error instanceof Error ? error.message : String(error);
    vscode.window.showErrorMessage(
      `rtxlint: could not start \`${command} lsp\` (${message}). ` +
        'Install rtxlint (`cargo install --path .` in its repository) or set "rtxlint.path".'
    );
  }
}

async function stopClient() {
  const current = client;
  client = undefined;
  if (current) {
    try {
      await current.stop();
    } catch (_) {
      // Already stopped or never started.
    }
  }
}

async function restartClient() {
  await stopClient();
  await startClient();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('rtxlint.restart', restartClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('rtxlint.path')) {
        restartClient();
      }
    })
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
