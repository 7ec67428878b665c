package guard_test

import "testing"

// The export thread says: HTTP 502, 40 seconds, 37 users, 16 March,
// Chrome 122, Firefox 123, 50,000 rows, req_8f2k91, release 2.14.0,
// 61,200 rows, EUR 18.400,00, 31.03.2026, EXPORT_TIMEOUT_GATEWAY, the
// export URL, ana.ruiz@northwind.example; messages from Mon 2 March to
// Tue 10 March 2026; 8 messages.
func TestUngrounded(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "ungrounded", "posture", th, []ruleCase{
		// amounts by value and currency
		{"Renewal of €18,400 per year (#6).", false, ""},
		{"Renewal of 18.400 € per year (#6).", false, ""},
		{"Renewal of EUR 18400.00 per year (#6).", false, ""},
		{"Renewal of 18 400,00 euros per year (#6).", false, ""},
		{"Renewal of €18,500 per year (#6).", true, "€18,500"},
		{"Renewal of $18,400 per year (#6).", true, "$18,400"},
		// dates by calendar value
		{"Monthly close on 16 March (#1).", false, ""},
		{"Monthly close on March 16th (#1).", false, ""},
		{"Monthly close on 2026-03-16 (#1).", false, ""},
		{"Monthly close on 16.03.2026 (#1).", false, ""},
		{"Monthly close on Mar 16 (#1).", false, ""},
		{"Cierre mensual el 16 de marzo (#1).", false, ""},
		{"Monatsabschluss am 16. März (#1).", false, ""},
		{"Clôture mensuelle le 16 mars 2026 (#1).", false, ""},
		{"Renewal due 31 March 2026 (#6).", false, ""},
		{"Opened on 2 March, a Monday (#1).", false, ""},
		{"Monthly close on 17 March (#1).", true, "17 March"},
		{"Renewal due 31.03.2025 (#6).", true, "31.03.2025"},
		{"Deadline is Friday (#1).", true, "Friday"},
		{"Last reply on Tuesday (#8).", false, ""},
		// numbers, ids, versions, codes, URLs, e-mails
		{"All 37 users are affected (#1).", false, ""},
		{"All 38 users are affected (#1).", true, "38"},
		{"Exports over 50000 rows fail (#4).", false, ""},
		{"Exports over 50 000 rows fail (#4).", false, ""},
		{"March alone is 61 200 rows (#6).", false, ""},
		{"March alone is 200 rows (#6).", true, "200"},
		{"Since release 2.13 (#4).", true, "2.13"},
		{"Chrome 122 and Firefox 123 (#3).", false, ""},
		{"Chrome 124 (#3).", true, "124"},
		{"Since release 2.14.0 (#4).", false, ""},
		{"Since release v2.14.0 (#4).", false, ""},
		{"Since release 2.15.1 (#4).", true, "2.15.1"},
		{"Request req_8f2k91 (#4).", false, ""},
		{"Request REQ_8F2K91 (#4).", false, ""},
		{"Request req_8f2k92 (#4).", true, "req_8f2k92"},
		{"Gateway says EXPORT_TIMEOUT_GATEWAY (#8).", false, ""},
		{"Gateway says EXPORT_TIMEOUT_UPSTREAM (#8).", true, "EXPORT_TIMEOUT_UPSTREAM"},
		{"Export at https://APP.example.com/reports/export (#1).", false, ""},
		{"Export at https://app.example.com/reports/import (#1).", true, "https://app.example.com/reports/import"},
		{"Contact Ana.Ruiz@Northwind.example (#1).", false, ""},
		{"Contact ana@northwind.example (#1).", true, "ana@northwind.example"},
		{"Ticket #48213 in the helpdesk.", false, ""},
		{"Order #99881 was charged twice (#6).", true, "#99881"},
		// computed counts and durations
		{"Open 9 days (#1, #8).", false, ""},
		{"Waited 4 days for an answer (#7).", false, ""},
		{"Open 30 days (#1).", true, "30"},
		{"Customer followed up 3 times (#7).", false, ""},
		{"Customer followed up 12 times (#7).", true, "12"},
		{"2 follow-ups, 3 attempts, 2x the same 502 (#3, #7).", false, ""},
		{"Waiting 48 hours (#7).", false, ""},
		{"Common terms like 2FA and L2 are no specifics (#4).", false, ""},
	})
}

func TestUngroundedWithoutThread(t *testing.T) {
	runRuleCases(t, "ungrounded", "posture", nil, []ruleCase{
		{"Renewal of €99,999 due 1 January 2031 (#6).", false, ""},
	})
}
