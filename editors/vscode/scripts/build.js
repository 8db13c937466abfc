// Builds what the .vsix ships: the extension bundled with its one dependency into
// dist/extension.js (esbuild), and the TextMate grammar generated from the catalogue, copied
// from editors/textmate/ into syntaxes/.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const here = path.join(__dirname, '..');
fs.mkdirSync(path.join(here, 'syntaxes'), { recursive: true });
fs.copyFileSync(
  path.join(here, '..', 'textmate', 'rtx.tmLanguage.json'),
  path.join(here, 'syntaxes', 'rtx.tmLanguage.json'),
);
esbuild.buildSync({
  entryPoints: [path.join(here, 'extension.js')],
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  outfile: path.join(here, 'dist', 'extension.js'),
  minify: true,
  logLevel: 'warning',
});
