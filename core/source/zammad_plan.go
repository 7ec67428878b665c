package source

import (
	"net/url"
)

/* Test URLs

https://acme.zammad.com/#ticket/zoom/9
https://acme.zammad.com/#ticket/zoom/9/42          (scrolled to article 42)
https://support.example.org/#ticket/zoom/9         (self-hosted, added by the user)

Not ticket views: https://acme.zammad.com/#dashboard, https://acme.zammad.com/#ticket/create,
https://acme.zammad.com/#ticket/view/my_assigned, https://unknown.example.org/#ticket/zoom/9
*/

// Zammad's agent UI routes in the fragment: the ticket id follows
// "ticket/zoom/", optionally followed by an article id.
var zammadZoom = lazyRegexp(`^/?ticket/zoom/(\d+)(?:/\d+)?/?$`)

// planZammad maps a ticket zoom view to the API calls Zammad's own UI
// makes with the agent's session: the ticket with names expanded, all its
// articles, and optionally its history for state and owner changes.
func planZammad(u *url.URL, hosts []Host) *FetchPlan {
	if !restCloud(u, ".zammad.com") && !restHosted(u, hosts, "zammad") {
		return nil
	}
	m := zammadZoom().FindStringSubmatch(u.Fragment)
	if m == nil {
		return nil
	}
	api := restOrigin(u) + "/api/v1/"
	return &FetchPlan{
		Source:   "zammad",
		TicketID: m[1],
		Kind:     "api",
		Requests: []Request{
			{Name: "ticket", URL: api + "tickets/" + m[1] + "?expand=true"},
			{Name: "articles", URL: api + "ticket_articles/by_ticket/" + m[1]},
			{Name: "history", URL: api + "ticket_history/" + m[1], Optional: true},
		},
	}
}
