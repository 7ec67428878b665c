// Package source reads helpdesk data into a normalized thread.
//
// Each helpdesk lives in its own file and registers an Adapter: a name, a
// Detect function that recognises its files by content, and a Parse
// function that turns them into a thread. Input arrives as a Payload: the
// files of one ticket, named as the CLI's directory layout and the fetch
// plans name them ("ticket.json", "comments.json", "comments-2.json",
// "page.html", "thread.eml" …).
//
//	th, err := source.Read(source.Payload{Files: []source.File{
//		{Name: "ticket.json", Body: ticketJSON},
//		{Name: "comments.json", Body: commentsJSON},
//	}})
//	// th.Source == "zendesk", th.Messages numbered 1..N
//
// Bad input never panics: it returns an *errs.Error with code E_FORMAT,
// E_EMPTY, E_TOO_LARGE or E_UNSUPPORTED naming the file concerned.
package source

import (
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"handoff/core/errs"
	"handoff/core/thread"
)

// Limits. Inputs above them fail with E_TOO_LARGE instead of exhausting
// memory; both are far above any real ticket.
const (
	MaxInputBytes = 64 << 20 // all files of one ticket together
	MaxMessages   = 20000
)

// File is one response body or exported file of a ticket.
type File struct {
	Name string `json:"name"` // base name, e.g. "comments-2.json"
	Body []byte `json:"body"`

	memo *fileMemo // what this Read has parsed of Body (jsondoc.go)
}

// Payload is everything collected for one ticket.
type Payload struct {
	Source string `json:"source,omitempty"` // adapter name; "" or "auto" detects it
	URL    string `json:"url,omitempty"`    // the ticket's page URL, when known
	Files  []File `json:"files"`
}

// Adapter knows one helpdesk (or one generic format).
type Adapter struct {
	Name string
	// Detect reports whether files look like this adapter's input. It is
	// called in Priority order; the first match wins.
	Detect func(files []File) bool
	// Parse builds the thread; Read normalizes it afterwards.
	Parse    func(p Payload) (*thread.Thread, error)
	Priority int // lower runs first
	// Plan returns the fetch plan for a page URL of this helpdesk, or nil
	// when the URL is not one of its ticket views. hosts are the
	// self-hosted origins the user added. Nil for file-only formats.
	Plan func(u *url.URL, hosts []Host) *FetchPlan
}

var adapters = map[string]Adapter{}

// register adds an adapter; each helpdesk file calls it from init.
func register(a Adapter) {
	if _, dup := adapters[a.Name]; dup {
		panic("source: adapter registered twice: " + a.Name)
	}
	adapters[a.Name] = a
}

// Names lists the registered adapters in detection order.
func Names() []string {
	var as []Adapter
	for _, a := range adapters {
		as = append(as, a)
	}
	sort.Slice(as, func(i, j int) bool {
		if as[i].Priority != as[j].Priority {
			return as[i].Priority < as[j].Priority
		}
		return as[i].Name < as[j].Name
	})
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	return names
}

// Read parses a payload into a normalized thread.
func Read(p Payload) (*thread.Thread, error) {
	if len(p.Files) == 0 {
		return nil, errs.New(errs.Empty, "", "no input files")
	}
	size := 0
	for _, f := range p.Files {
		size += len(f.Body)
	}
	if size > MaxInputBytes {
		return nil, errs.New(errs.TooLarge, "", "input is %d MB; the limit is %d MB", size>>20, MaxInputBytes>>20)
	}
	p.Files = withMemos(p.Files)
	a, files, err := pick(p)
	if err != nil {
		return nil, err
	}
	p.Files = files
	th, err := parseSafely(a, p)
	if err != nil {
		return nil, err
	}
	if len(th.Messages) > MaxMessages {
		return nil, errs.New(errs.TooLarge, "", "%d messages; the limit is %d", len(th.Messages), MaxMessages)
	}
	if th.Source == "" {
		th.Source = a.Name
	}
	if th.Ticket.URL == "" {
		th.Ticket.URL = p.URL
	}
	thread.Normalize(th)
	if len(th.Messages) == 0 {
		return nil, errs.New(errs.Empty, "", "no messages found in the %s input", a.Name)
	}
	return th, nil
}

// Detect names the adapter that would read files, or "".
//
// Files no adapter recognises are ignored: when no adapter accepts the
// whole set, each adapter in turn is asked about the files it recognises
// one by one. So a directory holding thread.eml beside expect.json and
// reference.md is read as e-mail, and one holding a normalized
// thread.json beside notes is read as a thread.
func Detect(files []File) string {
	name, _ := detect(withMemos(files))
	return name
}

// detect is Detect that also returns the files the adapter is to read.
func detect(files []File) (string, []File) {
	names := Names()
	for _, name := range names {
		if a := adapters[name]; a.Detect != nil && a.Detect(files) {
			return name, files
		}
	}
	for _, name := range names {
		if a := adapters[name]; a.Detect != nil {
			if own := ownFiles(a, files); len(own) > 0 && len(own) < len(files) && a.Detect(own) {
				return name, own
			}
		}
	}
	return "", nil
}

// claimed returns the files a should parse: all of them when a accepts
// the set as a whole, else the files a recognises one by one (when it
// accepts those together), else all of them, so that Parse reports what
// is wrong with the input.
func claimed(a Adapter, files []File) []File {
	if a.Detect == nil || a.Detect(files) {
		return files
	}
	if own := ownFiles(a, files); len(own) > 0 && a.Detect(own) {
		return own
	}
	return files
}

// ownFiles returns the files a's Detect accepts on their own.
func ownFiles(a Adapter, files []File) []File {
	var own []File
	for _, f := range files {
		if a.Detect([]File{f}) {
			own = append(own, f)
		}
	}
	return own
}

// pick chooses the adapter (named, or detected) and the files it reads.
func pick(p Payload) (Adapter, []File, error) {
	name := strings.ToLower(strings.TrimSpace(p.Source))
	if name == "" || name == "auto" {
		name, files := detect(p.Files)
		if name == "" {
			return Adapter{}, nil, errs.New(errs.Unsupported, p.Files[0].Name, "cannot tell which helpdesk this is from; pass --source (%s)", strings.Join(Names(), ", "))
		}
		return adapters[name], files, nil
	}
	a, ok := adapters[name]
	if !ok {
		return Adapter{}, nil, errs.New(errs.Usage, "", "unknown source %q (known: %s)", name, strings.Join(Names(), ", "))
	}
	return a, claimed(a, p.Files), nil
}

// parseSafely turns a panic in an adapter into E_INTERNAL, so bad input
// can never crash the CLI, the worker or the browser.
func parseSafely(a Adapter, p Payload) (th *thread.Thread, err error) {
	defer func() {
		if r := recover(); r != nil {
			th, err = nil, errs.New(errs.Internal, a.Name, "adapter failed: %v", r)
		}
	}()
	return a.Parse(p)
}

// find returns the file with base name name (case-insensitive), or nil.
func find(files []File, name string) *File {
	for i := range files {
		if strings.EqualFold(path.Base(files[i].Name), name) {
			return &files[i]
		}
	}
	return nil
}

// pages returns stem.json, stem-2.json, stem-3.json … in page order.
// A file named exactly stem.json is page 1.
func pages(files []File, stem string) []File {
	type page struct {
		n int
		f File
	}
	var ps []page
	for _, f := range files {
		base := strings.ToLower(path.Base(f.Name))
		if !strings.HasSuffix(base, ".json") {
			continue
		}
		b := strings.TrimSuffix(base, ".json")
		switch {
		case b == stem:
			ps = append(ps, page{1, f})
		case strings.HasPrefix(b, stem+"-"):
			if n, err := strconv.Atoi(b[len(stem)+1:]); err == nil && n > 0 {
				ps = append(ps, page{n, f})
			}
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].n < ps[j].n })
	out := make([]File, len(ps))
	for i, p := range ps {
		out[i] = p.f
	}
	return out
}
