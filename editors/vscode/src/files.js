// Configs are mostly `.txt` files: the language contribution names the usual places
// (`**/rtx*/**/config*.txt`, `**/routers/**/config*.txt`, `*.rtx`), and `rtxlint.files` adds
// glob patterns of the user's own. A plain-text document that matches one becomes `rtx`.
'use strict';

/**
 * Whether `document` should be an RTX config under the `globs` of `rtxlint.files`.
 * @param {typeof import('vscode')} vscode
 */
function wantsRtx(vscode, document, globs) {
  if (document.languageId !== 'plaintext' || document.uri.scheme === 'output') return false;
  return globs.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}

/** Sets the language of `document` to `rtx` when `rtxlint.files` says so. */
async function classify(vscode, document) {
  const globs = vscode.workspace.getConfiguration('rtxlint').get('files', []);
  if (Array.isArray(globs) && wantsRtx(vscode, document, globs)) {
    await vscode.languages.setTextDocumentLanguage(document, 'rtx');
  }
}

module.exports = { wantsRtx, classify };
