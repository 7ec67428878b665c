//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// A session is one request served by a goroutine that never touches a JS
// I/O object: workerd binds those (fetches, streams, abort signals) to the
// request that created them, and in one long-lived Go instance a goroutine
// of request A may run while request B's code is on the stack. So the JS
// module does every fetch and wait itself, in its own request's context:
// the goroutine hands it steps ("fetch this", "sleep this long", "here is
// the response") and the module answers with resume.
type session struct {
	steps   chan step
	replies chan reply
}

// step is what the JS module must do next.
type step struct {
	kind    string // "fetch", "sleep" or "response"
	method  string
	url     string
	header  http.Header
	body    []byte
	timeout time.Duration // fetch: abort after; sleep: how long
	status  int           // response
}

// reply is the JS module's answer to a fetch or sleep step.
type reply struct {
	status  int
	header  http.Header
	body    []byte
	timeout bool   // the fetch was aborted by its timeout
	err     string // any other failure
}

var sessions struct {
	sync.Mutex
	next int
	m    map[int]*session
}

type sessionKey struct{}

// start serves one request on a new goroutine and returns its first step.
func start(h http.Handler, r *http.Request) (int, step) {
	s := &session{steps: make(chan step), replies: make(chan reply)}
	sessions.Lock()
	if sessions.m == nil {
		sessions.m = map[int]*session{}
	}
	sessions.next++
	id := sessions.next
	sessions.m[id] = s
	sessions.Unlock()
	go func() {
		rec := &recorder{header: http.Header{}}
		defer func() {
			if recover() != nil {
				logLine("panic: internal error")
				rec = &recorder{header: http.Header{"Content-Type": {"application/json"}}, status: 500}
				rec.body.WriteString(`{"error":{"code":"E_INTERNAL","message":"the worker failed"}}`)
			}
			s.steps <- step{kind: "response", status: rec.status, header: rec.header, body: rec.body.Bytes()}
		}()
		h.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), sessionKey{}, s)))
	}()
	return id, s.next(id)
}

// resume gives session id the reply to its last step and returns the next.
func resume(id int, rp reply) (step, bool) {
	sessions.Lock()
	s := sessions.m[id]
	sessions.Unlock()
	if s == nil {
		return step{}, false
	}
	s.replies <- rp
	return s.next(id), true
}

// next waits for the goroutine's next step; the goroutine only computes
// between steps, so this does not wait on JS.
func (s *session) next(id int) step {
	st := <-s.steps
	if st.kind == "response" {
		sessions.Lock()
		delete(sessions.m, id)
		sessions.Unlock()
	}
	return st
}

func sessionOf(ctx context.Context) (*session, error) {
	s, ok := ctx.Value(sessionKey{}).(*session)
	if !ok {
		return nil, errors.New("no JS session for this request")
	}
	return s, nil
}

// sessionDoer is the model client's HTTP: a fetch step.
type sessionDoer struct{}

func (sessionDoer) Do(r *http.Request) (*http.Response, error) {
	s, err := sessionOf(r.Context())
	if err != nil {
		return nil, err
	}
	var body []byte
	if r.Body != nil {
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
		r.Body.Close()
	}
	timeout := time.Minute
	if d, ok := r.Context().Deadline(); ok {
		timeout = time.Until(d)
	}
	if timeout <= 0 {
		return nil, context.DeadlineExceeded
	}
	s.steps <- step{kind: "fetch", method: r.Method, url: r.URL.String(), header: r.Header, body: body, timeout: timeout}
	rp := <-s.replies
	switch {
	case rp.timeout:
		return nil, context.DeadlineExceeded
	case rp.err != "":
		return nil, &url.Error{Op: r.Method, URL: r.URL.Redacted(), Err: errors.New(rp.err)}
	}
	return &http.Response{Status: strconv.Itoa(rp.status) + " " + http.StatusText(rp.status), StatusCode: rp.status,
		Header: rp.header, Body: io.NopCloser(bytes.NewReader(rp.body)), ContentLength: int64(len(rp.body)), Request: r}, nil
}

// sessionSleep waits between model retries: a sleep step.
func sessionSleep(ctx context.Context, d time.Duration) error {
	s, err := sessionOf(ctx)
	if err != nil {
		return err
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d {
		return context.DeadlineExceeded
	}
	s.steps <- step{kind: "sleep", timeout: d}
	<-s.replies
	return ctx.Err()
}

// recorder collects the handler's answer; answers are small JSON.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}
