package guard_test

import "testing"

func TestTemperament(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "temperament", "posture", th, []ruleCase{
		// en
		{"The customer is frustrated.", true, "customer is frustrated"},
		{"Customer is getting increasingly angry about the delay (#7).", true, "Customer is getting increasingly angry"},
		{"Ana is very upset (#7).", true, "Ana is very upset"},
		{"They were rude on the phone (#7).", true, "rude"},
		{"Furious customer, yelling at the agent (#7).", true, "Furious"},
		{"Dealing with an irate user (#7).", true, "irate"},
		{"The client is demanding and difficult (#7).", true, ""},
		{"Honestly she is a pain (#7).", true, "she is a pain"},
		{"They act so entitled (#7).", true, "entitled"},
		{"Frustrated customer asked for the third time (#7).", true, "Frustrated customer"},
		// negatives: impact facts, words about things, legal senses
		{"The frustrating bug blocks the monthly close on 16 March (#1).", false, ""},
		{"37 users are blocked; the customer waited 4 days for an answer (#7).", false, ""},
		{"The migration is difficult for the customer to schedule before 31.03.2026 (#6).", false, ""},
		{"Customer is demanding a fix before the close on 16 March (#1).", false, ""},
		{"The customer is entitled to a refund under the SLA (#6).", false, ""},
		{"Aggressive caching in the gateway may hide the error (#4).", false, ""},
		{"This is a pain point for all 37 users (#1).", false, ""},
		{"Deadline: monthly close on 16 March; renewal of EUR 18.400,00 due 31.03.2026 (#1, #6).", false, ""},
		// de
		{"Der Kunde ist sehr verärgert (#7).", true, "verärgert"},
		{"Kundin wütend wegen der Verzögerung (#7).", true, "wütend"},
		{"Der Kunde ist schwierig und unverschämt (#7).", true, ""},
		{"Die Migration ist schwierig, weil 61.200 Zeilen betroffen sind (#6).", false, ""},
		{"Der Kunde wartet seit 4 Tagen auf eine Antwort (#7).", false, ""},
		// es
		{"El cliente está muy enfadado (#7).", true, "cliente está muy enfadado"},
		{"La clienta está molesta y frustrada (#7).", true, ""},
		{"Cliente furiosa por el retraso (#7).", true, "furiosa"},
		{"Fue grosero con el agente (#7).", true, "grosero"},
		{"Es un error molesto para los 37 usuarios (#1).", false, ""},
		{"El cierre mensual del 16 de marzo está bloqueado (#1).", false, ""},
		// fr
		{"Le client est très mécontent (#7).", true, "client est très mécontent"},
		{"La cliente est furieuse (#7).", true, "furieuse"},
		{"Les utilisateurs sont énervés (#7).", true, "énervés"},
		{"Il est agressif au téléphone (#7).", true, "Il est agressif"},
		{"Une configuration difficile à reproduire (#4).", false, ""},
		{"La clôture mensuelle du 16 mars est bloquée pour 37 utilisateurs (#1).", false, ""},
	})
}

func TestBlame(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "blame", "background", th, []ruleCase{
		{"Classic user error (#3).", true, "user error"},
		{"PEBKAC, if you ask me.", true, "PEBKAC"},
		{"The customer caused this by changing the export settings (#3).", true, "customer caused"},
		{"She should have read the docs (#3).", true, "She should have"},
		{"They didn't read the documentation (#3).", true, "didn't read the documentation"},
		{"It's their fault, they misconfigured it themselves.", true, ""},
		{"Der Kunde hat die Doku nicht gelesen, Anwenderfehler.", true, ""},
		{"Es un error del usuario, debería haber leído el manual.", true, ""},
		{"C'est la faute du client, il aurait dû lire la documentation.", true, ""},
		// negatives
		{"The export should have completed within 40 seconds (#1).", false, ""},
		{"Release 2.14.0 caused the 502 on large exports (#4).", false, ""},
		{"The customer changed no settings before the error started (#3).", false, ""},
		{"Der Export hätte nach 40 Sekunden fertig sein sollen (#1).", false, ""},
	})
}

func TestGossip(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "gossip", "background", th, []ruleCase{
		{"Between us, this account is hard work.", true, "Between us"},
		{"FYI he's always like this with vendors.", true, ""},
		{"Tom is notoriously slow on these.", true, "notoriously"},
		{"Typical of them to wait until the close.", true, "Typical of them"},
		{"The previous agent was lazy and clueless.", true, ""},
		{"Unter uns: der Kunde ist ein Querulant.", true, ""},
		{"Entre nosotros, típico de este cliente.", true, ""},
		{"Entre nous, il se plaint de tout.", true, ""},
		// negatives
		{"Tom Becker reproduced the error on the demo workspace (#4).", false, ""},
		{"The export always fails above 50,000 rows (#4).", false, ""},
	})
}

func TestPresumesSolution(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "presumes_solution", "hypothesis", th, []ruleCase{
		{"Engineering needs to fix the gateway timeout (#8).", true, "Engineering needs to fix"},
		{"Just roll back the deploy (#4).", true, "Just roll back"},
		{"Finance should refund the customer (#6).", true, "Finance should refund"},
		{"Simply restart the server (#4).", true, "Simply restart"},
		{"The fix is to raise the timeout (#8).", true, ""},
		{"Die Entwicklung muss den Timeout beheben (#8).", true, ""},
		{"Desarrollo debe corregir el timeout (#8).", true, ""},
		{"Il suffit de redémarrer le serveur (#8).", true, ""},
		// negatives: a hypothesis with a first check
		{"We suspect the gateway timeout cuts off exports over 50,000 rows; first move: check the gateway logs for req_8f2k91 (#4, #8).", false, ""},
		{"The customer just restarted Chrome 122 (#3).", false, ""},
	})
}

func TestFiller(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "filler", "tried", th, []ruleCase{
		{"Tried various steps.", true, "various steps"},
		{"Several things were tried, no luck.", true, "Several things"},
		{"Troubleshooting was done.", true, "Troubleshooting was done"},
		{"Did the usual troubleshooting.", true, ""},
		{"The issue persists.", true, "The issue persists"},
		{"As discussed, please advise.", true, ""},
		{"Se probaron varias soluciones.", true, "varias soluciones"},
		{"Verschiedene Schritte ausprobiert.", true, "Verschiedene Schritte"},
		{"Plusieurs manipulations effectuées.", true, "Plusieurs manipulations"},
		// negatives: specifics and citations
		{"Cleared cache and re-logged in (#2) → same 502 (#3).", false, ""},
		{"Tried 2 browsers: Chrome 122 and Firefox 123 → same 502 (#3).", false, ""},
		{"The 502 persists on exports over 50,000 rows (#4).", false, ""},
		{"Tried several workarounds (#2, #5) → all fail above 50,000 rows (#6).", false, ""},
	})
}
