// Command gen writes the 300-message escalation zd-long-integration-300: a
// Zendesk ticket (ticket.json and three pages of comments) about an ERP
// connector that truncates large orders, open for five and a half months.
//
// The labelled messages (attempts, their results, the blocker, the posture
// facts) are written by hand in script below, at fixed positions, some
// early and some late; everything between them is routine follow-up drawn
// from phrase pools with a fixed seed. Output is byte-for-byte
// deterministic: run it after changing the script or the pools and commit
// the result. gen_test.go fails when the committed files are stale.
//
//	go run ./testdata/escalations/gen            (from the repository root)
//	go generate ./testdata/escalations/gen
package main

//go:generate go run . -out ../zd-long-integration-300

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("out", "testdata/escalations/zd-long-integration-300", "directory to write the case into")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
