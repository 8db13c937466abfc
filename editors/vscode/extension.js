// rtxlint for VS Code: colours RTX configs with the grammar generated from the catalogue and
// starts `rtxlint lsp` for them (the setting's binary, the one bundled in a platform package,
// or the one on PATH; see src/discovery.js). Bundled into dist/ by esbuild.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { findServer } = require('./src/discovery');
const { classify } = require('./src/files');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;
/** @type {vscode.ExtensionContext | undefined} */
let extension;

// The settings the server reads; the rest of the `rtxlint` section (`path`, `files`, `trace`)
// is the extension's own and is not sent.
const SERVER_SETTINGS = ['rtxlint.select', 'rtxlint.ignore', 'rtxlint.model', 'rtxlint.lang'];

/** `{select, ignore, model, lang}` for `initializationOptions`. */
function serverOptionsFromSettings() {
  const config = vscode.workspace.getConfiguration('rtxlint');
  const options = {
    select: config.get('select', []),
    ignore: config.get('ignore', []),
  };
  for (const key of ['model', 'lang']) {
    const value = config.get(key);
    if (typeof value === 'string' && value.trim() !== '') {
      options[key] = value.trim();
    }
  }
  return options;
}

async function startClient() {
  const context = extension;
  if (!context) return;
  const found = findServer({
    setting: vscode.workspace.getConfiguration('rtxlint').get('path'),
    extensionPath: context.extensionPath,
    pathVariable: process.env.PATH,
  });
  if (found.error) {
    output.appendLine(`rtxlint: ${found.error}`);
    vscode.window.showErrorMessage(`rtxlint: ${found.error}`);
    return;
  }
  output.appendLine(`rtxlint: starting \`${found.command} lsp\` (from the ${found.source})`);
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = {
    command: found.command,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [{ language: 'rtx' }],
    outputChannel: output,
    // Read when the server starts, so a restart picks up the current settings.
    initializationOptions: serverOptionsFromSettings,
    // Sent as workspace/didChangeConfiguration {settings: {rtxlint: {...}}} after start and
    // whenever one of them changes.
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
    output.appendLine(`rtxlint: ${message}`);
    vscode.window.showErrorMessage(`rtxlint: could not start \`${found.command} lsp\` (${message}).`);
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
  extension = context;
  output = vscode.window.createOutputChannel('rtxlint');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('rtxlint.restartServer', restartClient),
    // The earlier name of the command, kept for keybindings that use it.
    vscode.commands.registerCommand('rtxlint.restart', restartClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('rtxlint.path')) {
        restartClient();
      }
      if (event.affectsConfiguration('rtxlint.files')) {
        vscode.workspace.textDocuments.forEach((document) => classify(vscode, document));
      }
    }),
    vscode.workspace.onDidOpenTextDocument((document) => classify(vscode, document)),
  );
  await Promise.all(vscode.workspace.textDocuments.map((document) => classify(vscode, document)));
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, serverOptionsFromSettings };
