package handler

import (
	"context"
	"errors"
	"testing"
	"time"
)

// countingStore counts Gets and can fail them.
type countingStore struct {
	MemoryStore
	gets int
	fail bool
}

func (s *countingStore) Get(ctx context.Context) ([]byte, error) {
	s.gets++
	if s.fail {
		return nil, errors.New("kv down")
	}
	return s.MemoryStore.Get(ctx)
}

func TestCachedStore(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	base := &countingStore{}
	base.MemoryStore.Put(ctx, []byte(`{"examples":["a"]}`))
	c := NewCachedStore(base, 30*time.Second, func() time.Time { return now })
	for i := 0; i < 3; i++ {
		if b, err := c.Get(ctx); err != nil || string(b) != `{"examples":["a"]}` {
			t.Fatalf("Get = %q, %v", b, err)
		}
	}
	if base.gets != 1 {
		t.Errorf("%d reads of the store within the TTL, want 1", base.gets)
	}
	if err := c.Put(ctx, []byte(`{"examples":["b"]}`)); err != nil {
		t.Fatal(err)
	}
	if b, _ := c.Get(ctx); string(b) != `{"examples":["b"]}` || base.gets != 1 {
		t.Errorf("after Put: Get = %q with %d store reads, want the new config from the cache", b, base.gets)
	}
	now = now.Add(31 * time.Second)
	base.fail = true
	if _, err := c.Get(ctx); err == nil {
		t.Error("an expired cache must read the store again and report its failure")
	}
	base.fail = false
	if b, err := c.Get(ctx); err != nil || string(b) != `{"examples":["b"]}` || base.gets != 3 {
		t.Errorf("a failed read must not be cached: Get = %q, %v after %d reads", b, err, base.gets)
	}
}
