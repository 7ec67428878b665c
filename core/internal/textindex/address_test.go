package textindex

import (
	"reflect"
	"testing"
)

func TestAddressRuns(t *testing.T) {
	for s, want := range map[string][][2]int{
		"mail ana@example.org, not me":   {{5, 20}},
		"no address here":                nil,
		"a@b c d@e":                      {{0, 3}, {6, 9}},
		"<ana.ruiz+tag@x-y.io>":          {{1, 20}},
		"ümlaut@ex.de":                   {{2, 13}},
		"trailing @":                     {{9, 10}},
		"tab\tsep@x.org\nnext@y.org end": {{4, 13}, {14, 24}},
	} {
		if got := AddressRuns(s); !reflect.DeepEqual(got, want) {
			t.Errorf("AddressRuns(%q) = %v, want %v", s, got, want)
		}
	}
}
