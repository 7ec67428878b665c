package source

import (
	"net/url"
)

/* Test URLs

https://acme.zendesk.com/agent/tickets/123
https://acme.zendesk.com/agent/tickets/123/events
https://support.example.com/agent/tickets/77        (a host mapped to Zendesk by the user)

Not ticket views: https://acme.zendesk.com/agent/dashboard,
https://acme.zendesk.com/agent/tickets/new/1, https://acme.zendesk.com/hc/en-us/requests/123
*/

var zdTicketPath = lazyRegexp(`^/agent/tickets/(\d+)(?:/[^/]*)?/?$`)

// zdPageSize is the comments page size: Zendesk's cursor pagination allows
// up to 100, so a 5,000-comment ticket takes 50 requests.
const zdPageSize = "100"

// planZendesk maps an agent ticket view to the same-origin API calls the
// agent's session may make: the ticket (with the users, group and
// organization it names side-loaded, so ids become names), its comments with side-loaded
// users (cursor pages: links.next while meta.has_more) and, optionally,
// its audits (offset or cursor pages).
func planZendesk(u *url.URL, hosts []Host) *FetchPlan {
	if !restCloud(u, ".zendesk.com") && !restHosted(u, hosts, "zendesk") {
		return nil
	}
	m := zdTicketPath().FindStringSubmatch(u.Path)
	if m == nil {
		return nil
	}
	id, base := m[1], restOrigin(u)+"/api/v2/tickets/"+m[1]
	pager := &Pager{Style: "next", Next: []string{"links.next", "next_page"}, More: "meta.has_more", MaxPages: 100}
	return &FetchPlan{
		Source:   "zendesk",
		TicketID: id,
		Kind:     "api",
		Requests: []Request{
			{Name: "ticket", URL: base + ".json?include=users,groups,organizations"},
			{Name: "comments", URL: base + "/comments.json?include=users&page[size]=" + zdPageSize, Pager: pager},
			{Name: "audits", URL: base + "/audits.json", Optional: true, Pager: pager},
		},
	}
}
