package content

// ValueDocs defines each value of the schema's enumerations for editors:
// the guide (docs/editing.md) lists them one per line.
var ValueDocs = map[string]string{
	// Kinds.
	"complaint":  "a complaint lodged with an authority or a prosecutor, by a person or an association (noyb's criminal complaint).",
	"lawsuit":    "a case brought before a court: by an attorney general, an authority or private plaintiffs.",
	"findings":   "an authority's conclusions after an investigation, that order nothing by themselves (the Canadian commissioners' joint findings).",
	"notice":     "a formal notice (mise en demeure): an order to comply by a deadline, before any sanction.",
	"intent":     "a notice of intent: the provisional step before a fine (the ICO's), not a fine.",
	"order":      "an order that binds: to stop, to delete (an injonction, a Canadian commissioner's order).",
	"decision":   "an authority's decision that is neither a fine nor an order alone (the OAIC's determination, the DSB's decision).",
	"fine":       "a fine imposed by an authority.",
	"penalty":    "a periodic penalty (astreinte), or its liquidation.",
	"ruling":     "a court's judgment or order, at first instance or on appeal: what the court decided.",
	"appeal":     "an appeal, or an application for permission to appeal, lodged by a party: the filing, not the court's answer (that is a ruling).",
	"settlement": "an agreement between the parties, approved by a court or not.",
	"closure":    "an authority's decision to take no further action, which leaves its earlier decisions in force.",
	// Statuses.
	"pending":    "not decided yet, or its outcome not known.",
	"in-force":   "applies now, though it may still be challenged.",
	"final":      "no appeal remains: it stands.",
	"appealed":   "challenged before a court, which has not decided: not payable meanwhile (the figures list its sum apart).",
	"quashed":    "set aside by a court.",
	"superseded": "replaced by a later step of the case (a notice followed by the fine, a preliminary approval by the final one).",
	"dismissed":  "a lawsuit, complaint or appeal thrown out.",
	"withdrawn":  "withdrawn by whoever brought it.",
	"closed":     "ended without a decision on the merits (a case closed, a settlement carried out).",
	// Confirmations.
	"decision-text":     "the decision's own text was read (or a verbatim copy of it).",
	"authority-summary": "the authority's or court's own press release or summary was read, not the decision.",
	"press":             "only independent secondary sources were read: press, law firms, blogs.",
	"unconfirmed":       "nothing read confirms it yet; say why in caveats.",
	// Payments.
	"paid":    "a source says it was paid.",
	"unpaid":  "a source says it was not paid.",
	"unknown": "no source says either way (the default for paid).",
	// Qualifiers.
	"exact":    "the amount as decided (the default).",
	"about":    "an estimate (a settlement valued in shares).",
	"at-least": "the least it can be.",
	"at-most":  "the most it can be.",
	// Orders.
	"stop-collecting":        "stop collecting the data (a ban on further collection).",
	"stop-processing":        "stop processing or using the data already held, or stop collecting and using them.",
	"delete":                 "delete or destroy the data.",
	"answer-requests":        "answer people's requests (access, erasure) or make their rights easier to exercise.",
	"appoint-representative": "appoint a representative in the Union (GDPR Art. 27) or the country.",
	"stop-offering":          "stop offering its services, to all or some clients.",
	"other":                  "anything else; say what in text.",
	// Compliances.
	"complied":     "a source says the order was carried out.",
	"not-complied": "a source says it was not: the authority finding it, or the company saying it cannot.",
	// No findings.
	"procedure":    "the decision ruled on jurisdiction, procedure or enforcement, not on breaches (most appeals and judicial reviews).",
	"no-admission": "a settlement, in which no breach is found or admitted.",
	"not-known":    "the provisions it relied on could not be read in any text; a caveat says what is known.",
	// Findings' sources.
	"secondary": "only a secondary source (a law firm, GDPRhub, the press) gives the list of provisions.",
	// Layouts.
	"page":       "an ordinary explainer page (the default).",
	"figures":    "the figures page: the totals computed from the events follow its text.",
	"comparison": "the comparison page: what the decisions found and ordered, in tables computed from the events, after its text.",
}
