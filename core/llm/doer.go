package llm

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"time"
)

// authDoer sets the credential header itself: go-openai only sets it from
// a key it keeps privately in DefaultConfig, which this package never uses.
type authDoer struct {
	next  Doer
	key   string
	azure bool
}

func (a authDoer) Do(r *http.Request) (*http.Response, error) {
	if a.azure {
		r.Header.Set("api-key", a.key)
	} else {
		r.Header.Set("Authorization", "Bearer "+a.key)
	}
	return a.next.Do(r)
}

// retryDoer retries 429 and 5xx answers and transport errors with
// exponential backoff (0.5 s, 1 s, 2 s …, capped at 8 s), honouring a
// Retry-After header of up to 30 s, while the request's context allows.
type retryDoer struct {
	next  Doer
	max   int
	sleep func(context.Context, time.Duration) error
}

func (d *retryDoer) Do(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	for attempt := 0; ; attempt++ {
		req := r.Clone(r.Context())
		if body != nil {
			req.Body = io.NopCloser(bytes.NewReader(body))
			req.ContentLength = int64(len(body))
		}
		resp, err := d.next.Do(req)
		if attempt >= d.max || !retryable(resp, err) || r.Context().Err() != nil {
			return resp, err
		}
		wait := backoff(attempt, resp)
		if resp != nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		if err := d.sleep(r.Context(), wait); err != nil {
			return nil, err
		}
	}
}

func retryable(resp *http.Response, err error) bool {
	if err != nil {
		return true
	}
	return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
}

func backoff(attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if s := resp.Header.Get("Retry-After"); s != "" {
			if secs, err := strconv.Atoi(s); err == nil && secs >= 0 {
				return min(time.Duration(secs)*time.Second, 30*time.Second)
			}
			if t, err := http.ParseTime(s); err == nil {
				return min(max(time.Until(t), 0), 30*time.Second)
			}
		}
	}
	return min(500*time.Millisecond<<attempt, 8*time.Second)
}
