package draft

import (
	"slices"
	"testing"
)

// TestShown checks the fast path for increasing numbers against the
// general one: positive, each once, first maxCites-1 and the last new one.
func TestShown(t *testing.T) {
	for _, c := range []struct{ in, want []int }{
		{nil, nil},
		{[]int{3}, []int{3}},
		{[]int{1, 2, 3, 4, 5, 6}, []int{1, 2, 3, 4, 5, 6}},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8}, []int{1, 2, 3, 4, 5, 8}},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 6}, []int{1, 2, 3, 4, 5, 8}},
		{[]int{4, 0, -1, 4, 2}, []int{4, 2}},
		{[]int{9, 1, 2, 3, 4, 5, 6}, []int{9, 1, 2, 3, 4, 6}},
	} {
		if got := shown(c.in); !slices.Equal(got, c.want) {
			t.Errorf("shown(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
