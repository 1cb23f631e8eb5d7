// A module hook for domain-purity.int.spec.ts: reports every URL the process resolves, so the test sees what an import loads.
let port;
export const initialize = (data) => {
  port = data.port;
};
export const resolve = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
};
