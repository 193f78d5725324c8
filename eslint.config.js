import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', '**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Take time from the injected Clock.',
        },
      ],
    },
  },
  {
    files: ['packages/server/src/features/**/*.service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['fastify', 'kysely', 'pg', 'better-sqlite3'] },
      ],
    },
  },
  {
    // The web client runs in the browser and reaches the server only through the protocol
    // package: no server code, no database or HTTP-framework modules (STYLE.md, boundaries).
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carillon/server', '@carillon/server/*', '**/server/**', '**/server'],
              message: 'The web client imports only @carillon/protocol from the server side.',
            },
            {
              group: ['fastify', 'kysely', 'pg', 'better-sqlite3', 'node:*'],
              message: 'Server-side modules do not belong in the browser bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/sw/*.js'],
    languageOptions: { globals: { ...globals.serviceworker, __SHELL__: 'readonly' } },
  },
);
