package clean

import (
	"strings"
	"testing"
)

// reply is the visible part every header case below starts with.
const reply = "Die Rechnung ist immer noch falsch.\nBitte prüfen."

// TestReplyHeaders: one attribution or header block per client and
// language, each written here (not taken from a corpus); the text after
// it must go to Quoted.
func TestReplyHeaders(t *testing.T) {
	headers := map[string]string{
		"en gmail":         "On Mon, Mar 2, 2026 at 10:14 AM Ana Lima <ana@example.com> wrote:",
		"en gmail wrapped": "On Mon, Mar 2, 2026 at 10:14 AM Ana Lima <\nana@example.com> wrote:",
		"en apple":         "On 2 Mar 2026, at 10:14, Ana Lima <ana@example.com> wrote:",
		"de":               "Am 02.03.2026 um 10:14 schrieb Ana Lima <ana@example.com>:",
		"fr":               "Le lun. 2 mars 2026 à 10:14, Ana Lima <ana@example.com> a écrit :",
		"es":               "El lun, 2 mar 2026 a las 10:14, Ana Lima (<ana@example.com>) escribió:",
		"it":               "Il giorno lun 2 mar 2026 alle ore 10:14 Ana Lima <ana@example.com> ha scritto:",
		"nl":               "Op ma 2 mrt 2026 om 10:14 schreef Ana Lima <ana@example.com>:",
		"pt":               "Em seg., 2 de mar. de 2026 às 10:14, Ana Lima <ana@example.com> escreveu:",
		"pl":               "W dniu 2.03.2026 o 10:14, Ana Lima <ana@example.com> pisze:",
		"pl napisał":       "pon., 2 mar 2026 o 10:14 Ana Lima <ana@example.com> napisał(a):",
		"sv":               "Den mån 2 mars 2026 kl 10:14 skrev Ana Lima <ana@example.com>:",
		"da":               "Den 2. mar. 2026 kl. 10.14 skrev Ana Lima <ana@example.com>:",
		"no":               "man. 2. mar. 2026 kl. 10:14 skrev Ana Lima <ana@example.com>:",
		"fi":               "ma 2.3.2026 klo 10.14 Ana Lima (ana@example.com) kirjoitti:",
		"ru":               "пн, 2 мар. 2026 г. в 10:14, Ana Lima <ana@example.com>:",
		"ru написал":       "2 марта 2026 г., в 10:14, Ана Лима написал(а):",
		"outlook en":       "From: Ana Lima <ana@example.com>\nSent: Monday, March 2, 2026 10:14 AM\nTo: Support <help@acme.io>\nSubject: RE: Invoice",
		"outlook de":       "Von: Ana Lima <ana@example.com>\nGesendet: Montag, 2. März 2026 10:14\nAn: Support <help@acme.io>\nBetreff: AW: Rechnung",
		"outlook fr":       "De : Ana Lima <ana@example.com>\nEnvoyé : lundi 2 mars 2026 10:14\nÀ : Support <help@acme.io>\nObjet : RE: Facture",
		"outlook es":       "De: Ana Lima <ana@example.com>\nEnviado: lunes, 2 de marzo de 2026 10:14\nPara: Support <help@acme.io>\nAsunto: RE: Factura",
		"outlook it":       "Da: Ana Lima <ana@example.com>\nInviato: lunedì 2 marzo 2026 10:14\nA: Support <help@acme.io>\nOggetto: R: Fattura",
		"outlook nl":       "Van: Ana Lima <ana@example.com>\nVerzonden: maandag 2 maart 2026 10:14\nAan: Support <help@acme.io>\nOnderwerp: RE: Factuur",
		"outlook pt":       "De: Ana Lima <ana@example.com>\nEnviada em: segunda-feira, 2 de março de 2026 10:14\nPara: Support <help@acme.io>\nAssunto: RE: Fatura",
		"outlook pl":       "Od: Ana Lima <ana@example.com>\nWysłano: poniedziałek, 2 marca 2026 10:14\nDo: Support <help@acme.io>\nTemat: RE: Faktura",
		"outlook sv":       "Från: Ana Lima <ana@example.com>\nSkickat: den 2 mars 2026 10:14\nTill: Support <help@acme.io>\nÄmne: SV: Faktura",
		"outlook da":       "Fra: Ana Lima <ana@example.com>\nSendt: 2. marts 2026 10:14\nTil: Support <help@acme.io>\nEmne: SV: Faktura",
		"outlook fi":       "Lähettäjä: Ana Lima <ana@example.com>\nLähetetty: maanantai 2. maaliskuuta 2026 10.14\nVastaanottaja: Support <help@acme.io>\nAihe: VS: Lasku",
		"outlook ru":       "От: Ana Lima <ana@example.com>\nОтправлено: 2 марта 2026 г. 10:14\nКому: Support <help@acme.io>\nТема: RE: Счёт",
		"outlook bold":     "*From:* Ana Lima [mailto:ana@example.com]\n*Sent:* Monday, March 2, 2026 10:14 AM\n*To:* help@acme.io\n*Subject:* RE: Invoice",
		"original message": "-----Original Message-----\nFrom: ana@example.com\nSent: Monday, March 2, 2026\nTo: help@acme.io",
		"ursprüngliche":    "-----Ursprüngliche Nachricht-----\nVon: ana@example.com",
		"underscores":      "________________________________\nFrom: Ana Lima <ana@example.com>\nSent: Monday, March 2, 2026 10:14 AM\nTo: help@acme.io\nSubject: RE: Invoice",
	}
	for name, h := range headers {
		t.Run(name, func(t *testing.T) {
			r := Text(reply + "\n\n" + h + "\n\nThe earlier message.\nSecond line.\n")
			if r.Text != reply {
				t.Errorf("Text = %q, want %q", r.Text, reply)
			}
			if !strings.Contains(r.Quoted, "The earlier message.") || !strings.Contains(r.Quoted, strings.Split(h, "\n")[0]) {
				t.Errorf("Quoted = %q, want the header and the earlier message", r.Quoted)
			}
		})
	}
}

// TestNotHeaders: lines that merely look like headers stay in the text.
func TestNotHeaders(t *testing.T) {
	bodies := []string{
		"On Monday I cleared the cache and the export still fails.\nOn Tuesday it failed again with 502.",
		"Here is what Ana wrote: the export fails.",
		"From: the dashboard, choose Export.\nTo: pick CSV.\nThen it fails.",
		"The log says: Sent: 2026-03-02 10:14 To: queue Subject: none",
		"I wrote: \"please refund 49.00 EUR\" on 2 March.",
		"Check https://example.com/on-2026-someone-wrote: it explains the bug.",
		"Sent from my desk, which is easier than my phone.",
		"With regards to the invoice INV-2231, the amount is wrong.",
		"Error log:\n> step 1 failed\n> step 2 failed\nAnd then the app crashed.",
	}
	for _, b := range bodies {
		r := Text(b)
		if r.Text != b {
			t.Errorf("Text(%q) = %q (quoted %q, signature %q)", b, r.Text, r.Quoted, r.Signature)
		}
	}
}

func TestSignatures(t *testing.T) {
	const body = "The export fails with 502 since Monday."
	sigs := map[string]string{
		"delimiter":   "-- \nAna Lima\nAcme",
		"iphone":      "Sent from my iPhone",
		"fr device":   "Envoyé de mon iPhone",
		"de device":   "Von meinem iPhone gesendet",
		"outlook ios": "Get Outlook for iOS<https://aka.ms/o0ukef>",
		"regards":     "Best regards,\nAna Lima\nHead of Finance, Acme",
		"de closing":  "Mit freundlichen Grüßen\nAna Lima",
		"fr closing":  "Cordialement,\nAna Lima",
		"es closing":  "Saludos,\nAna",
		"ru closing":  "С уважением,\nАна",
		"contact":     "Ana Lima\nHead of Finance\nTel: +44 20 7946 0000\nana@example.com\nwww.example.com",
		"disclaimer":  "Ana\n\nThis e-mail and any attachments are confidential and intended solely for the addressee. If you have received this e-mail in error, please delete it.",
	}
	for name, s := range sigs {
		t.Run(name, func(t *testing.T) {
			r := Text(body + "\n\n" + s + "\n")
			if r.Text != body {
				t.Errorf("Text = %q, want %q (signature %q)", r.Text, body, r.Signature)
			}
			if r.Signature == "" {
				t.Errorf("signature not kept aside")
			}
		})
	}
}

func TestForwarded(t *testing.T) {
	for _, marker := range []string{"---------- Forwarded message ---------", "Begin forwarded message:", "-------- Weitergeleitete Nachricht --------", "Début du message réexpédié :", "---------- Mensaje reenviado ----------"} {
		in := "See below, same 502 here.\n\n" + marker + "\nFrom: Ana <ana@example.com>\nDate: Mon, 2 Mar 2026\nSubject: Export\nTo: help@acme.io\n\nExport fails with 502.\n"
		r := Text(in)
		if !r.Forwarded || !strings.Contains(r.Text, "Export fails with 502.") || !strings.HasPrefix(r.Text, "See below") {
			t.Errorf("%s: %+v", marker, r)
		}
	}
}

func TestBottomPostAndInline(t *testing.T) {
	in := "On Mon, 2 Mar 2026 at 10:14, Ana <ana@example.com> wrote:\n> Did clearing the cache help?\n\nNo, same 502.\n\n> And another browser?\n\nAlso 502 in Firefox.\n"
	r := Text(in)
	want := "No, same 502.\n\n> And another browser?\n\nAlso 502 in Firefox."
	if r.Text != want {
		t.Errorf("Text = %q, want %q", r.Text, want)
	}
}

func TestNothingLost(t *testing.T) {
	in := "Hi,\r\n\r\nstill broken.\r\n\r\nThanks,\r\nAna\r\n\r\nOn Mon, 2 Mar 2026, Bo <bo@x.io> wrote:\r\n> try again\r\n"
	r := Text(in)
	for _, l := range strings.Split(strings.ReplaceAll(in, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(r.Text+"\n"+r.Quoted+"\n"+r.Signature, l) {
			t.Errorf("line %q lost", l)
		}
	}
	if r.Text != "Hi,\n\nstill broken." {
		t.Errorf("Text = %q", r.Text)
	}
}
