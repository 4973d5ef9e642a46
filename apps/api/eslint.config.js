import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // Plain JavaScript outside every tsconfig: no type information, so no type-checked rules.
  { files: ['eslint.config.js', '*.tmp.ts'], ...tseslint.configs.disableTypeChecked },
  {
    rules: {
      // Configuration is read once, in src/config.ts: nowhere else may touch process.env.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in src/config.ts only.' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `_`-prefixed names mark values left out on purpose (e.g. `{ secret: _, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Fastify plugins, hooks and handlers are async by contract: avvio and the router wait on the
    // returned promise, and an error thrown inside must become its rejection. Most have nothing to await.
    files: ['src/**/*.routes.ts', 'src/plugins/**/*.ts', 'src/lib/graceful-shutdown.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['src/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
