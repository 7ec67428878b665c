package itest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

const (
	adminToken     = "admin-token-fake-itest"
	feedbackSecret = "feedback-secret-fake-itest"
)

func fetchGet(t testing.TB, url, token string) answer {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// TestWorkerdFeedback is the D1 round trip: the bundle in workerd with a
// local D1 database migrated from worker/migrations records drafting
// events, signs links, records a link click once, refuses a replay, an
// unknown note, an oversized reason and a wrong admin token, and answers
// the click in /v1/stats. The database holds no raw ticket id.
func TestWorkerdFeedback(t *testing.T) {
	guard(t, "HANDOFF_WORKER_IT")
	w := StartWorkerD1(t, "worker.mjs", vars("http://127.0.0.1:9", map[string]string{
		"HANDOFF_ADMIN_TOKEN": adminToken, "HANDOFF_FEEDBACK_SECRET": feedbackSecret,
		"HANDOFF_TEAM_SALT": "team-salt-fake-itest", "HANDOFF_RATE_LIMIT": "off"}))
	check := func(name string, a answer, status int, wantCode string) {
		t.Helper()
		if a.status != status || (wantCode != "" && code(a.body) != wantCode) {
			t.Errorf("%s: got %d %s, want %d %s", name, a.status, a.body, status, wantCode)
		}
	}
	events := `{"events":[
	 {"id":"ev_itest0001","kind":"draft","note_id":"hn_17e5717e5717","ticket":{"source":"zendesk","id":"48213"},"ready":false,"engine":"worker","findings":["blocker.missing"]},
	 {"id":"ev_itest0002","kind":"insert","note_id":"hn_17e5717e5717","ticket":{"source":"zendesk","id":"48213"},"ready":true,"edit_share":{"problem":0.25},"findings":["length"]}]}`
	check("events", post(t, w.URL+"/v1/events", teamToken, extension, []byte(events)), 200, "")
	if a := post(t, w.URL+"/v1/events", teamToken, "", []byte(events)); a.body != `{"duplicates":2,"stored":0}` {
		t.Errorf("resent events: %d %s", a.status, a.body)
	}
	a := post(t, w.URL+"/v1/links", teamToken, extension, []byte(`{"note_id":"hn_17e5717e5717"}`))
	var links struct{ Yes, No string }
	if json.Unmarshal([]byte(a.body), &links) != nil || !strings.HasPrefix(links.Yes, w.URL+"/f/hn_17e5717e5717?") {
		t.Fatalf("links: %d %s", a.status, a.body)
	}
	click := fetchGet(t, links.Yes, "")
	if click.status != 200 || !strings.Contains(click.body, "your answer was recorded") || click.header.Get("Content-Security-Policy") != "default-src 'none'" {
		t.Errorf("click: %d %s", click.status, click.body)
	}
	check("replayed link", fetchGet(t, links.Yes, ""), 409, "")
	check("the other link", fetchGet(t, links.No, ""), 409, "")
	check("second answer from the extension", post(t, w.URL+"/v1/feedback", teamToken, "", []byte(`{"note_id":"hn_17e5717e5717","saved":false}`)), 409, "E_DUPLICATE")
	check("unknown note", post(t, w.URL+"/v1/feedback", teamToken, "", []byte(`{"note_id":"hn_0000000000aa","saved":true}`)), 404, "E_NOT_FOUND")
	check("oversized reason", post(t, w.URL+"/v1/feedback", teamToken, "", []byte(`{"note_id":"hn_17e5717e5717","saved":true,"reason":"`+strings.Repeat("x", 501)+`"}`)), 413, "E_TOO_LARGE")
	check("wrong admin token", fetchGet(t, w.URL+"/v1/stats", "admin-token-wrong"), 401, "E_AUTH")
	check("team token for stats", fetchGet(t, w.URL+"/v1/stats", teamToken), 401, "E_AUTH")
	st := fetchGet(t, w.URL+"/v1/stats", adminToken)
	var stats struct {
		Weeks []struct {
			Notes, Inserted, Answers int
			SavedShare               float64            `json:"saved_share"`
			MedianEdit               map[string]float64 `json:"median_edit_share"`
		}
	}
	if json.Unmarshal([]byte(st.body), &stats) != nil || len(stats.Weeks) != 1 {
		t.Fatalf("stats: %d %s", st.status, st.body)
	}
	if wk := stats.Weeks[0]; wk.Notes != 1 || wk.Inserted != 1 || wk.Answers != 1 || wk.SavedShare != 1 || wk.MedianEdit["problem"] != 0.25 {
		t.Errorf("week: %+v", wk)
	}
	rows := w.Query(t, "SELECT * FROM events")
	dump, _ := json.Marshal(rows)
	if len(rows) != 2 || strings.Contains(string(dump), "48213") {
		t.Errorf("events in D1: %s", dump)
	}
	if n := w.Query(t, "SELECT COUNT(*) AS n FROM answers"); len(n) != 1 || n[0]["n"] != float64(1) {
		t.Errorf("answers in D1: %v", n)
	}
	if t.Failed() {
		t.Logf("worker output:\n%s", w.Output())
	}
}
