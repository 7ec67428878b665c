package itest

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Worker is a running "wrangler dev --local" on loopback.
type Worker struct {
	URL string
	cmd *exec.Cmd
	out *syncBuffer

	conf, state string // its wrangler config and local state (for D1 queries)
}

// workerDir is worker/, from this package's directory.
func workerDir(t testing.TB) string {
	t.Helper()
	d, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, need := range []string{"build/app.wasm", "node_modules/.bin/wrangler"} {
		if _, err := os.Stat(filepath.Join(d, need)); err != nil {
			t.Fatalf("worker/%s is missing: run make worker-deps worker", need)
		}
	}
	return d
}

// StartWorker runs the module main (relative to worker/build, e.g.
// "worker.mjs" or "stock.mjs") with vars, and waits until /healthz
// answers. It is stopped when the test ends.
func StartWorker(t testing.TB, main string, vars map[string]string) *Worker {
	t.Helper()
	return startWorker(t, main, vars, false)
}

// StartWorkerKV is StartWorker with a local KV namespace bound as
// HANDOFF_KV (the team config store of PUT /v1/config).
func StartWorkerKV(t testing.TB, main string, vars map[string]string) *Worker {
	t.Helper()
	return startWorkerWith(t, main, vars, kvTOML)
}

func startWorker(t testing.TB, main string, vars map[string]string, d1 bool) *Worker {
	t.Helper()
	extra := ""
	if d1 {
		// d1TOML names the migrations relative to worker/build.
		extra = strings.Replace(d1TOML, `"../migrations"`, strconv.Quote(filepath.Join(workerDir(t), "migrations")), 1)
	}
	return startWorkerWith(t, main, vars, extra)
}

// startWorkerWith starts main with extra TOML (bindings) in its config;
// a D1 binding's migrations are applied first.
func startWorkerWith(t testing.TB, main string, vars map[string]string, extra string) *Worker {
	t.Helper()
	dir := workerDir(t)
	tmp := t.TempDir()
	// The bundle is copied into a directory of our own, with a config of
	// our own (no [build] step, no watch): wrangler reloads the worker when
	// the files it serves change, and "make worker" elsewhere (another
	// test, another engineer) deletes and rebuilds worker/build — which
	// answered in-flight POSTs with 503 "Your worker restarted
	// mid-request" and, when the config vanished, paused the dev proxy for
	// good.
	bundle := filepath.Join(tmp, "bundle")
	copyBundle(t, filepath.Join(dir, "build"), bundle)
	conf := filepath.Join(bundle, "wrangler.toml")
	toml := fmt.Sprintf("name = \"handoff-worker-test\"\nmain = %q\ncompatibility_date = \"2026-04-01\"\nsend_metrics = false\n", main)
	toml += extra
	if err := os.WriteFile(conf, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(extra, "[[d1_databases]]") {
		migrate(t, dir, conf, filepath.Join(tmp, "state"))
	}
	port, inspector := freePort(t), freePort(t)
	args := []string{"dev", "--local", "--ip", "127.0.0.1", "--port", strconv.Itoa(port),
		"--inspector-port", strconv.Itoa(inspector), "-c", conf, "--persist-to", filepath.Join(tmp, "state"),
		"--log-level", "log", "--show-interactive-dev-session=false"}
	for k, v := range vars {
		args = append(args, "--var", k+":"+v)
	}
	cmd := exec.Command(filepath.Join(dir, "node_modules", ".bin", "wrangler"), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CLOUDFLARE_CF_FETCH_ENABLED=false",
		"WRANGLER_LOG_PATH="+filepath.Join(tmp, "logs"), "XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), "CI=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // so cleanup stops workerd too
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &Worker{URL: "http://127.0.0.1:" + strconv.Itoa(port), cmd: cmd, out: out, conf: conf, state: filepath.Join(tmp, "state")}
	t.Cleanup(w.stop)
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(w.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return w
			}
		}
		if cmd.ProcessState != nil {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("wrangler dev did not become ready:\n%s", out)
	return nil
}

// stop ends wrangler and its workerd (the whole process group it leads).
func (w *Worker) stop() {
	pgid := w.cmd.Process.Pid
	syscall.Kill(-pgid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { w.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		syscall.Kill(-pgid, syscall.SIGKILL)
		<-done
	}
}

// Output is what wrangler and the worker printed.
func (w *Worker) Output() string { return w.out.String() }

// WorkerdCPU returns the user+system CPU time consumed so far by the
// workerd processes under this wrangler (from /proc).
func (w *Worker) WorkerdCPU(t testing.TB) time.Duration {
	t.Helper()
	var total time.Duration
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		s := string(stat)
		i := strings.LastIndexByte(s, ')')
		if i < 0 || !strings.Contains(s[:i], "(workerd") {
			continue
		}
		f := strings.Fields(s[i+2:])
		// After ") ": state ppid pgrp … ; utime and stime are fields 14 and 15 of stat.
		if len(f) < 13 || f[2] != strconv.Itoa(w.cmd.Process.Pid) {
			continue
		}
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		total += time.Duration(ut+st) * time.Second / 100 // USER_HZ is 100 on Linux
	}
	if total == 0 {
		t.Fatal("no workerd process found under wrangler")
	}
	return total
}

// InnerURL is the address of the workerd that runs the worker itself,
// behind wrangler's dev proxy (w.URL), found among the loopback ports
// its workerd processes listen on ("ss -ltnp"): the one other than w.URL
// that answers /healthz. "" when none is found.
func (w *Worker) InnerURL() string {
	out, err := exec.Command("ss", "-ltnpH").Output()
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(out), "\n") {
		m := listenRE.FindStringSubmatch(line)
		if m == nil || !strings.Contains(line, "workerd") || !w.owns(m[2]) {
			continue
		}
		u := "http://127.0.0.1:" + m[1]
		if u == w.URL {
			continue
		}
		if resp, err := http.Get(u + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return u
			}
		}
	}
	return ""
}

var listenRE = regexp.MustCompile(`127\.0\.0\.1:(\d+)\b.*pid=(\d+)`)

// owns reports whether process pid is in this wrangler's process group.
func (w *Worker) owns(pid string) bool {
	stat, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return false
	}
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return false
	}
	f := strings.Fields(s[i+2:])
	return len(f) > 2 && f[2] == strconv.Itoa(w.cmd.Process.Pid)
}

// copyBundle copies the built files of worker/build (not wrangler's
// state or configs) into dst.
func copyBundle(t testing.TB, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !(strings.HasSuffix(name, ".mjs") || strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".wasm")) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
