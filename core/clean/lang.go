package clean

import (
	"regexp"
	"sync"
)

// The word lists below are data: reply verbs, header labels, separators,
// forward markers, device signatures and closings in the languages the
// cleaner reads (en, de, fr, es, it, nl, pt, pl, sv, da, fi, no, ru, and a
// few more where the phrasing is well known). Add a language by adding its
// words here; the rules that use them do not change.

// replyVerb ends an attribution line: "On …, Ana wrote:", "Am … schrieb Ana:".
const replyVerb = `wrote|writes|schrieb|geschrieben|a écrit|a ecrit|écrit|escribió|escribio|ha escrito|ha scritto|scrisse|schreef|geschreven|escreveu|pisze|napisał\(a\)|napisała|napisał|napisal|skrev(?: følgende)?|kirjoitti|написал\(а\)|написала|написал|пишет|napsal\(a\)|napsal|napísal|yazdı|írta|έγραψε`

// replyLead starts an attribution line in its language.
const replyLead = `on|am|le|el|il giorno|il|op|em|w dniu|dnia|den|på|dne|dňa|в|kello|tir\.?|ср,?`

var (
	// reLeadVerb: "Am 14.01.2024 schrieb Hans <h@x.de>:" (verb before the name).
	reLeadVerb = lazyRegexp(`(?i)^(?:` + replyLead + `)\s.*\s(?:` + replyVerb + `)\s.*:\s*$`)
	// reLeadNoColon: "On Wed, 14 Nov 2018 … John <j@x.com> wrote" (no colon).
	reLeadNoColon = lazyRegexp(`(?i)^(?:` + replyLead + `)\s.*\d.*\s(?:` + replyVerb + `)\s*$`)
	// reAddrColon: "ср, 30 апр. 2025 г. в 15:19, John <j@x.com>:" in any language.
	reAddrColon = lazyRegexp(`<[^<>\s]*@[^<>]*>\s*:\s*$`)
	// reAddr finds an e-mail address.
	reAddr = lazyRegexp(`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}`)
	// reISODate: "2013/11/1 John Smith <john@smith.org>" (Android).
	reISODate = lazyRegexp(`^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b`)
)

// Outlook header labels, by field; a header block needs "from" and two more.
var headerLabels = map[string][]string{
	"from":    {"from", "von", "de", "van", "da", "od", "från", "fra", "lähettäjä", "от", "feladó", "kimden", "expéditeur", "remitente", "mittente", "afzender", "remetente", "avsändare", "afsender", "avsender"},
	"sent":    {"sent", "message du", "date d'envoi", "envoyé par", "date", "gesendet", "datum", "envoyé", "envoyé le", "date", "enviado", "enviado el", "fecha", "inviato", "data", "verzonden", "verstuurd", "enviada", "enviada em", "wysłano", "wysłane", "skickat", "sendt", "dato", "lähetetty", "päivämäärä", "отправлено", "дата", "elküldve", "gönderildi", "tarih"},
	"to":      {"to", "an", "à", "a", "para", "aan", "do", "till", "til", "vastaanottaja", "кому", "címzett", "kime", "destinatario", "destinataire"},
	"subject": {"subject", "sujet", "betreff", "objet", "asunto", "oggetto", "onderwerp", "assunto", "temat", "ämne", "emne", "aihe", "тема", "tárgy", "konu"},
	"cc":      {"cc", "copie à", "kopie", "copie", "copia", "kopia", "kopio", "копия", "bcc"},
}

// reHeaderLabel: "From:", "*Von:*", "De :", "Envoyé le :jeudi".
var reHeaderLabel = lazyRegexp(`^[*_\s]*([\p{L} ]{1,20}?)\s*[*_]*\s*:`)

// reOriginal: "-----Original Message-----" and its translations.
var reOriginal = lazyRegexp(`(?i)^[\s*_]*-*\s*(original message|original e-?mail|ursprüngliche nachricht|originalnachricht|message d'origine|message original|mensaje original|messaggio originale|oorspronkelijk bericht|origineel bericht|mensagem original|oryginalna wiadomość|wiadomość oryginalna|originalmeddelande|ursprungligt meddelande|original meddelelse|oprindelig besked|oprindelig meddelelse|opprinnelig melding|opprinnelig beskjed|alkuperäinen viesti|исходное сообщение|původní zpráva|eredeti üzenet)\s*-*[\s*_]*$`)

// forwardPhrases head a forwarded message ("---------- Forwarded message
// ---------", "Begin forwarded message:"); see forwardLine.
const forwardPhrases = `forwarded message|begin forwarded message|forwarded email|forwarded e-mail|weitergeleitete nachricht|anfang der weitergeleiteten nachricht|message transféré|début du message réexpédié|début du message transféré|mensaje reenviado|inicio del mensaje reenviado|messaggio inoltrato|inizio messaggio inoltrato|doorgestuurd bericht|doorgestuurde bericht|begin doorgestuurd bericht|mensagem encaminhada|início da mensagem reencaminhada|mensagem reencaminhada|wiadomość przekazana dalej|przekazana wiadomość|vidarebefordrat meddelande|videresendt besked|videresendt meddelelse|videresendt melding|start på videresendt melding|välitetty viesti|пересылаемое сообщение|пересланное сообщение|начало переадресованного сообщения`

// reDevice: "Sent from my iPhone", "Envoyé de mon iPad", "Von meinem iPhone gesendet".
var reDevice = lazyRegexp(`(?i)^[\s*_]*(sent from|sent with|sent via|sent using|get outlook for|envoyé de|envoyé depuis|envoyé à partir de|von meinem|gesendet von|verstuurd vanaf|verzonden vanaf|verzonden met|enviado desde|enviado do|enviado de|inviato da|wysłane z|skickat från|sendt fra|lähetetty|отправлено с|отправлено из)\b.{0,80}$`)

// closingPhrases are whole lines that close a message before the name
// block ("Best regards,", "Mit freundlichen Grüßen"); see closingLine.
const closingPhrases = `best regards|kind regards|warm regards|warmest regards|regards|best wishes|best|all the best|cheers|many thanks|thanks|thank you|thanks again|thanks in advance|thx|sincerely|yours sincerely|yours truly|yours|cordially|respectfully|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|freundliche grüsse|viele grüße|viele grüsse|beste grüße|liebe grüße|lg|mfg|gruß|grüße|cordialement|bien cordialement|bien à vous|salutations|merci|merci beaucoup|saludos|un saludo|saludos cordiales|atentamente|gracias|cordiali saluti|distinti saluti|saluti|grazie|met vriendelijke groet|met vriendelijke groeten|vriendelijke groet|groeten|groet|bedankt|atenciosamente|abraços|cumprimentos|obrigado|obrigada|pozdrawiam|z poważaniem|dziękuję|med vänliga hälsningar|vänliga hälsningar|hälsningar|mvh|tack|med venlig hilsen|venlig hilsen|hilsen|tak|ystävällisin terveisin|terveisin|kiitos|med vennlig hilsen|vennlig hilsen|с уважением|спасибо|всего доброго`

// reDisclaimer marks a legal disclaimer paragraph.
var reDisclaimer = lazyRegexp(`(?i)(this (e-?mail|message|communication|transmission)[^.]{0,80}\b(confidential|privileged|intended (solely |only )?for)|(is|are) (strictly )?confidential and (may be )?(intended|privileged|legally)|if you (have )?received this (e-?mail|message|communication)[^.]{0,30}(in error|by mistake)|intended (solely |only )?for the (use of the )?(named |individual |addressee|recipient)|diese (e-?mail|nachricht) (enthält|ist) (vertrauliche|vertraulich)|ce (message|courriel|e-?mail)[^.]{0,60}confidenti|este (mensaje|correo)[^.]{0,60}confidencial|questa? (e-?mail|messaggio|comunicazione)[^.]{0,60}(riservat|confidenzial)|dit (e-?mail)?bericht[^.]{0,60}vertrouwelijk|esta mensagem[^.]{0,60}confidencia|wiadomość[^.]{0,60}poufn|meddelande[^.]{0,60}konfidentiell|e-?mail[^.]{0,60}fortrolig|viesti[^.]{0,60}luottamuksellinen|сообщение[^.]{0,60}конфиденциальн)`)

// reGreeting opens a message; a greeting is never a signature's name line.
var reGreeting = lazyRegexp(`(?i)^[\s*_]*(hi|hello|hey|dear|good (morning|afternoon|evening|day)|greetings|hallo|guten (tag|morgen|abend)|moin|servus|liebe[rs]?|sehr geehrte[rs]?|bonjour|bonsoir|salut|madame|monsieur|hola|buen(os|as) (días|dias|tardes|noches)|estimad[oa]s?|ciao|buongiorno|buonasera|gentile|hoi|beste|goedemorgen|goedemiddag|goedenavond|olá|bom dia|boa tarde|boa noite|prezad[oa]s?|cześć|dzień dobry|szanown[iya]|hej|goddag|god morgon|god morgen|moi|hei|hyvää (päivää|huomenta)|привет|здравствуйте|добрый (день|вечер)|уважаем[ыа][йея])\b`)

// lazyRegexp compiles pattern on first use. A program that starts and
// never cleans a body (a fetch plan, a wasm start) does not pay for
// compiling the patterns above; the first body cleaned does, once.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
