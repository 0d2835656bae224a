// Import resolver for eslint-plugin-boundaries (eslint-module-utils interface v2).
// Our sources import './x.js' for './x.ts' (NodeNext ESM); the node resolver
// cannot see that, so relative imports are mapped here and everything else is
// left to eslint-import-resolver-node.
const fs = require('node:fs');
const path = require('node:path');
const nodeResolver = require('eslint-import-resolver-node');

exports.interfaceVersion = 2;

exports.resolve = function resolve(source, file, config) {
  if (source.startsWith('.') || source.startsWith('/')) {
    const base = path.resolve(path.dirname(file), source);
    const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, `${base}.ts`, path.join(base, 'index.ts')];
    const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    // A file not on disk yet (a snippet linted by path in tests) still resolves to its .ts path.
    return { found: true, path: found ?? base.replace(/\.js$/, '.ts') };
  }
  return nodeResolver.resolve(source, file, config ?? {});
};
