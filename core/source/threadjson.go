package source

import (
	"bytes"
	"encoding/json"

	"handoff/core/errs"
	"handoff/core/thread"
)

// The "thread" adapter reads Handoff's own normalized thread JSON (the
// output of `handoff thread`), so a saved thread is valid input anywhere.
//
//	{"source":"zendesk","ticket":{…},"messages":[{"n":1,…}],"complete":true,…}
func init() {
	register(Adapter{
		Name:     "thread",
		Priority: 0,
		Detect: func(files []File) bool {
			if len(files) != 1 {
				return false
			}
			b := bytes.TrimSpace(files[0].Body)
			if len(b) == 0 || b[0] != '{' {
				return false
			}
			d := jsonOf(files[0])
			if !d.valid {
				return false
			}
			r := &d.obj
			return r.Get("messages").IsArray() && r.Get("messages.0.visibility").Exists() && r.Get("ticket").IsObject()
		},
		Parse: parseThreadJSON,
	})
}

func parseThreadJSON(p Payload) (*thread.Thread, error) {
	if len(p.Files) != 1 {
		return nil, errs.New(errs.Format, "", "a normalized thread is one file, got %d", len(p.Files))
	}
	f := p.Files[0]
	var th thread.Thread
	if err := json.Unmarshal(f.Body, &th); err != nil {
		return nil, errs.New(errs.Format, f.Name, "not a normalized thread: %v", err)
	}
	// The file keeps its own source name; Normalize renumbers the messages.
	return &th, nil
}
