// The extension's activation and server discovery, in Node with a thin fake of the `vscode`
// module (and of vscode-languageclient) that records what the extension asks of them: VS Code
// itself cannot be downloaded here.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');

/** A fresh fake: settings, documents, and the record of every call. */
function fakeVscode(settings, documents = []) {
  const calls = { commands: [], errors: [], channels: [], languages: [], clients: [], lines: [] };
  const vscode = {
    calls,
    window: {
      createOutputChannel: (name) => {
        calls.channels.push(name);
        return { appendLine: (line) => calls.lines.push(line), dispose() {} };
      },
      showErrorMessage: (message) => calls.errors.push(message),
    },
    commands: {
      registerCommand: (name, run) => {
        calls.commands.push(name);
        return { dispose() {}, run };
      },
    },
    workspace: {
      textDocuments: documents,
      getConfiguration: () => ({ get: (key, fallback) => (key in settings ? settings[key] : fallback) }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
      onDidOpenTextDocument: () => ({ dispose() {} }),
    },
    languages: {
      // A glob match as VS Code's: `**/` any folders, `*` within one.
      match: (selector, document) => {
        const regex = new RegExp(
          '^' +
            selector.pattern
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*\*\//g, '(?:.*/)?')
              .replace(/\*/g, '[^/]*') +
            '$',
        );
        return regex.test(document.uri.path) ? 10 : 0;
      },
      setTextDocumentLanguage: async (document, language) => {
        calls.languages.push([document.uri.path, language]);
      },
    },
  };
  const languageClient = {
    TransportKind: { stdio: 0 },
    LanguageClient: class {
      constructor(id, name, server, client) {
        calls.clients.push({ server, client });
      }
      async start() {}
      async stop() {}
    },
  };
  return { vscode, languageClient };
}

/** Loads extension.js afresh against `fake`. */
function loadExtension(fake) {
  const original = Module._load;
  Module._load = function load(request, parent, isMain) {
    if (request === 'vscode') return fake.vscode;
    if (request === 'vscode-languageclient/node') return fake.languageClient;
    return original.call(this, request, parent, isMain);
  };
  try {
    const file = require.resolve('../extension.js');
    delete require.cache[file];
    return require(file);
  } finally {
    Module._load = original;
  }
}

/** A temporary folder with an executable `rtxlint` at `relative`. */
function withExecutable(relative) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtxlint-vscode-'));
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, 0o755);
  return { dir, file };
}

function document(file, languageId = 'plaintext') {
  return { languageId, uri: { scheme: 'file', path: file } };
}

test('activation registers the commands and the output channel and starts the server', async () => {
  const bundled = withExecutable(path.join('bin', `${process.platform}-${process.arch}`, 'rtxlint'));
  const fake = fakeVscode({ lang: 'ja', model: 'RTX830' });
  const extension = loadExtension(fake);
  await extension.activate({ extensionPath: bundled.dir, subscriptions: [] });
  const { calls } = fake.vscode;
  assert.deepStrictEqual(calls.commands, ['rtxlint.restartServer', 'rtxlint.restart']);
  assert.deepStrictEqual(calls.channels, ['rtxlint']);
  assert.strictEqual(calls.clients.length, 1);
  assert.strictEqual(calls.clients[0].server.command, bundled.file);
  assert.deepStrictEqual(calls.clients[0].server.args, ['lsp']);
  const options = calls.clients[0].client.initializationOptions();
  assert.deepStrictEqual(options, { select: [], ignore: [], model: 'RTX830', lang: 'ja' });
  assert.ok(calls.lines.some((l) => l.includes('from the bundled')), calls.lines.join('\n'));
});

test('discovery: the setting, then the bundled binary, then PATH, else a clear message', async () => {
  const { findServer } = require('../src/discovery');
  const bundled = withExecutable(path.join('bin', 'linux-x64', 'rtxlint'));
  const onPath = withExecutable('rtxlint');
  const mine = withExecutable(path.join('tools', 'my-rtxlint'));
  const where = { extensionPath: bundled.dir, platform: 'linux', arch: 'x64', pathVariable: onPath.dir };
  assert.deepStrictEqual(findServer({ ...where, setting: mine.file }), { command: mine.file, source: 'setting' });
  assert.deepStrictEqual(findServer(where), { command: bundled.file, source: 'bundled' });
  assert.deepStrictEqual(findServer({ ...where, arch: 'arm64' }), { command: onPath.file, source: 'path' });
  const none = findServer({ ...where, arch: 'arm64', pathVariable: '' });
  assert.match(none.error, /none bundled for linux-arm64, none on PATH/);
  const wrong = findServer({ ...where, setting: '/nowhere/rtxlint' });
  assert.match(wrong.error, /not an executable file/);
});

test('without any server the user is told, and nothing is started', async () => {
  const fake = fakeVscode({ path: '/nowhere/rtxlint' });
  const extension = loadExtension(fake);
  await extension.activate({ extensionPath: os.tmpdir(), subscriptions: [] });
  assert.strictEqual(fake.vscode.calls.clients.length, 0);
  assert.strictEqual(fake.vscode.calls.errors.length, 1);
  assert.match(fake.vscode.calls.errors[0], /rtxlint\.path/);
});

test('plain-text files matching rtxlint.files open as RTX configs', async () => {
  const fake = fakeVscode({ path: '/nowhere/rtxlint', files: ['**/network/*.txt'] }, [
    document('/repo/network/tokyo.txt'),
    document('/repo/notes/todo.txt'),
    document('/repo/network/osaka.txt', 'rtx'),
  ]);
  const extension = loadExtension(fake);
  await extension.activate({ extensionPath: os.tmpdir(), subscriptions: [] });
  assert.deepStrictEqual(fake.vscode.calls.languages, [['/repo/network/tokyo.txt', 'rtx']]);
});

test('the manifest contributes the grammar, the patterns users have and the Shift_JIS default', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const [language] = manifest.contributes.languages;
  assert.ok(language.filenamePatterns.includes('**/rtx*/**/config*.txt'));
  assert.ok(language.filenamePatterns.includes('**/routers/**/config*.txt'));
  assert.deepStrictEqual(manifest.contributes.grammars[0].scopeName, 'source.rtx');
  assert.strictEqual(manifest.contributes.configurationDefaults['[rtx]']['files.autoGuessEncoding'], true);
  for (const key of ['path', 'select', 'ignore', 'model', 'lang', 'trace.server', 'files']) {
    assert.ok(`rtxlint.${key}` in manifest.contributes.configuration.properties, key);
  }
  assert.ok(manifest.contributes.commands.some((c) => c.command === 'rtxlint.restartServer'));
  assert.ok(fs.existsSync(path.join(__dirname, '..', 'LICENSE')));
  assert.ok(fs.existsSync(path.join(__dirname, '..', '.vscodeignore')));
});
