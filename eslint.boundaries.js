// The layout's boundaries, checked on resolved paths (aliases through tsconfig.json's `paths`, relative imports from the file).
// Domain code may import only domain code, the kernel and a short list of pure packages; since every domain file is held
// to that, nothing it reaches — directly or through a barrel — can load Nest, SQL, queues or an adapter.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const PATHS = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions.paths;

/** Packages that compute and never do I/O, allowed in domain code; `luxon` only in the calendar's pure part. */
const PURE_PACKAGES = ['canonicalize', 'node:crypto', 'node:timers/promises'];
const PURE_PACKAGES_BY_FOLDER = { 'libs/calendar/src/domain/': ['luxon'] };

const toPosix = (path) => path.split(sep).join('/');

/** `libs/x/src/domain/…`, or the kernel (`libs/event-sourcing/src/…` but its test helpers): the pure part of the code. */
export const isPureFile = (path) =>
  /^libs\/[a-z-]+\/src\/domain\//.test(path) || (/^libs\/event-sourcing\/src\//.test(path) && !/^libs\/event-sourcing\/src\/testing\//.test(path));

const isSpec = (path) => /\.spec\.ts$/.test(path);

/** Where an import leads: `{ file }` for the project's own code (path relative to the root), `{ package }` otherwise. */
export const resolveImport = (fromFile, specifier) => {
  if (specifier.startsWith('.')) return { file: toPosix(relative(ROOT, resolve(ROOT, dirname(fromFile), specifier))).replace(/\.js$/, '.ts') };
  const target = PATHS[specifier];
  if (target) return { file: toPosix(relative(ROOT, resolve(ROOT, target[0]))) };
  if (specifier.startsWith('@app/')) return { file: `libs/${specifier.slice('@app/'.length)}`, unmapped: true };
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return { package: specifier.startsWith('node:') ? specifier : `node:${specifier}` };
  const parts = specifier.split('/');
  return { package: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0], specifier };
};

/** Why `file` may not import `specifier`, or undefined when it may. */
export const boundaryProblem = (file, specifier) => {
  const target = resolveImport(file, specifier);
  if (target.file?.startsWith('apps/')) {
    if (file.startsWith('libs/')) return `libs never import apps (${specifier} is in ${target.file.split('/').slice(0, 2).join('/')})`;
    const [fromApp, toApp] = [file.split('/')[1], target.file.split('/')[1]];
    if (file.startsWith('apps/') && fromApp !== toApp) return `apps never import each other (apps/${fromApp} imports apps/${toApp} through ${specifier})`;
  }
  if (!isPureFile(file) || isSpec(file)) return undefined;
  if (target.file !== undefined) {
    if (target.unmapped) return `${specifier} is not an entry point in tsconfig.json's paths`;
    return isPureFile(target.file) ? undefined : `domain code imports only domain code and the kernel: ${specifier} resolves to ${target.file}, outside any domain/ folder`;
  }
  const allowed = [...PURE_PACKAGES, ...Object.entries(PURE_PACKAGES_BY_FOLDER).flatMap(([folder, names]) => (file.startsWith(folder) ? names : []))];
  return allowed.includes(target.package) ? undefined : `domain code is pure: ${target.package} is not one of the pure packages it may use (${allowed.join(', ')})`;
};

const importsRule = {
  meta: { type: 'problem', docs: { description: 'The layout: pure domain code, libs never importing apps, apps never importing each other' }, schema: [] },
  create(context) {
    const file = toPosix(relative(ROOT, context.filename));
    if (file.startsWith('..')) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const problem = boundaryProblem(file, source.value);
      if (problem) context.report({ node: source, message: problem });
    };
    return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check, ImportExpression: check };
  },
};

export const boundaries = { rules: { imports: importsRule } };
