//! The letter asking a processor for what the practice still lacks: the art. 28 clauses the contract
//! does not hold (or that the doctor could not find), a copy of the contract, and the HDS certificate's
//! facts. Drawn from [`ProcessorView::missing`]; plain words, French or English. No patient data: only
//! the practice's and the processor's names.

use jiff::civil::Date;

use super::bi;
use super::processors::{ClauseAnswer, HdsStatus, Missing, ProcessorView};
use crate::locale::{Lang, format_date, typeset};
use crate::practice::Profile;

/// A letter to a processor, ready to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessorLetter {
    /// The practice's letterhead, one line each (name, practitioner, address, e-mail).
    pub sender: Vec<String>,
    /// The processor, as named.
    pub recipient: Vec<String>,
    /// "Le 7 décembre 2026" / "7 December 2026".
    pub date_line: String,
    /// The subject line.
    pub subject: String,
    /// "Madame, Monsieur," / "Dear Sir or Madam,".
    pub salutation: String,
    /// Paragraphs before the list.
    pub intro: Vec<String>,
    /// What is asked, one item each.
    pub asks: Vec<Ask>,
    /// Paragraphs after the list.
    pub outro: Vec<String>,
    /// The practitioner's name (or the practice's).
    pub signature: String,
}

/// One thing asked, with its sub-items (the clauses concerned), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// The request.
    pub text: String,
    /// The clauses it concerns, one line each, with their article.
    pub items: Vec<String>,
}

impl Ask {
    fn plain(text: String) -> Self {
        Self {
            text,
            items: Vec::new(),
        }
    }
}

/// The letter for `processor`, or `None` when nothing is missing.
pub fn processor_letter(
    processor: &ProcessorView,
    profile: &Profile,
    today: Date,
    lang: Lang,
) -> Option<ProcessorLetter> {
    if processor.missing.is_empty() {
        return None;
    }
    let t = |fr: &'static str, en: &'static str| bi(fr, en).get(lang);
    let mut sender = vec![profile.name.as_str().to_owned()];
    for line in [profile.practitioner.trim(), profile.address.trim()] {
        if !line.is_empty() {
            sender.push(line.to_owned());
        }
    }
    if let Some(e) = &profile.email {
        sender.push(e.as_str().to_owned());
    }
    let recipient = vec![processor.display_name(lang), processor.role.clone()];
    let date = format_date(today, lang);
    let date_line = match lang {
        Lang::Fr => format!("Le {date}"),
        Lang::En => date,
    };
    let hds_asked = processor.missing.iter().any(|m| {
        matches!(
            m,
            Missing::HostingUnknown
                | Missing::HdsCertificate
                | Missing::HdsExpiry
                | Missing::HdsRenewal
        )
    });
    let subject = if hds_asked {
        t(
            "Objet : contrat de sous-traitance (article 28 du RGPD) et certification HDS — informations à compléter",
            "Subject: processing agreement (GDPR article 28) and HDS certification — information to complete",
        )
    } else {
        t(
            "Objet : contrat de sous-traitance (article 28 du RGPD) — informations à compléter",
            "Subject: processing agreement (GDPR article 28) — information to complete",
        )
    };
    let processes = processor.processes.trim().trim_end_matches('.');
    let mut intro = vec![match lang {
        Lang::Fr => typeset(
            &format!(
                "Votre société traite des données personnelles pour le compte du cabinet, en tant que sous-traitant au sens de l’article 28 du règlement général sur la protection des données (RGPD){}. Le cabinet doit pouvoir montrer, notamment à la CNIL, que le contrat qui nous lie contient les clauses que cet article impose.",
                if processes.is_empty() {
                    String::new()
                } else {
                    format!(" : {}", lower_first(processes))
                }
            ),
            lang,
        ),
        Lang::En => format!(
            "Your company processes personal data on the practice's behalf, as a processor within the meaning of article 28 of the General Data Protection Regulation (GDPR){}. The practice must be able to show, to the CNIL among others, that the contract between us holds the clauses that article requires.",
            if processes.is_empty() {
                String::new()
            } else {
                format!(": {}", lower_first(processes))
            }
        ),
    }];
    intro.push(t(
        "Je vous remercie donc de bien vouloir :",
        "I would therefore be grateful if you would:",
    ));
    let mut asks = Vec::new();
    if processor.missing.contains(&Missing::Contract) {
        asks.push(Ask::plain(t(
            "me transmettre une copie du contrat en vigueur (conditions générales et accord de traitement des données, ou « DPA ») ;",
            "send me a copy of the contract in force (terms and conditions and the data processing agreement, or \"DPA\");",
        )));
    }
    let clause_items = |wanted: &dyn Fn(ClauseAnswer) -> bool| -> Vec<String> {
        processor
            .missing
            .iter()
            .filter_map(|m| match m {
                Missing::Clause(c, a) if wanted(*a) => Some(*c),
                _ => None,
            })
            .map(|c| {
                let article = c.article();
                match lang {
                    Lang::Fr => {
                        typeset(&format!("{} (article {article}) ;", c.request(lang)), lang)
                    }
                    Lang::En => format!("{} (article {article});", c.request(lang)),
                }
            })
            .collect()
    };
    let not_found = clause_items(&|a| a != ClauseAnswer::Absent);
    if !not_found.is_empty() {
        asks.push(Ask {
            text: t(
                "me confirmer que le contrat prévoit les engagements suivants, que l’article 28 du RGPD impose, en m’indiquant pour chacun la clause qui le prévoit, ou à défaut les prévoir par un avenant :",
                "confirm that the contract holds the following commitments, which GDPR article 28 requires, naming for each the clause that provides for it, or failing that add them by an amendment:",
            ),
            items: not_found,
        });
    }
    let absent = clause_items(&|a| a == ClauseAnswer::Absent);
    if !absent.is_empty() {
        asks.push(Ask {
            text: t(
                "compléter le contrat par un avenant pour y ajouter les engagements suivants, que l’article 28 du RGPD impose et qui n’y figurent pas :",
                "amend the contract to add the following commitments, which GDPR article 28 requires and which it lacks:",
            ),
            items: absent,
        });
    }
    let number = processor.hds_number.trim();
    for m in &processor.missing {
        let ask = match m {
            Missing::HostingUnknown => t(
                "m’indiquer si vous hébergez des données de santé du cabinet, ou leurs sauvegardes, et dans ce cas me transmettre votre certificat d’hébergeur de données de santé (HDS, article L.1111-8 du code de la santé publique), avec son numéro, son périmètre et sa date d’expiration ;",
                "tell me whether you host any of the practice's health data, or its backups, and if so send me your health-data hosting certificate (HDS, article L.1111-8 of the French public health code), with its number, scope and expiry date;",
            ),
            Missing::HdsCertificate => t(
                "me transmettre une copie de votre certificat d’hébergeur de données de santé (HDS, article L.1111-8 du code de la santé publique), avec son numéro, son périmètre et sa date d’expiration ;",
                "send me a copy of your health-data hosting certificate (HDS, article L.1111-8 of the French public health code), with its number, scope and expiry date;",
            ),
            Missing::HdsExpiry if !number.is_empty() => match lang {
                Lang::Fr => typeset(
                    &format!(
                        "m’indiquer la date d’expiration de votre certificat HDS n° {number} ;"
                    ),
                    lang,
                ),
                Lang::En => {
                    format!("tell me the expiry date of your HDS certificate no. {number};")
                }
            },
            Missing::HdsRenewal => {
                let (expires, past) = match processor.hds {
                    HdsStatus::Expired { expires } => (expires, true),
                    HdsStatus::ExpiresSoon { expires, .. } => (expires, false),
                    _ => continue,
                };
                let d = format_date(expires, lang);
                match (lang, past) {
                    (Lang::Fr, true) => typeset(
                        &format!(
                            "me transmettre votre certificat HDS renouvelé : le certificat n° {number} a expiré le {d} ;"
                        ),
                        lang,
                    ),
                    (Lang::Fr, false) => typeset(
                        &format!(
                            "me transmettre votre certificat HDS renouvelé dès qu’il sera délivré : le certificat n° {number} expire le {d} ;"
                        ),
                        lang,
                    ),
                    (Lang::En, true) => format!(
                        "send me your renewed HDS certificate: certificate no. {number} expired on {d};"
                    ),
                    (Lang::En, false) => format!(
                        "send me your renewed HDS certificate as soon as it is issued: certificate no. {number} expires on {d};"
                    ),
                }
            }
            Missing::HdsExpiry | Missing::Contract | Missing::Clause(..) => continue,
        };
        asks.push(Ask::plain(ask));
    }
    // The list's last line ends the sentence.
    if let Some(last) = asks.last_mut() {
        let line = last.items.last_mut().unwrap_or(&mut last.text);
        let trimmed = line
            .trim_end_matches([';', ':'])
            .trim_end_matches(['\u{202f}', '\u{a0}', ' '])
            .to_owned();
        *line = format!("{trimmed}.");
    }
    let outro = vec![
        t(
            "Ces éléments seront joints au registre des activités de traitement du cabinet (article 30 du RGPD). Je vous remercie de me répondre dans un délai d’un mois.",
            "These will be kept with the practice's record of processing activities (GDPR article 30). I would be grateful for your answer within one month.",
        ),
        t(
            "Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.",
            "Yours faithfully,",
        ),
    ];
    let signature = if profile.practitioner.trim().is_empty() {
        profile.name.as_str().to_owned()
    } else {
        profile.practitioner.trim().to_owned()
    };
    Some(ProcessorLetter {
        sender,
        recipient,
        date_line,
        subject,
        salutation: t("Madame, Monsieur,", "Dear Sir or Madam,"),
        intro,
        asks,
        outro,
        signature,
    })
}

/// `text` with its first letter in lower case, unless it starts with an acronym ("HDS").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

impl ProcessorLetter {
    /// The whole letter as plain text (for a test, a preview, or a copy).
    pub fn text(&self) -> String {
        let mut out = Vec::new();
        out.extend(self.sender.iter().cloned());
        out.push(String::new());
        out.extend(self.recipient.iter().cloned());
        out.push(String::new());
        out.push(self.date_line.clone());
        out.push(String::new());
        out.push(self.subject.clone());
        out.push(String::new());
        out.push(self.salutation.clone());
        out.extend(self.intro.iter().cloned());
        for a in &self.asks {
            out.push(format!("– {}", a.text));
            out.extend(a.items.iter().map(|i| format!("    • {i}")));
        }
        out.extend(self.outro.iter().cloned());
        out.push(String::new());
        out.push(self.signature.clone());
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::processors::{Clause, ProcessorEdit, ProcessorId, Processors, Source};
    use crate::practice::{PracticeName, RecordsHosting};
    use jiff::Timestamp;

    fn profile() -> Profile {
        let mut p = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
        p.practitioner = "Dr Claire Martin".into();
        p.setup.records = RecordsHosting::Cloud;
        p.processing.host = "Hébergeur Exemple".into();
        p
    }

    fn host(r: &Processors, lang: Lang) -> ProcessorView {
        r.list(&profile(), "2027-01-10".parse().expect("date"), lang)
            .into_iter()
            .find(|v| v.id == ProcessorId::Profile(Source::Host))
            .expect("host")
    }

    #[test]
    fn the_letter_asks_for_each_missing_clause_and_the_certificate() {
        let mut r = Processors::default();
        let id = ProcessorId::Profile(Source::Host);
        let at = Timestamp::UNIX_EPOCH;
        for c in Clause::ALL {
            r.edit(id, ProcessorEdit::Clause(c, ClauseAnswer::Present), at)
                .expect("clause");
        }
        r.edit(
            id,
            ProcessorEdit::Clause(Clause::Audits, ClauseAnswer::Absent),
            at,
        )
        .expect("clause");
        r.edit(
            id,
            ProcessorEdit::Clause(Clause::SubProcessors, ClauseAnswer::Unknown),
            at,
        )
        .expect("clause");
        r.edit(id, ProcessorEdit::HdsNumber("HDS-42".into()), at)
            .expect("number");
        r.edit(
            id,
            ProcessorEdit::HdsExpires(Some("2027-02-01".parse().expect("date"))),
            at,
        )
        .expect("expiry");
        let view = host(&r, Lang::Fr);
        let letter = processor_letter(
            &view,
            &profile(),
            "2027-01-10".parse().expect("d"),
            Lang::Fr,
        )
        .expect("a letter");
        let text = letter.text();
        assert!(text.contains("Hébergeur Exemple"), "{text}");
        assert!(text.contains("Dr Claire Martin"), "{text}");
        assert!(text.contains("avenant pour y ajouter"), "{text}");
        assert!(text.contains("mettre à disposition"), "{text}");
        assert!(text.contains("28(3)(h)"), "{text}");
        assert!(text.contains("28(2), 28(3)(d)"), "{text}");
        assert!(text.contains("copie du contrat"), "{text}");
        assert!(
            text.contains("HDS-42") && text.contains("expire le 01/02/2027"),
            "{text}"
        );
        // Present clauses are not asked for.
        assert!(!text.contains("28(3)(a)"), "{text}");
        // The contract, the clause not found, the clause absent, the renewal.
        assert_eq!(letter.asks.len(), 4, "{:?}", letter.asks);
        assert_eq!(letter.asks[1].items.len(), 1, "{:?}", letter.asks[1]);
        assert!(letter.asks.last().expect("last").text.ends_with('.'));
        let en = processor_letter(
            &host(&r, Lang::En),
            &profile(),
            "2027-01-10".parse().expect("d"),
            Lang::En,
        )
        .expect("a letter");
        assert!(en.text().contains("(article 28(3)(h))"), "{}", en.text());
    }

    #[test]
    fn nothing_missing_no_letter() {
        let mut r = Processors::default();
        let id = ProcessorId::Profile(Source::Host);
        let at = Timestamp::UNIX_EPOCH;
        for c in Clause::ALL {
            r.edit(id, ProcessorEdit::Clause(c, ClauseAnswer::Present), at)
                .expect("clause");
        }
        r.edit(id, ProcessorEdit::HdsNumber("HDS-42".into()), at)
            .expect("number");
        r.edit(
            id,
            ProcessorEdit::HdsExpires(Some("2029-02-01".parse().expect("date"))),
            at,
        )
        .expect("expiry");
        r.attach_contract(
            id,
            "c.pdf",
            crate::digest::Hashed::new(b"contrat".to_vec()),
            at,
        )
        .expect("attach");
        let view = host(&r, Lang::Fr);
        assert!(view.missing.is_empty(), "{:?}", view.missing);
        assert!(
            processor_letter(
                &view,
                &profile(),
                "2027-01-10".parse().expect("d"),
                Lang::Fr
            )
            .is_none()
        );
    }
}
