// Native-ESM jest with @swc/jest (see ../shared/toolchain.md); run through `npm test`, which sets --experimental-vm-modules.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests'],
  testRegex: '\\.(unit|int|e2e)\\.spec\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@app/([a-z-]+)/(.*)\\.js$': '<rootDir>/libs/$1/src/$2.ts',
    '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': swc },
  // a budget for start-up on a busy 2-core machine (an engine on PGlite, a browser), not a speed assertion
  testTimeout: 60_000,
  // PGlite instances are large (≈ 0.8 GB each): keep the worker count modest.
  maxWorkers: 2,
  workerIdleMemoryLimit: '2GB',
};
