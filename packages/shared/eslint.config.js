import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // Plain JavaScript outside every tsconfig: no type information, so no type-checked rules.
  { files: ['eslint.config.js', 'vitest.config.ts'], ...tseslint.configs.disableTypeChecked },
  {
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'The contract package reads no environment.' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
