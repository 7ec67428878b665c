package handler

import (
	"math"
	"sync"
	"time"
)

// Limiter allows each key perMinute requests a minute as a token bucket:
// a burst of perMinute, refilled evenly over the minute. It lives in the
// worker's memory, so it counts per running instance: exact in local dev
// and on one isolate, approximate when Cloudflare runs several.
// It is safe for concurrent use.
type Limiter struct {
	mu      sync.Mutex
	buckets map[int]*bucket
	now     func() time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// NewLimiter returns an empty limiter; now is the clock (nil: time.Now).
func NewLimiter(now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{buckets: map[int]*bucket{}, now: now}
}

// Allow takes one request for key. When the bucket is empty it returns
// false and the whole seconds until a request is allowed again (at least 1).
// A perMinute of zero or less allows everything.
//
//	l := NewLimiter(nil)
//	l.Allow(0, 1) // true, 0
//	l.Allow(0, 1) // false, 60
func (l *Limiter) Allow(key, perMinute int) (bool, int) {
	if perMinute <= 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	rate := float64(perMinute) / 60 // tokens per second
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: float64(perMinute), at: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(float64(perMinute), b.tokens+now.Sub(b.at).Seconds()*rate)
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, max(1, int(math.Ceil((1-b.tokens)/rate)))
}
