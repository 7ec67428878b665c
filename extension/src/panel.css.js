// The panel's styles, adopted into its shadow root as a constructed
// stylesheet (so a page's strict CSP, which may block <style>, does not
// apply), with a dark variant.
globalThis.HandoffPanelCSS = `
:host { all: initial; }
.panel { position: fixed; top: 12px; right: 12px; bottom: 12px; width: min(440px, calc(100vw - 24px));
  z-index: 2147483646; display: flex; flex-direction: column; background: #fff; color: #1f2933;
  border: 1px solid #cbd2d9; border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.18);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
header { display: flex; gap: 8px; align-items: center; padding: 10px 12px; border-bottom: 1px solid #e4e7eb; }
header h2 { font-size: 15px; margin: 0; flex: 1; }
.body { overflow: auto; padding: 10px 12px; flex: 1; }
footer { display: flex; flex-wrap: wrap; gap: 6px; padding: 10px 12px; border-top: 1px solid #e4e7eb; }
button, select, textarea { font: inherit; color: inherit; }
button { border: 1px solid #9aa5b1; background: #f5f7fa; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button.primary { background: #0d766e; border-color: #0d766e; color: #fff; }
button:focus-visible, select:focus-visible, textarea:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.status { min-height: 1.4em; color: #52606d; margin: 0 0 8px; }
.readiness { padding: 6px 8px; border-radius: 6px; margin-bottom: 10px; font-weight: 600; }
.readiness.ready { background: #e3f9e5; color: #05400a; }
.readiness.blocked { background: #ffe3e3; color: #610404; }
.section { margin-bottom: 12px; }
.section label { display: block; font-weight: 600; margin-bottom: 3px; }
textarea { width: 100%; box-sizing: border-box; min-height: 4.5em; resize: vertical; border: 1px solid #9aa5b1;
  border-radius: 6px; padding: 6px; background: #fff; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 3px; }
.chip { font-size: 11px; padding: 1px 7px; border-radius: 10px; }
ul.findings { margin: 4px 0 0; padding-left: 16px; }
ul.findings li.block { color: #b42318; }
ul.findings li.warn { color: #8a5a00; }
.error { background: #fff4e5; border: 1px solid #f0b429; border-radius: 6px; padding: 8px; }
.floating { position: fixed; right: 18px; bottom: 18px; z-index: 2147483645; }
.marker { color: #7b8794; font-size: 11px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1f2933; color: #e4e7eb; border-color: #52606d; }
  header, footer { border-color: #3e4c59; }
  button { background: #323f4b; border-color: #616e7c; }
  textarea { background: #111827; border-color: #616e7c; }
  .status, .marker { color: #9aa5b1; }
  .readiness.ready { background: #05400a; color: #e3f9e5; }
  .readiness.blocked { background: #610404; color: #ffe3e3; }
  ul.findings li.block { color: #ff9b9b; }
  ul.findings li.warn { color: #f7c948; }
  .error { background: #3d2b00; border-color: #8a5a00; }
}
`;
