// The layout of the server (see docs and /work/shared/DESIGN.md) held by a rule,
// not by memory. Each boundary below names what it protects; tests/lint proves
// that each one fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/** Files that may speak SQL: repositories and the database plumbing. */
const sqlFiles = ['server/features/**/repository.ts', 'server/features/**/*.repository.ts', 'server/platform/db/**'];
/** Files that may speak HTTP (express, multer). */
const httpFiles = ['server/features/**/routes.ts', 'server/features/**/*.routes.ts', 'server/features/auth/middleware.ts', 'server/app.ts', 'server/platform/http/**'];

/** Building SQL outside a repository: `db('t')`, `tx('t')`, `ctx.db('t')`, `x.raw(...)`. */
const sqlBuilding = [
  {
    selector: "CallExpression[callee.type='Identifier'][callee.name=/^(db|tx|trx|knex|runner)$/]",
    message: 'SQL is built only in repositories (**/repository.ts, **/*.repository.ts) and server/platform/db: call a repository function.',
  },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='db']",
    message: 'SQL is built only in repositories: call a repository function with ctx.db (or the transaction).',
  },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='raw']",
    message: 'Raw SQL belongs in a repository or server/platform/db.',
  },
];

/** Reading the clock in core: the time is passed in (AppContext.now, a `now` argument, an injected budget clock). */
const clockReads = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core never reads the clock: take the time as an argument.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core never reads the clock: take the time as an argument.' },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'core never reads the clock: take a clock function (see core/routing/base/budget.ts).' },
  { selector: "CallExpression[callee.object.name='process'][callee.property.name=/^(hrtime|uptime)$/]", message: 'core never reads the clock: take the time as an argument.' },
];

/**
 * `eslint-disable` must say why: `// eslint-disable-next-line rule -- the reason`.
 * ESLint has no built-in rule for it and eslint-plugin-eslint-comments is not a
 * dependency, so this small local rule reads the directive comments.
 */
const disableNeedsReason = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Require a reason ("-- why") on every eslint-disable directive' },
    messages: { missingReason: 'Say why: `{{directive}} <rule> -- <the reason>`.' },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          const directive = /^(eslint-disable(?:-next-line|-line)?)(?:\s|$)/.exec(text);
          if (!directive) continue;
          const reason = text.split(/\s--\s/)[1];
          if (!reason || !reason.trim()) context.report({ loc: comment.loc, messageId: 'missingReason', data: { directive: directive[1] } });
        }
      },
    };
  },
};

const tirta = { rules: { 'eslint-disable-needs-reason': disableNeedsReason } };

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', 'dist/**', 'web/dist/**', 'bench/results/**', 'docs/**', 'tests/lint/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { tirta },
    rules: {
      'tirta/eslint-disable-needs-reason': 'error',
      // `_name` marks a parameter an interface requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', require: 'readonly', exports: 'writable', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // ---------------------------------------------------------------- import boundaries
  {
    files: ['server/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { [new URL('./tests/lint/resolver.cjs', import.meta.url).pathname]: {} },
      'boundaries/legacy-warnings': false,
      'boundaries/legacy-templates': false,
      'boundaries/elements': [
        { type: 'core', pattern: 'server/core', partialMatch: false },
        { type: 'feature', pattern: 'server/features/*', partialMatch: false, capture: ['slice'] },
        { type: 'platform', pattern: 'server/platform', partialMatch: false },
        { type: 'cli', pattern: 'server/cli', partialMatch: false },
      ],
      'boundaries/files': [
        { category: 'composition', pattern: 'server/*.ts' },
        { category: 'repository', pattern: ['server/features/*/repository.ts', 'server/features/*/*.repository.ts'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          // External and node: modules too, so that core's ban on fs, knex and express is a boundary like the others.
          checkAllOrigins: true,
          policies: [
            {
              from: { element: { type: 'core' } },
              disallow: { to: { module: { origin: 'local' }, element: { types: { noneOf: ['core'] } } } },
              message: 'server/core imports nothing outside core: pass what it needs in.',
            },
            {
              from: { element: { type: 'core' } },
              disallow: { to: { module: { source: ['fs', 'fs/promises', 'node:fs', 'node:fs/promises', 'knex', 'knex-postgis', 'pg', 'express', 'multer'] } } },
              message: 'server/core is pure: no file system, database or HTTP ({{ to.module.source }}).',
            },
            {
              from: { element: { type: 'feature' } },
              disallow: { to: { element: { type: 'feature', captured: { slice: '!{{ from.element.captured.slice }}' } }, file: { categories: 'repository' } } },
              message: "A feature never imports another feature's repository ({{ to.element.captured.slice }}): call that feature's service.",
            },
            {
              from: { element: { type: 'platform' } },
              disallow: { to: [{ element: { type: ['feature', 'cli'] } }, { file: { categories: 'composition' } }] },
              message: 'server/platform never imports features: the composition (server/app.ts, worker.ts, main.ts) joins them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: sqlFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['knex', 'knex-postgis', 'pg'].map((name) => ({
            name,
            message: 'Only repositories and server/platform/db use the database driver (services may import the Db/Tx/Runner types from platform/db/knex.ts).',
          })),
        },
      ],
      'no-restricted-syntax': ['error', ...sqlBuilding],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: [...httpFiles, ...sqlFiles],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['knex', 'knex-postgis', 'pg'].map((name) => ({ name, message: 'Only repositories and server/platform/db use the database driver.' })),
            ...['express', 'multer'].map((name) => ({ name, message: 'Only routes files, features/auth/middleware.ts, server/app.ts and server/platform/http use express/multer.' })),
          ],
        },
      ],
    },
  },
  {
    files: sqlFiles.filter((p) => !p.startsWith('server/platform')),
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['express', 'multer'].map((name) => ({ name, message: 'A repository speaks SQL, not HTTP.' })) },
      ],
    },
  },
  {
    files: ['server/core/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sqlBuilding, ...clockReads] },
  },
  {
    // The solver's time budget is elapsed time on a monotonic clock, never the date, and
    // every solver takes `now` to replace it; budget.ts keeps that one default (monotonicMs).
    files: ['server/core/routing/base/budget.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sqlBuilding, ...clockReads.filter((r) => !r.selector.includes("'performance'"))] },
  },

  // ---------------------------------------------------------------- logs and settings
  {
    files: ['server/**/*.ts'],
    ignores: ['server/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['server/**/*.ts', 'fixtures/**/*.ts'],
    ignores: ['server/platform/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Settings come from server/platform/config.ts (one validated schema); take them from AppContext.config.' },
      ],
    },
  },

  // ---------------------------------------------------------------- tests, benchmarks, fixtures, scripts: relaxed
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'fixtures/**/*.ts', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
