// Feedback in the service worker (loaded by background.js): the routes
// the content scripts and the options page send.
//
//   {type: 'feedback-status'}                   → {worker: bool} (feedback goes to a worker)
//   {type: 'feedback-links', note_id}           → {yes, no} signed by the worker, or null offline
//   {type: 'feedback-event', event}             → kept locally; sent to POST /v1/events in worker mode
//   {type: 'feedback-answer', note_id, saved, reason} → POST /v1/feedback
//   {type: 'feedback-stats'}                    → {source: 'worker'|'local', weeks, overall}
//
// Locally (chrome.storage.local "feedbackLocal") only drafting figures are
// kept: kind, time, readiness, engine, edit share per section, finding rule
// ids and the note id — never a ticket id or any text. The worker receives
// the ticket's source and id and stores only their salted hash.
globalThis.HandoffFeedbackRoutes = (() => {
  const LOCAL_KEY = 'feedbackLocal';
  const LOCAL_MAX = 2000; // events kept in this browser, newest last

  const coded = (code, message) => Object.assign(new Error(message), { code });

  /** worker returns {url, token} when feedback goes to a team worker, else null. */
  async function worker() {
    const s = await HandoffSettings.load();
    const url = HandoffSettings.workerURL(s.workerUrl);
    const token = await HandoffSettings.token();
    return s.mode === 'worker' && url && token ? { url, token } : null;
  }

  /** ask calls the worker; a refusal rejects with its {error: {code, message}}. */
  async function ask(w, path, { method = 'POST', body, token = w.token } = {}) {
    let res;
    try {
      res = await fetch(new URL(path, w.url), {
        method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw coded('E_UPSTREAM', `The team worker could not be reached (${e.message}).`);
    }
    const answer = await res.json().catch(() => null);
    if (!res.ok) throw coded(answer?.error?.code ?? 'E_UPSTREAM', answer?.error?.message ?? `The team worker answered HTTP ${res.status}.`);
    return answer;
  }

  async function keepLocally(e) {
    const { [LOCAL_KEY]: kept = [] } = await chrome.storage.local.get(LOCAL_KEY);
    const { ticket, id, ...figures } = e; // never a ticket id in this browser's figures
    kept.push({ ...figures, at: new Date().toISOString() });
    await chrome.storage.local.set({ [LOCAL_KEY]: kept.slice(-LOCAL_MAX) });
  }

  return {
    'feedback-status': async () => ({ worker: Boolean(await worker()) }),

    'feedback-links': async (m) => {
      const w = await worker();
      return w ? ask(w, 'v1/links', { body: { note_id: m.note_id } }) : null;
    },

    'feedback-event': async (m) => {
      const e = { ...m.event, id: m.event.id ?? `ev_${crypto.randomUUID().replaceAll('-', '')}` };
      await keepLocally(e);
      const w = await worker();
      if (!w) return { sent: false };
      await ask(w, 'v1/events', { body: { events: [e] } });
      return { sent: true };
    },

    'feedback-answer': async (m) => {
      const w = await worker();
      if (!w) throw coded('E_UNSUPPORTED', 'Receiver feedback needs a team worker (see the options).');
      return ask(w, 'v1/feedback', { body: { note_id: m.note_id, saved: Boolean(m.saved), reason: m.reason || undefined } });
    },

    'feedback-stats': async () => {
      const s = await HandoffSettings.load();
      const url = HandoffSettings.workerURL(s.workerUrl);
      const { adminToken } = await chrome.storage.local.get('adminToken');
      if (s.mode === 'worker' && url && adminToken) {
        return { source: 'worker', ...(await ask({ url }, 'v1/stats', { method: 'GET', token: adminToken })) };
      }
      const { [LOCAL_KEY]: kept = [] } = await chrome.storage.local.get(LOCAL_KEY);
      return { source: 'local', weeks: HandoffFeedback.weekly(kept, []), overall: HandoffFeedback.overall(kept, []) };
    },
  };
})();
