// Which `rtxlint` the extension starts: the `rtxlint.path` setting, else the binary bundled in
// a platform-specific package (`bin/<platform>-<arch>/rtxlint`), else `rtxlint` on PATH.
// Pure functions of their arguments, so that tests run without VS Code.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** The executable's file name on `platform`. */
function executableName(platform) {
  return platform === 'win32' ? 'rtxlint.exe' : 'rtxlint';
}

/** Whether `file` is a file this process may run. */
function isExecutable(file) {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch (_) {
    return false;
  }
}

/** `name` found in the directories of `pathVariable`, or undefined. */
function onPath(name, pathVariable) {
  for (const dir of (pathVariable || '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The server to start: `{command, source}` with source `setting`, `bundled` or `path`, or
 * `{error}` saying what was looked for.
 * @param {{setting?: string, extensionPath: string, platform?: string, arch?: string, pathVariable?: string}} where
 */
function findServer(where) {
  const platform = where.platform || process.platform;
  const arch = where.arch || process.arch;
  const name = executableName(platform);
  const setting = (where.setting || '').trim();
  if (setting !== '') {
    const explicit = setting.includes('/') || setting.includes('\\');
    const found = explicit ? (isExecutable(setting) ? setting : undefined) : onPath(setting, where.pathVariable);
    if (found) return { command: found, source: 'setting' };
    return { error: `"rtxlint.path" is set to \`${setting}\`, which is not an executable file${explicit ? '' : ' on PATH'}` };
  }
  const bundled = path.join(where.extensionPath, 'bin', `${platform}-${arch}`, name);
  if (isExecutable(bundled)) return { command: bundled, source: 'bundled' };
  const found = onPath(name, where.pathVariable);
  if (found) return { command: found, source: 'path' };
  return {
    error:
      `no rtxlint server found: none bundled for ${platform}-${arch}, none on PATH. ` +
      'Install rtxlint (`cargo install --path .` in its repository) or set "rtxlint.path".',
  };
}

module.exports = { findServer, executableName };
