// `npx eslint . -f ./tests/lint/unix-formatter.cjs`: one `file:line:col: message [rule]` line per
// problem (ESLint 10 no longer ships the unix formatter), easy to cut, sort and count.
const path = require('node:path');

module.exports = function unixFormatter(results) {
  const lines = [];
  for (const result of results) {
    for (const m of result.messages) {
      lines.push(`${path.relative(process.cwd(), result.filePath)}:${m.line ?? 0}:${m.column ?? 0}: ${m.message.replace(/\s+/g, ' ')} [${m.severity === 2 ? 'Error' : 'Warning'}/${m.ruleId ?? 'parse'}]`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n\n${lines.length} problem${lines.length === 1 ? '' : 's'}\n` : '';
};
