// The Handoff worker module. One Go instance per isolate, started on the
// first request and reused: each request's env and ctx are passed to the
// Go side explicitly (binding.handoff), instead of starting Go anew for
// every request as syumai/workers' generated module does.
import "./wasm_exec.js";
import mod from "./app.wasm";

// syumai/workers' Go side expects this helper on globalThis.
globalThis.tryCatch = (fn) => {
  try {
    return { result: fn() };
  } catch (e) {
    return { error: e };
  }
};

let started; // Promise of the binding object of the running instance

function start() {
  const binding = {};
  const go = new Go();
  let ready;
  const isReady = new Promise((resolve) => (ready = resolve));
  const instance = new WebAssembly.Instance(mod, {
    ...go.importObject,
    workers: { ready: () => ready() },
  });
  // If the program ever exits, the next request starts a new one.
  go.run(instance, { binding }).finally(() => {
    started = undefined;
  });
  return isReady.then(() => binding);
}

export default {
  async fetch(request, env, ctx) {
    started ??= start();
    const binding = await started;
    return binding.handoff(request, env, ctx);
  },
};
