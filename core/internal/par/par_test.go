package par

import (
	"runtime"
	"testing"
)

func TestAlongsideRunsFnBeforeWaitReturns(t *testing.T) {
	for _, parallel := range []bool{false, true} {
		got := 0
		wait := Alongside(parallel, func() { got = 42 })
		wait()
		if got != 42 {
			t.Errorf("parallel=%v: fn had not run when wait returned", parallel)
		}
	}
}

func TestAlongsideRaisesAPanicOnTheCaller(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one processor: fn runs on the caller anyway")
	}
	wait := Alongside(true, func() { panic("boom") })
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	wait()
	t.Error("wait returned after fn panicked")
}
