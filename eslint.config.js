// ESLint flat config: typescript-eslint's recommended rules plus the house habits of
// ../shared/STYLE.md that a linter can hold (curly braces always, `import type` for types,
// no stray console output in the plugin). Prettier owns formatting.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.next*/',
      'data/',
      'test-artifacts/',
      'src/payload-types.ts',
      // Written by `payload migrate:create` (README, Deploying).
      'migrations/',
      'src/app/(payload)/admin/importMap.js',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        AbortController: 'readonly',
        Buffer: 'readonly',
        clearTimeout: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        Headers: 'readonly',
        process: 'readonly',
        Request: 'readonly',
        Response: 'readonly',
        setTimeout: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'all'],
      'no-console': 'error',
    },
  },
  {
    // Scripts, the bench, the tests and the CLI talk to a terminal.
    files: ['scripts/**', 'bench/**', 'tests/**', 'src/demo/cli/**'],
    rules: { 'no-console': 'off' },
  },
)
