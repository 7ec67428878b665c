package itest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestBenchWorkerd prints, for the stock syumai runtime (a new Go instance
// per request) and for ours (one instance per isolate): workerd CPU time
// per request (from /proc: every workerd process under wrangler, so it
// includes workerd's own HTTP work) and wall time per request, for
// GET /healthz and a full POST /v1/draft sent straight to the workerd
// that runs the worker; then the added latency of a draft over calling
// the fake upstream directly. Figures only: no timing assertions. The
// load run is TestBenchLoad.
func TestBenchWorkerd(t *testing.T) {
	guard(t, "HANDOFF_WORKER_BENCH")
	up := NewUpstream()
	defer up.Close()
	v := vars(up.URL, map[string]string{"HANDOFF_RATE_LIMIT": "off", "HANDOFF_MAX_BODY": "2097152", "OPENAI_TIMEOUT": "60"})
	draft := threadBody(t, "")
	const n = 60
	for _, main := range []string{"stock.mjs", "worker.mjs"} {
		w := StartWorker(t, main, v)
		base := w.InnerURL() // past wrangler's proxy (see TestBenchLoad)
		if base == "" {
			base = w.URL
		}
		for _, ep := range []struct {
			name string
			do   func() (int, error)
		}{
			{"GET /healthz", func() (int, error) { return get(base + "/healthz") }},
			{"POST /v1/draft", func() (int, error) { return send(base+"/v1/draft", teamToken, draft) }},
		} {
			for i := 0; i < 5; i++ { // warm up
				ep.do()
			}
			cpu0 := w.WorkerdCPU(t)
			walls := make([]time.Duration, 0, n)
			for i := 0; i < n; i++ {
				start := time.Now()
				status, err := ep.do()
				if err != nil || status != 200 {
					t.Fatalf("%s %s: %d %v\n%s", main, ep.name, status, err, w.Output())
				}
				walls = append(walls, time.Since(start))
			}
			cpu := (w.WorkerdCPU(t) - cpu0) / n
			fmt.Printf("%-10s %-15s CPU/request %6.1f ms   wall p50 %6.1f ms  p95 %6.1f ms\n", main, ep.name, ms(cpu), ms(pct(walls, 50)), ms(pct(walls, 95)))
		}
		if main == "worker.mjs" {
			addedLatency(t, w, up, draft)
		}
		w.stop()
	}
}

// TestBenchLoad is the load run on its own worker: 500 drafts at 20
// concurrent, rate limit off, straight to the workerd that runs the
// worker; any error fails it. Then the same run through wrangler dev's
// proxy, reported only: that proxy (absent from a deployment) reuses
// keep-alive connections to a workerd whose one thread is saturated by
// the drafts' CPU, and workerd's HTTP server closes a connection idle for
// its 5 s pipeline timeout even when the proxy's next request has just
// arrived on it, which the proxy reports as 503 "Your worker restarted
// mid-request" (README: Measured).
func TestBenchLoad(t *testing.T) {
	guard(t, "HANDOFF_WORKER_BENCH")
	up := NewUpstream()
	defer up.Close()
	w := StartWorker(t, "worker.mjs", vars(up.URL, map[string]string{"HANDOFF_RATE_LIMIT": "off", "HANDOFF_MAX_BODY": "2097152", "OPENAI_TIMEOUT": "60"}))
	inner := w.InnerURL()
	if inner == "" {
		t.Fatal("could not find the port of the workerd behind wrangler's proxy (ss -ltnp)")
	}
	draft := threadBody(t, "")
	if n := load(inner, "straight to workerd", draft); n > 0 {
		t.Errorf("%d errors\n%s", n, w.Output())
	}
	load(w.URL, "via wrangler's proxy", draft)
}

// addedLatency compares a draft through the worker with a direct call to
// the fake upstream carrying the very request the worker sent it (same
// prompt, same size), sequentially and after warm-up; through wrangler's
// dev proxy (what clients of "wrangler dev" see) and, when its port can
// be found, straight to workerd instead (closer to a deployed worker,
// which has no such proxy).
func addedLatency(t *testing.T, w *Worker, up *Upstream, draft []byte) {
	const n, warm = 60, 10
	targets := []struct{ name, url string }{{"via wrangler's proxy", w.URL}}
	if inner := w.InnerURL(); inner != "" {
		targets = []struct{ name, url string }{{"straight to workerd", inner}}
	}
	for _, tg := range targets {
		for i := 0; i < warm; i++ {
			send(tg.url+"/v1/draft", teamToken, draft)
		}
		chat := up.LastBody()
		direct := make([]time.Duration, 0, n)
		via := make([]time.Duration, 0, n)
		for i := 0; i < n; i++ {
			start := time.Now()
			if status, err := send(up.URL+"/v1/chat/completions", "sk-fake", chat); err != nil || status != 200 {
				t.Fatalf("direct: %d %v", status, err)
			}
			direct = append(direct, time.Since(start))
			start = time.Now()
			if status, err := send(tg.url+"/v1/draft", teamToken, draft); err != nil || status != 200 {
				t.Fatalf("%s: %d %v", tg.name, status, err)
			}
			via = append(via, time.Since(start))
		}
		fmt.Printf("added latency of a draft over the upstream call, %s: p50 %.1f ms (worker p50 %.1f ms, p95 %.1f ms; upstream directly p50 %.2f ms, request %d bytes)\n",
			tg.name, ms(pct(via, 50)-pct(direct, 50)), ms(pct(via, 50)), ms(pct(via, 95)), ms(pct(direct, 50)), len(chat))
	}
}

// load sends 500 drafts to url, 20 at a time, prints the errors and
// latency, and returns the number of errors.
func load(url, name string, draft []byte) int {
	const total, concurrent = 500, 20
	var mu sync.Mutex
	var lat []time.Duration
	errors := map[string]int{}
	jobs := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for g := 0; g < concurrent; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
				t0 := time.Now()
				status, body, err := sendBody(url+"/v1/draft", teamToken, draft)
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				if err != nil {
					errors[err.Error()]++
				} else if status != 200 {
					errors[fmt.Sprintf("HTTP %d %.120s", status, body)]++
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < total; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	n := 0
	for _, c := range errors {
		n += c
	}
	fmt.Printf("load %s: %d drafts at %d concurrent in %.1f s: %d errors, p50 %.1f ms, p95 %.1f ms\n",
		name, total, concurrent, time.Since(start).Seconds(), n, ms(pct(lat, 50)), ms(pct(lat, 95)))
	for e, c := range errors {
		fmt.Printf("  %d × %s\n", c, e)
	}
	return n
}

// client keeps connections alive but never reuses one idle for 2 s:
// workerd's HTTP server closes a connection idle for 5 s (kj's
// pipelineTimeout), and a request sent on it just then is lost (EOF,
// "connection reset by peer"); a client must time idle connections out
// before the server does.
// Wrangler's proxy re-queues a GET whose forwarding failed that way until
// the worker reloads, which never happens: the timeout turns such a hang
// into an error.
var client = &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: 32, IdleConnTimeout: 2 * time.Second}}

func get(url string) (int, error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

func send(url, token string, body []byte) (int, error) {
	status, _, err := sendBody(url, token, body)
	return status, err
}

// sendBody posts body with the token and returns the status and answer.
func sendBody(url, token string, body []byte) (int, []byte, error) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, b, err
}

func pct(d []time.Duration, p int) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[(len(s)-1)*p/100]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
