package main

// line is one hand-written message of the long thread.
type line struct {
	who      string // key into people
	internal bool
	text     string
	attach   []string
}

// script holds the labelled messages by their 1-based position. expect.json
// cites these positions; gen_test.go checks that it cites nothing else.
var script = map[int]line{
	1: {who: "ruth", text: `Hello Crateflow support,

Since we switched on the Orbital ERP connector in May, large orders arrive in Orbital incomplete. Example: SO-10442 has 63 lines in Crateflow but only 50 in Orbital. The sync log says "completed" with no errors.

We ship about 400 orders a week and roughly one in eight has more than 50 lines. Our warehouse picks from Orbital, so every missing line is an item missing from a customer's shipment.

Ruth Ellison
Operations Manager, Fernhill Outdoor Supply`},
	2: {who: "lena", text: `Hi Ruth,

Thanks for the example. Which version of the Orbital connector are you on (Settings > Integrations > Orbital ERP shows it at the top), and could you send two or three more order numbers that came through short?

Lena
Crateflow Support`},
	3: {who: "ruth", text: `Hi Lena,

Connector version 3.1.4. More examples: SO-10457 (57 lines, 50 arrived) and SO-10460 (81 lines, 50 arrived).

Ruth`},
	4: {who: "lena", text: `Hi Ruth,

Thanks. Version 3.1 changed the permissions the connector asks Orbital for, and an old token can cause partial writes. Could you re-authorise the connection (Settings > Integrations > Orbital ERP > Reconnect, then sign in to Orbital again) and let me know how the next large orders come through?

Lena`},
	7: {who: "dev", text: `Hi Lena, Dev from Fernhill IT here. I reconnected the Orbital integration yesterday as you asked and signed in with our Orbital admin account. No change: SO-10502 had 58 lines and 50 arrived in Orbital.

Dev Chaudhry
IT, Fernhill Outdoor Supply`},
	12: {who: "ahmed", internal: true, text: `Went through every example reported so far: each short order stops at exactly 50 lines, whatever the total (57, 58, 63, 81). Smaller orders are always complete. Smells like a page or batch limit somewhere, not bad data.`},
	23: {who: "ahmed", text: `Hi Ruth,

One setting to try: under Settings > Integrations > Orbital ERP > Advanced, lower "Sync batch size" from 100 to 25. Large batches can time out against Orbital and leave orders half written.

Ahmed Karimi
Crateflow Support, Tier 2`},
	26: {who: "ruth", text: `Hi Ahmed,

We changed the batch size to 25 on Monday. The timeouts we used to see in the sync log a few times a week have stopped, so that part helped. But large orders are still cut off: SO-10588 had 71 lines and 50 arrived.

Ruth`},
	58: {who: "grace", text: `Hi Ruth and Dev,

I'm Grace, the integrations specialist on our side, and I'm taking this over from Ahmed. To make sure we're not looking at stale data, I've started a full resync of every order since the connector was switched on in May (Integrations > Orbital ERP > Resync range). It runs in the background; could you check a few of the large orders once it finishes?

Grace O'Neill
Integrations Specialist, Crateflow`},
	61: {who: "dev", text: `Hi Grace,

The resync finished overnight. Checked the big ones: SO-10941 still shows 50 of 64 lines in Orbital, SO-10442 still 50 of 63. Nothing changed for any order over 50 lines.

Dev`},
	140: {who: "grace", text: `Hi Ruth,

While we keep investigating, here is a workaround that should get complete orders into Orbital: before the sync picks an order up, split anything over 50 lines with the "Split order" action (order page > More > Split order) so that each part has 50 lines or fewer.

Grace`},
	145: {who: "martin", text: `Hi Grace, Martin from the Fernhill warehouse. We tried splitting on Tuesday and Wednesday: each part arrives in Orbital complete, so picking is right again. But every split order now produces two invoices for one customer order, which our accounts team has to merge by hand, and splitting takes about ten minutes per order. We can't keep doing it for 50 orders a week.

Martin Osei
Warehouse Lead`},
	170: {who: "ruth", text: `Grace, Ahmed,

For the record: since June we have corrected 312 orders by hand, and two of my team spend about half of each day checking Orbital against Crateflow. This has been open for more than two months.

Ruth`},
	231: {who: "ahmed", text: `Hi Ruth,

Connector version 3.2.0 was released last week and its release notes mention "improved handling of large orders". Could you upgrade (Settings > Integrations > Orbital ERP > Update) and tell us how the next large orders arrive?

Ahmed`},
	236: {who: "dev", text: `Ahmed,

Upgraded to 3.2.0 on Monday. This morning SO-12338 (55 lines) arrived in Orbital with 50. Same as before.

Dev`},
	288: {who: "grace", internal: true, text: `Found it. Orbital's GET /v2/salesorders/{id}/lines returns at most 50 lines per page plus a "next" link (their API reference, section Pagination). Our connector reads only the first page and never follows "next" - that is why every short order stops at exactly 50, and why reconnecting, batch size, resync and 3.2.0 changed nothing.
This is in the connector service code; support can't change it. Needs Integrations engineering.`},
	290: {who: "paolo", internal: true, text: `Agreed with Grace. Open since June, five workarounds tried, the split-order workaround costs the customer two invoices per order. Nothing more support can do - escalating to Integrations engineering with Grace's finding. Customer's peak season is coming.`},
	295: {who: "ruth", text: `Hello,

Our peak season starts on 1 December. If the connector still drops lines by then, we will stop using it and cancel our Premium plan ($1,850 a month) - we have already had a demo from another provider.

Ruth`},
	300: {who: "paolo", text: `Hi Ruth,

I'm Paolo, the support team lead. I've escalated this to our integrations engineering team today with Grace's findings, and I'll be your point of contact until it is fixed.

Paolo Ricci
Support Team Lead, Crateflow`},
}
