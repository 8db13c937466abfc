// The generated grammar (../rtx.tmLanguage.json), run by the tokenizer VS Code itself uses
// (vscode-textmate with the Oniguruma WebAssembly build): every line of every config we have
// tokenises, the scopes land where they should, and a few files' scopes are snapshotted
// (`UPDATE_SNAPSHOTS=1 npm test` writes them).
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.join(__dirname, '..', '..', '..');
const grammarPath = path.join(__dirname, '..', 'rtx.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.rtx') {
        return null; // source.lua is the editor's own; without it the body stays plain.
      }
      const text = fs.readFileSync(grammarPath, 'utf8');
      return vsctm.parseRawGrammar(text, grammarPath);
    },
  });
  return registry.loadGrammar('source.rtx');
}

/** Every config we have: the repository's corpus and, when present, ../shared/corpus. */
function configs() {
  const dirs = [path.join(root, 'corpus'), path.join(root, 'corpus', 'scenarios'), path.join(root, '..', 'shared', 'corpus')];
  const files = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.endsWith('.txt')) files.push(path.join(dir, name));
    }
  }
  return files;
}

/** The tokens of `text`, line by line: [{text, scopes}] (scopes without the root). */
function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  const lines = [];
  for (const line of text.split(/\r?\n/)) {
    const result = grammar.tokenizeLine(line, state);
    lines.push(
      result.tokens.map((t) => ({
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes.slice(1),
      })),
    );
    state = result.ruleStack;
  }
  return lines;
}

function scopesOf(tokens, text) {
  const token = tokens.find((t) => t.text === text);
  return token ? token.scopes : undefined;
}

test('every line of every config tokenises, quickly', async () => {
  const grammar = await loadGrammar();
  const files = configs();
  assert.ok(files.length >= 10, `only ${files.length} configs found`);
  for (const file of files) {
    // Shift_JIS files read as latin1: the tokenizer sees every byte, as an editor that
    // guessed wrong would show it.
    const text = fs.readFileSync(file, 'latin1');
    const started = Date.now();
    const lines = tokenize(grammar, text);
    assert.ok(Date.now() - started < 5000, `${file} took ${Date.now() - started} ms`);
    text.split(/\r?\n/).forEach((line, i) => {
      const rebuilt = lines[i].map((t) => t.text).join('');
      assert.strictEqual(rebuilt, line, `${file}:${i + 1}: tokens do not cover the line`);
      const inBody = lines[i].some((t) => t.scopes.some((s) => s.includes('heredoc') || s.startsWith('meta.embedded')));
      if (/^\s*#/.test(line) && !inBody) {
        assert.ok(
          lines[i].every((t) => t.scopes.some((s) => s.startsWith('comment.'))),
          `${file}:${i + 1}: a comment line has a token outside the comment`,
        );
      }
    });
  }
});

test('scopes land where they should', async () => {
  const grammar = await loadGrammar();
  const [select, key, address, v6, comment, negated, iface, directive] = tokenize(
    grammar,
    [
      'tunnel select 12',
      ' ipsec ike pre-shared-key 1 text made-up-key',
      'ip lan2 address 203.0.113.9/24',
      'ipv6 prefix 1 2001:db8:1::/64',
      'ip route default gateway pp 1 # to the provider',
      'no ip filter 200000',
      'ip route 198.51.100.0/24 gateway tunnel12',
      '# rtxlint: disable-next-line=weak-crypto',
    ].join('\n'),
  );
  assert.deepStrictEqual(scopesOf(select, 'select'), ['keyword.control.select.rtx']);
  assert.deepStrictEqual(scopesOf(select, '12'), ['entity.name.section.rtx']);
  assert.deepStrictEqual(scopesOf(key, 'made-up-key'), ['markup.other.secret.rtx']);
  assert.ok(scopesOf(key, 'ipsec').includes('keyword.control.command.rtx'));
  assert.deepStrictEqual(scopesOf(address, '203.0.113.9/24').slice(-1), ['constant.numeric.ipv4.rtx']);
  assert.deepStrictEqual(scopesOf(address, 'ip').slice(-1), ['keyword.control.command.rtx']);
  assert.deepStrictEqual(scopesOf(address, 'address').slice(-1), ['keyword.other.rtx']);
  assert.deepStrictEqual(scopesOf(address, 'lan2').slice(-1), ['variable.other.interface.rtx']);
  assert.deepStrictEqual(scopesOf(v6, '2001:db8:1::/64').slice(-1), ['constant.numeric.ipv6.rtx']);
  assert.ok(
    comment.some((t) => t.text.includes('to the provider') && t.scopes.includes('comment.line.number-sign.rtx')),
  );
  assert.deepStrictEqual(scopesOf(negated, 'no').slice(-1), ['keyword.operator.negation.rtx']);
  assert.deepStrictEqual(scopesOf(iface, 'tunnel12').slice(-1), ['variable.other.interface.rtx']);
  assert.ok(directive.some((t) => t.scopes.includes('keyword.other.directive.rtx')));
});

test('a heredoc body is text, and the lines after it are commands again', async () => {
  const grammar = await loadGrammar();
  const lines = tokenize(
    grammar,
    ['embedded file notify.txt <<EOF', 'ip route default gateway 192.0.2.1', 'EOF', 'ip lan1 address 192.0.2.1/24'].join('\n'),
  );
  assert.ok(lines[1].every((t) => t.scopes.includes('string.unquoted.heredoc.rtx')));
  assert.ok(scopesOf(lines[3], 'ip').includes('keyword.control.command.rtx'));
  assert.ok(!scopesOf(lines[3], 'ip').includes('string.unquoted.heredoc.rtx'));
});

test('snapshots of a few configs stay as they are', async () => {
  const grammar = await loadGrammar();
  const snapshots = path.join(__dirname, 'snapshots');
  for (const name of ['101-rtx830-pppoe-nat-basic.txt', '103-rtx1220-site-to-site-ipsec.txt', '107-rtx810-l2tpv3-bridge.txt']) {
    const file = path.join(root, 'corpus', name);
    if (!fs.existsSync(file)) continue;
    const lines = tokenize(grammar, fs.readFileSync(file, 'utf8'));
    const shown = lines
      .map((tokens) =>
        tokens
          .filter((t) => t.text.trim() !== '')
          .map((t) => `${t.text} <${t.scopes.slice(-1)[0] || ''}>`)
          .join(' '),
      )
      .join('\n');
    const snapshot = path.join(snapshots, `${name}.scopes`);
    if (process.env.UPDATE_SNAPSHOTS) {
      fs.mkdirSync(snapshots, { recursive: true });
      fs.writeFileSync(snapshot, shown + '\n');
      continue;
    }
    assert.strictEqual(shown + '\n', fs.readFileSync(snapshot, 'utf8'), `${name}: scopes changed (UPDATE_SNAPSHOTS=1 npm test)`);
  }
});
