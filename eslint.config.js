import tseslint from 'typescript-eslint';

const VENDOR_CLIENTS = ['@nestjs/*', 'class-validator', 'class-transformer', 'pg', '@electric-sql/*', '@eventstore/*', 'bullmq', 'ioredis', 'nodemailer', 'pino', 'luxon', 'chinese-days'];

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
    // Domain code is pure: no framework, no validation library, no vendor client, no I/O.
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: VENDOR_CLIENTS, message: 'Domain code stays free of Nest, class-validator and vendor clients: pass what it needs in the decision context.' },
            { group: ['node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:child_process', 'fs', 'http'], message: 'Domain code does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    // tests read loosely typed JSON replies
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
