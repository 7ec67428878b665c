package source

import (
	"bytes"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"handoff/core/clean"
	"handoff/core/errs"
)

// Helpers shared by the adapters that read helpdesk REST responses
// (Zendesk, Jira, Zammad): JSON loading, time stamps, addresses and the
// origin matching of fetch plans.

// restFile loads one file of a ticket's API responses. It returns the
// parsed body and the file's stem without page suffix ("comments" for
// comments-2.json); ok is false for a file to ignore (not .json, or an
// unknown name whose body is not JSON). A well-known stem whose body is
// not JSON fails with E_FORMAT: "ticket.json: not a Zendesk ticket
// response (invalid JSON)".
func restFile(f File, helpdesk string, wellKnown map[string]string) (r *jsonObj, stem string, ok bool, err error) {
	name := strings.ToLower(path.Base(f.Name))
	if !strings.HasSuffix(name, ".json") {
		return nil, "", false, nil
	}
	stem = strings.TrimSuffix(name, ".json")
	if n := restPageNo(name); n > 1 {
		stem = strings.TrimSuffix(stem, "-"+strconv.Itoa(n))
	}
	d := jsonExact(f)
	if !d.valid {
		if _, known := wellKnown[stem]; known {
			return nil, stem, false, errs.New(errs.Format, f.Name, "not a %s %s response (invalid JSON)", helpdesk, stem)
		}
		return nil, stem, false, nil
	}
	return &d.obj, stem, true, nil
}

// restDetect reports whether any JSON file satisfies looksLike.
func restDetect(files []File, looksLike func(r *jsonObj) bool) bool {
	for _, f := range files {
		b := bytes.TrimSpace(f.Body)
		if len(b) == 0 || (b[0] != '{' && b[0] != '[') {
			continue
		}
		if looksLike(&jsonOf(f).obj) {
			return true
		}
	}
	return false
}

// restPageNo is the page number in a file name: comments.json → 1,
// comments-3.json → 3, anything else → 1.
func restPageNo(name string) int {
	b := strings.TrimSuffix(strings.ToLower(path.Base(name)), ".json")
	if i := strings.LastIndexByte(b, '-'); i >= 0 {
		if n, err := strconv.Atoi(b[i+1:]); err == nil && n > 0 {
			return n
		}
	}
	return 1
}

// restTimeLayouts are the time formats the JSON APIs use: RFC 3339
// (Zendesk, Zammad, Help Scout, JSM "iso8601") and Jira's
// "2016-03-16T04:22:37.356+0000".
var restTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.000-0700",
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02",
}

// restTime parses an API time stamp; anything else gives the zero time.
func restTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range restTimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// restAddress splits "Emma Taylor via <order@x.com>" or "david@x.com" into
// a display name and an address. Zammad's "via …" suffix (an agent
// writing through a group address) is dropped from the name.
func restAddress(s string) (name, email string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	if i, j := strings.LastIndexByte(s, '<'), strings.LastIndexByte(s, '>'); i >= 0 && j > i {
		name, email = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:j])
	} else if strings.Contains(s, "@") && !strings.ContainsAny(s, " \t") {
		email = s
	} else {
		name = s
	}
	name = strings.TrimSpace(strings.Trim(name, `"`))
	if i := strings.Index(name+" ", " via "); i > 0 {
		name = strings.TrimSpace(name[:i])
	}
	return name, email
}

// restOrigin is u's scheme and host: "https://acme.zendesk.com".
func restOrigin(u *url.URL) string {
	return strings.ToLower(u.Scheme + "://" + u.Host)
}

// restHosted reports whether u is on one of the self-hosted origins the
// user added for source.
func restHosted(u *url.URL, hosts []Host, source string) bool {
	o := restOrigin(u)
	for _, h := range hosts {
		if strings.EqualFold(h.Source, source) && strings.EqualFold(strings.TrimRight(strings.TrimSpace(h.Origin), "/"), o) {
			return true
		}
	}
	return false
}

// restCloud reports whether u's host is a subdomain of the vendor's cloud
// domain, e.g. restCloud(u, ".zendesk.com").
func restCloud(u *url.URL, suffix string) bool {
	h := strings.ToLower(u.Hostname())
	return strings.HasSuffix(h, suffix) && len(h) > len(suffix)
}

// restID renders a JSON id (number or string) as text; "" when absent.
func restID(r gjson.Result) string {
	switch r.Type {
	case gjson.Number:
		return r.Raw
	case gjson.String:
		return strings.TrimSpace(r.Str)
	}
	return ""
}

// restRemoved keeps everything cleaning took away from an e-mail body:
// quoted replies first, then the signature.
func restRemoved(r clean.Result) string {
	switch {
	case r.Signature == "":
		return r.Quoted
	case r.Quoted == "":
		return r.Signature
	}
	return r.Quoted + "\n\n" + r.Signature
}

// restCleanEmail cleans an e-mail body (HTML or plain) and returns the
// visible text, everything cleaning removed (quotes, then the signature)
// and whether it is a forward. A body that is only a signature or a quote
// leaves the text empty; what was removed is still kept.
func restCleanEmail(body string, isHTML bool) (text, removed string, forwarded bool) {
	var r clean.Result
	if isHTML {
		r = clean.HTML(body)
	} else {
		r = clean.Text(body)
	}
	return r.Text, restRemoved(r), r.Forwarded
}
