import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // Plain JavaScript outside every tsconfig: no type information, so no type-checked rules.
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  { rules: { '@typescript-eslint/consistent-type-imports': 'error' } },
  // Plain JavaScript run by Node itself (the test runner, the vitest config helper).
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
);
