package itest

import (
	"strings"
	"testing"
)

// kvTOML binds a local KV namespace as HANDOFF_KV (wrangler dev --local
// keeps it under --persist-to).
const kvTOML = `
[[kv_namespaces]]
binding = "HANDOFF_KV"
id = "handoff-itest-kv"
`

// TestWorkerdKV: PUT /v1/config stores the team config in KV through the
// module's kv steps; GET /v1/config and drafts then use it, and the value
// is in the local KV namespace itself (read back with wrangler kv).
func TestWorkerdKV(t *testing.T) {
	guard(t, "HANDOFF_WORKER_IT")
	up := NewUpstream()
	defer up.Close()
	w := StartWorkerKV(t, "worker.mjs", vars(up.URL, map[string]string{"HANDOFF_ADMIN_TOKEN": adminToken}))
	url := w.URL + "/v1/config"
	if a := fetchGet(t, url, teamToken); a.status != 200 || strings.Contains(a.body, "kv example") {
		t.Fatalf("GET before any PUT: %d %s", a.status, a.body)
	}
	team := `{"examples":["**Problem**: kv example (#1)."],"rules":{"banned":["please advise"],"max_words":280}}`
	if a := put(t, url, teamToken, team); a.status != 401 {
		t.Errorf("PUT with a team token: %d %s, want 401", a.status, a.body)
	}
	if a := put(t, url, adminToken, `{"nonsense":1}`); a.status != 400 {
		t.Errorf("PUT of an invalid config: %d %s, want 400", a.status, a.body)
	}
	if a := put(t, url, adminToken, team); a.status != 200 {
		t.Fatalf("PUT: %d %s", a.status, a.body)
	}
	if a := fetchGet(t, url, teamToken); a.status != 200 || !strings.Contains(a.body, "kv example") || !strings.Contains(a.body, "please advise") {
		t.Errorf("GET after PUT: %d %s", a.status, a.body)
	}
	if a := post(t, w.URL+"/v1/draft", teamToken, "", threadBody(t, "")); a.status != 200 {
		t.Errorf("draft with the stored config: %d %s", a.status, a.body)
	}
	out, err := wrangler(workerDir(t), "kv", "key", "get", "team-config", "--binding", "HANDOFF_KV", "--local",
		"-c", w.conf, "--persist-to", w.state).Output()
	if err != nil || !strings.Contains(string(out), "kv example") {
		t.Errorf("wrangler kv key get team-config: %v\n%s", err, out)
	}
}

func put(t testing.TB, url, token, body string) answer {
	t.Helper()
	return request(t, "PUT", url, token, "", []byte(body))
}
