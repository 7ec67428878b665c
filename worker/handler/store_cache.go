package handler

import (
	"bytes"
	"context"
	"sync"
	"time"
)

// CachedStore keeps what a Store answered for TTL, so a draft does not
// read the team config from KV on every request: Workers KV is itself
// eventually consistent (a write may take up to 60 s to show elsewhere),
// so a short cache changes nothing an admin can rely on. A Put through
// the cache updates it at once. A failed Get is not cached. It is safe
// for concurrent use.
//
//	store := handler.NewCachedStore(kv, 30*time.Second, nil)
type CachedStore struct {
	Store Store
	TTL   time.Duration
	now   func() time.Time

	mu    sync.Mutex
	data  []byte
	until time.Time // zero: nothing cached
}

// NewCachedStore caches s for ttl; now is the clock (nil: time.Now).
func NewCachedStore(s Store, ttl time.Duration, now func() time.Time) *CachedStore {
	if now == nil {
		now = time.Now
	}
	return &CachedStore{Store: s, TTL: ttl, now: now}
}

// Get answers from the cache while it is fresh, else from the Store.
func (c *CachedStore) Get(ctx context.Context) ([]byte, error) {
	c.mu.Lock()
	if !c.until.IsZero() && c.now().Before(c.until) {
		data := c.data
		c.mu.Unlock()
		return data, nil
	}
	c.mu.Unlock()
	data, err := c.Store.Get(ctx)
	if err != nil {
		return nil, err
	}
	c.keep(data)
	return data, nil
}

// Put writes through to the Store and, when that succeeds, to the cache.
func (c *CachedStore) Put(ctx context.Context, data []byte) error {
	if err := c.Store.Put(ctx, data); err != nil {
		return err
	}
	c.keep(bytes.Clone(data))
	return nil
}

func (c *CachedStore) keep(data []byte) {
	c.mu.Lock()
	c.data, c.until = data, c.now().Add(c.TTL)
	c.mu.Unlock()
}
