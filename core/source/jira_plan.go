package source

import (
	"net/url"
	"regexp"
	"strings"
)

/* Test URLs

https://acme.atlassian.net/browse/SUP-12
https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-12
https://acme.atlassian.net/jira/servicedesk/projects/SUP/issues/SUP-12
https://acme.atlassian.net/jira/software/projects/APP/boards/3?selectedIssue=APP-7
https://acme.atlassian.net/servicedesk/customer/portal/2/SUP-12
https://jira.example.org/browse/OPS-5                 (Data Center host added by the user)
https://intra.example.org/jira/browse/OPS-5           (Data Center under a context path)
https://jira.example.org/servicedesk/customer/portal/1/OPS-5

Not ticket views: https://acme.atlassian.net/jira/your-work,
https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1,
https://acme.atlassian.net/wiki/spaces/SUP/pages/1
*/

const jiraKey = `([A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*)`

// jiraViews are the ticket views; the first group is the context path of a
// Data Center install ("" on Cloud), the last the issue key.
var jiraViews = []func() *regexp.Regexp{
	lazyRegexp(`^(.*?)/browse/` + jiraKey + `/?$`),
	lazyRegexp(`^(.*?)/servicedesk/customer/portal/\d+/` + jiraKey + `/?$`),
	lazyRegexp(`^(.*?)/(?:jira/(?:servicedesk|software|core)/(?:c/)?)?projects/[^/]+/(?:queues/.+|issues|boards/\d+)/` + jiraKey + `/?$`),
}

var jiraKeyOnly = lazyRegexp(`^` + jiraKey + `$`)

// jiraPageSize is the comment page size; Jira caps maxResults at 100.
const jiraPageSize = 100

// planJira maps a Jira or JSM issue view to /rest/api/2 calls the agent's
// session may make: the issue with rendered fields and changelog, its
// comments page by page (startAt/maxResults/total; optional, as the issue
// already embeds the first ones) and, optionally, the JSM request comments
// that carry the public flag.
func planJira(u *url.URL, hosts []Host) *FetchPlan {
	if !restCloud(u, ".atlassian.net") && !restHosted(u, hosts, "jira") {
		return nil
	}
	base, key := "", ""
	for _, re := range jiraViews {
		if m := re().FindStringSubmatch(u.Path); m != nil {
			base, key = m[1], m[2]
			break
		}
	}
	if key == "" {
		if k := u.Query().Get("selectedIssue"); jiraKeyOnly().MatchString(k) {
			key = k
		}
	}
	if key == "" {
		return nil
	}
	key = strings.ToUpper(key)
	api := restOrigin(u) + base + "/rest/api/2/issue/" + key
	return &FetchPlan{
		Source:   "jira",
		TicketID: key,
		Kind:     "api",
		Requests: []Request{
			{Name: "issue", URL: api + "?expand=renderedFields,changelog"},
			{Name: "comments", URL: api + "/comment?startAt=0&maxResults=100&expand=renderedBody", Optional: true,
				Pager: &Pager{Style: "offset", Param: "startAt", Limit: jiraPageSize, Total: "total", Items: "comments", MaxPages: 100}},
			{Name: "request-comments", URL: restOrigin(u) + base + "/rest/servicedeskapi/request/" + key + "/comment?start=0&limit=100", Optional: true,
				Pager: &Pager{Style: "offset", Param: "start", Limit: jiraPageSize, Items: "values", MaxPages: 100}},
		},
	}
}
