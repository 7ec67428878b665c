package itest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// d1TOML binds a local D1 database as HANDOFF_DB with the worker's
// migrations (the config lives in worker/build).
const d1TOML = `
[[d1_databases]]
binding = "HANDOFF_DB"
database_name = "handoff-feedback"
database_id = "00000000-0000-0000-0000-000000000000"
migrations_dir = "../migrations"
`

// StartWorkerD1 is StartWorker with the feedback store: a local D1
// database migrated with "wrangler d1 migrations apply --local" first.
func StartWorkerD1(t testing.TB, main string, vars map[string]string) *Worker {
	t.Helper()
	return startWorker(t, main, vars, true)
}

func wrangler(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(dir, "node_modules", ".bin", "wrangler"), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CLOUDFLARE_CF_FETCH_ENABLED=false", "CI=1")
	return cmd
}

func migrate(t testing.TB, dir, conf, state string) {
	t.Helper()
	out, err := wrangler(dir, "d1", "migrations", "apply", "HANDOFF_DB", "--local", "-c", conf, "--persist-to", state).CombinedOutput()
	if err != nil {
		t.Fatalf("wrangler d1 migrations apply --local: %v\n%s", err, out)
	}
}

// Query runs one SQL statement on the worker's local D1 database
// ("wrangler d1 execute --local") and returns its rows.
func (w *Worker) Query(t testing.TB, sql string) []map[string]any {
	t.Helper()
	dir := workerDir(t)
	out, err := wrangler(dir, "d1", "execute", "HANDOFF_DB", "--local", "-c", w.conf, "--persist-to", w.state, "--json", "--command", sql).Output()
	if err != nil {
		t.Fatalf("wrangler d1 execute: %v\n%s", err, out)
	}
	var res []struct{ Results []map[string]any }
	if err := json.Unmarshal(out, &res); err != nil || len(res) == 0 {
		t.Fatalf("wrangler d1 execute answered %s (%v)", out, err)
	}
	return res[0].Results
}
