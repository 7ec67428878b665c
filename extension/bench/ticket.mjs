// ticket.mjs synthesises the benchmark's 200-message Zendesk ticket: the
// ticket and comments API responses (pages of 100), so nothing is read
// from outside the repository. bench.mjs serves them to the browser;
// core.mjs hands them to the core directly.
//
//   const t = ticket(200);
//   t.page(0)  // → the first comments.json body (100 comments, links.next set)

/** ticket returns {id, origin, url, body (ticket.json), pages, page(k)} for n comments. */
export function ticket(n, { origin = 'https://bench.zendesk.com', id = 9200 } = {}) {
  const users = [{ id: 1, name: 'Ana Customer', email: 'ana@example.org', role: 'end-user' }, { id: 2, name: 'Sam Agent', email: 'sam@acme.example', role: 'agent' }];
  const lines = [
    'The nightly sync to our warehouse fails with error 504 after about 20 minutes.',
    'Could you retry the sync with a smaller date range and tell us what happens?',
    'Retried with one week of data: same 504 timeout. Our finance close is due on Friday.',
    'Internal: reproduced on staging; the export query scans the whole table. Support cannot change the query plan.',
  ];
  const cs = Array.from({ length: n }, (_, i) => ({
    id: 700000 + i, type: 'Comment', author_id: i % 2 ? 2 : 1, public: i % 4 !== 3,
    created_at: new Date(Date.UTC(2026, 2, 1, 8) + i * 3600e3).toISOString(),
    body: `${lines[i % 4]} (update ${i + 1})`,
  }));
  const body = { ticket: { id, subject: 'Warehouse sync fails with 504', status: 'open', requester_id: 1, created_at: cs[0].created_at, updated_at: cs.at(-1).created_at }, users };
  const pages = Math.ceil(n / 100);
  const page = (k) => {
    const more = (k + 1) * 100 < cs.length;
    return { comments: cs.slice(k * 100, k * 100 + 100), users, meta: { has_more: more }, links: { next: more ? `${origin}/api/v2/tickets/${id}/comments.json?page[after]=${k + 1}` : null } };
  };
  return { id, origin, url: `${origin}/agent/tickets/${id}`, body, pages, page };
}
