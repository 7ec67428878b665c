package source

import (
	"net/url"
	"strings"

	"handoff/core/errs"
)

// A FetchPlan tells the extension's content script what to collect on a
// ticket page. It is data, executed by one generic engine: for "api" plans
// the script fetches each Request same-origin with the agent's session and
// follows its Pager; for "dom" plans it serialises the first element that
// matches one of Capture.Containers. Either way the results come back as a
// Payload whose files are named "<Request.Name>.json", "<Name>-2.json" …
// or Capture.File, and Read parses them.
//
//	p, _ := source.PlanFor("https://acme.zendesk.com/agent/tickets/123", nil)
//	// p.Source == "zendesk", p.Kind == "api",
//	// p.Requests[0].URL == "https://acme.zendesk.com/api/v2/tickets/123.json"
type FetchPlan struct {
	Source   string    `json:"source"`
	TicketID string    `json:"ticket_id"`
	Kind     string    `json:"kind"` // "api" or "dom"
	Requests []Request `json:"requests,omitempty"`
	Capture  *Capture  `json:"capture,omitempty"`
}

// Request is one same-origin API call of a plan.
type Request struct {
	Name     string            `json:"name"` // file stem of its pages: "comments" → comments.json, comments-2.json
	URL      string            `json:"url"`  // absolute, same origin as the page
	Headers  map[string]string `json:"headers,omitempty"`
	Optional bool              `json:"optional,omitempty"` // a failure does not fail the plan
	Pager    *Pager            `json:"pager,omitempty"`
}

// Pager says how to find the next page of a response. Paths are dotted
// JSON paths ("links.next").
//
//   - Style "next": the next page's URL is at the first non-empty of Next;
//     stop when it is empty or null, or when More is given and false.
//   - Style "offset": add Limit to the query parameter Param until the
//     number at Total is reached or a page at Items comes back empty.
type Pager struct {
	Style    string   `json:"style"`
	Next     []string `json:"next,omitempty"`
	More     string   `json:"more,omitempty"`
	Param    string   `json:"param,omitempty"`
	Limit    int      `json:"limit,omitempty"`
	Total    string   `json:"total,omitempty"`
	Items    string   `json:"items,omitempty"`
	MaxPages int      `json:"max_pages"` // a hard stop against loops
}

// Capture is a DOM capture: the first selector that matches is serialised
// (outerHTML) into File. Verified is false while the selectors are the
// project's best reading of the UI and no real page has confirmed them.
type Capture struct {
	Containers []string `json:"containers"`
	File       string   `json:"file"` // "page.html"
	Verified   bool     `json:"verified"`
}

// Host is a self-hosted helpdesk the user added in the options, e.g.
// {Source: "zammad", Origin: "https://support.example.org"}.
type Host struct {
	Source string `json:"source"`
	Origin string `json:"origin"`
}

// PlanFor returns the fetch plan for a helpdesk page URL. A URL that is
// no known ticket view fails with E_UNSUPPORTED; the extension then offers
// the generic "select the conversation" capture.
func PlanFor(rawURL string, hosts []Host) (*FetchPlan, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, errs.New(errs.Usage, "", "not a page URL: %q", rawURL)
	}
	for _, name := range Names() {
		if a := adapters[name]; a.Plan != nil {
			if p := a.Plan(u, hosts); p != nil {
				return p, nil
			}
		}
	}
	return nil, errs.New(errs.Unsupported, "", "%s is not a ticket view Handoff knows", u.Host+u.Path)
}
