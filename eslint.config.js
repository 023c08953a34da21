// ESLint flat config. Syntax-only typescript-eslint (no type information): fast, and `tsc --noEmit`
// already does the type checking in `npm test`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unusedVars = ['error', {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
}];

export default defineConfig([
  globalIgnores(['dist/', 'data/', 'node_modules/', 'test-results/', 'tmp/', 'coverage/']),

  // Plain JavaScript (scripts/*.mjs, this file): Node programs.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: { 'no-unused-vars': unusedVars },
  },

  // All TypeScript: server, shared code, tests, config files.
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },

  // The browser app: browser globals and the rules of hooks.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/web/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // Code both sides run: no Node or DOM globals, and nothing from the server or the browser app.
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    languageOptions: { globals: globals['shared-node-browser'] },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/platform/**', '**/modules/**', '**/web/**', 'node:*'], message: 'src/shared is pure: the server and the browser import it, not the other way round.' }],
      }],
    },
  },

  // Browser tests drive a page from Node, and code passed to page.evaluate() runs in the browser.
  {
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
]);
