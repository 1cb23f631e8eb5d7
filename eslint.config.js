import tseslint from 'typescript-eslint';
import { boundaries } from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    // Nest decorators read constructor parameter types at run time: those imports must stay value imports.
    files: ['apps/**/*.ts', 'libs/*/src/**/*.module.ts', 'libs/*/src/**/*.controller.ts', 'libs/*/src/**/*.handler.ts', 'libs/*/src/**/*.service.ts', 'libs/*/src/**/*.processor.ts', 'libs/*/src/**/*.projection.ts', 'libs/*/src/**/*.provider.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Pure domains, libs never importing apps, apps never importing each other: see eslint.boundaries.js
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/imports': 'error' },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    // tests read loosely typed JSON replies
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
