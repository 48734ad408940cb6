// The rules a machine checks (npm run lint, part of npm test): typescript-eslint's recommended rules, and the
// architecture's import boundaries (README: folder map) as no-restricted-imports per folder, plus no import cycles.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Packages that belong to one folder: the folder that may import each. */
const OWNED = [
  { name: 'dexie', folder: 'src/storage', why: 'only src/storage touches IndexedDB' },
  { name: 'dexie-react-hooks', folder: 'src/storage', why: 'the live-query hooks live in src/storage/hooks.ts' },
  { name: 'fflate', folder: 'src/xlsx', why: 'only src/xlsx reads and writes workbooks' },
];
const REACT = ['react', 'react-dom', 'react-dom/client'];

/** no-restricted-imports options for a folder: the packages of other folders, and `extra` (names or regexes). */
function boundaries(folder, { packages = [], folders = [] } = {}) {
  const paths = [
    ...OWNED.filter((p) => p.folder !== folder).map((p) => ({ name: p.name, message: `${p.why} (${folder} may not import it).` })),
    ...packages.map((name) => ({ name, message: `${folder} is pure TypeScript: no ${name}.` })),
    { name: 'exceljs', message: 'ExcelJS is for the tests only: the app reads and writes workbooks with src/xlsx.' },
  ];
  const patterns = [
    { regex: '^(ag-grid-|@ag-grid-community/)', message: `only src/grid knows AG Grid (${folder} may not import it).` },
    ...folders.map((f) => ({ regex: `^(\\.\\./)+${f}(/|$)`, message: `${folder} may not import from src/${f}.` })),
  ].filter((p) => folder !== 'src/grid' || !p.regex.includes('ag-grid'));
  return ['error', { paths, patterns }];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'coverage/**', 'bench-out/**'] }, // bench-out: what npm run bench generates (not committed)
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle follows the imports through the files they name: TypeScript sources, resolved without extensions
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // the code's own convention: a leading underscore marks a value left out on purpose (const { a: _a, ...rest })
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off', // the xlsx code matches the control characters XML cannot hold, on purpose
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // type-aware: a promise nobody awaits or catches loses its error (an IndexedDB write that failed in silence).
    // The rest of recommended-type-checked is left out for now: about forty findings in twenty files that others
    // are editing, mostly redundant type assertions.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React event handlers may be async: their promise is theirs to handle (no-floating-promises checks inside)
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': boundaries('src'),
    },
  },
  { files: ['src/domain/**'], rules: { 'no-restricted-imports': boundaries('src/domain', { packages: REACT, folders: ['storage', 'grid', 'ui', 'xlsx', 'pwa'] }) } },
  { files: ['src/storage/**'], rules: { 'no-restricted-imports': boundaries('src/storage', { folders: ['grid', 'ui', 'xlsx'] }) } },
  { files: ['src/xlsx/**'], rules: { 'no-restricted-imports': boundaries('src/xlsx', { packages: REACT, folders: ['storage', 'grid', 'ui'] }) } },
  { files: ['src/grid/**'], rules: { 'no-restricted-imports': boundaries('src/grid', { folders: ['ui'] }) } },
  { files: ['src/ui/**'], rules: { 'no-restricted-imports': boundaries('src/ui') } },
  {
    files: ['tests/**', 'samples/**', '*.config.{js,ts}', 'src/cliLauncher.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly', URL: 'readonly' } },
  },
);
