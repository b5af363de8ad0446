//! The patients' information notice (GDPR art. 13; CSP L.1111-8 for hosting), drawn from the register:
//! who processes their data, why and on what basis, who receives it, where it is hosted, how long it is
//! kept, their rights and how to use them, and where to complain. Plain words, one page.

use jiff::civil::Date;

use super::processors::{HdsStatus, ProcessorId, Processors, Source};
use super::register::{ActivityKind, Register, RegisterField};
use super::{Bi, bi};
use crate::checklist::ChecklistRecord;
use crate::locale::{Lang, typeset};
use crate::practice::{Known, Profile, RecordsHosting};

/// The CNIL's postal address and site, for complaints.
pub const CNIL_ADDRESS: &str =
    "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 — www.cnil.fr";

/// A section of the notice: a heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeSection {
    /// Heading.
    pub heading: String,
    /// Paragraphs (a leading "• " marks a list item).
    pub paragraphs: Vec<String>,
}

/// The notice, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Title.
    pub title: String,
    /// Sections, in order.
    pub sections: Vec<NoticeSection>,
}

fn section(heading: Bi, lang: Lang, paragraphs: Vec<String>) -> NoticeSection {
    NoticeSection {
        heading: heading.get(lang),
        paragraphs,
    }
}

fn fmt(lang: Lang, fr: &str, en: String) -> String {
    match lang {
        Lang::Fr => typeset(fr, lang),
        Lang::En => en,
    }
}

impl Notice {
    /// The notice for this practice, from its profile and register.
    /// The host's name and certificate are the processors page's when the doctor entered them there
    /// (a certificate valid on `today`, or expired), else the profile's.
    pub fn of(
        profile: &Profile,
        register: &Register,
        processors: &Processors,
        today: Date,
        lang: Lang,
    ) -> Self {
        let activities =
            register.activities(profile, processors, &ChecklistRecord::default(), lang);
        let who = if profile.practitioner.trim().is_empty() {
            profile.name.to_string()
        } else {
            format!("{}, {}", profile.practitioner.trim(), profile.name)
        };
        let contact = [
            profile.address.trim().to_owned(),
            profile
                .email
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
        let mut sections = Vec::new();

        let mut controller = vec![fmt(
            lang,
            &format!("Vos données sont traitées par {who}, responsable du traitement."),
            format!("Your data are processed by {who}, the controller."),
        )];
        if !contact.is_empty() {
            controller.push(contact.clone());
        }
        if let Some(dpo) = &profile.dpo {
            let email = dpo
                .email
                .as_ref()
                .map(|e| format!(", {e}"))
                .unwrap_or_default();
            controller.push(fmt(
                lang,
                &format!("Délégué à la protection des données : {}{email}", dpo.name),
                format!("Data protection officer: {}{email}", dpo.name),
            ));
        }
        sections.push(section(
            bi("Qui traite vos données", "Who processes your data"),
            lang,
            controller,
        ));

        let mut why: Vec<String> = activities
            .iter()
            .filter_map(|a| {
                a.plain.as_ref().map(|p| {
                    let basis = &a.plain_basis;
                    let p = if register
                        .edits
                        .get(&a.kind)
                        .is_some_and(|e| e.contains_key(&RegisterField::Purpose))
                    {
                        a.field(RegisterField::Purpose).to_owned()
                    } else {
                        p.clone()
                    };
                    fmt(
                        lang,
                        &format!("• {p} ; fondement : {basis}."),
                        format!("• {p}; basis: {basis}."),
                    )
                })
            })
            .collect();
        why.insert(
            0,
            bi("Nous utilisons vos données pour :", "We use your data to:").get(lang),
        );
        sections.push(section(bi("Pourquoi", "Why"), lang, why));

        let mut recipients = vec![bi(
            "Seules les personnes qui en ont besoin pour vous soigner ou gérer votre dossier y ont accès, toutes tenues au secret : le praticien et, pour leurs tâches, les personnes qui travaillent avec lui ; les professionnels qui vous soignent, sauf si vous vous y opposez ; votre caisse d’assurance maladie et votre complémentaire pour le remboursement.",
            "Only those who need them to care for you or manage your record have access, all bound by secrecy: the practitioner and, for their tasks, those working with him or her; the professionals caring for you, unless you object; your health insurance fund and complementary insurer for reimbursement.",
        ).get(lang)];
        let p = &profile.processing;
        let hosted =
            profile.setup.records == RecordsHosting::Cloud || profile.setup.imaging().keeps.at_host;
        if hosted {
            let listed = processors
                .list(profile, today, lang)
                .into_iter()
                .find(|v| v.id == ProcessorId::Profile(Source::Host));
            let name = listed
                .as_ref()
                .map_or_else(|| p.host.trim(), |v| v.name.as_str())
                .to_owned();
            let host = if name.is_empty() {
                bi(
                    "un hébergeur (nom à compléter)",
                    "a host (name to be added)",
                )
                .get(lang)
            } else {
                name
            };
            let certified = match listed.map(|v| v.hds) {
                Some(HdsStatus::Valid { .. } | HdsStatus::ExpiresSoon { .. }) => Known::Yes,
                Some(HdsStatus::Expired { .. }) => Known::No,
                _ => p.host_hds,
            };
            let hds = match certified {
                Known::Yes => bi(
                    "certifié hébergeur de données de santé (HDS)",
                    "certified as a health-data host (HDS)",
                ),
                Known::No => bi(
                    "qui n’est pas certifié hébergeur de données de santé (HDS) : à régulariser",
                    "which is not certified as a health-data host (HDS): to be put right",
                ),
                Known::Unknown => bi(
                    "dont la certification d’hébergeur de données de santé (HDS) reste à vérifier",
                    "whose health-data host certification (HDS) is still to be checked",
                ),
            }
            .get(lang);
            recipients.push(fmt(lang, &format!("Votre dossier est hébergé chez {host}, {hds}. Vous pouvez vous opposer à cet hébergement pour un motif légitime (CSP L.1111-8)."),
                format!("Your record is hosted by {host}, {hds}. You may object to this hosting for a legitimate reason (CSP L.1111-8)."),
            ));
        }
        recipients.push(
            match p.transfers_outside_eu {
                Known::No => bi(
                    "Vos données ne sont pas transférées hors de l’Union européenne.",
                    "Your data are not transferred outside the European Union.",
                ),
                Known::Yes => bi(
                    "Certaines données sont transférées hors de l’Union européenne ; demandez-nous les garanties prises.",
                    "Some data are transferred outside the European Union; ask us for the safeguards taken.",
                ),
                Known::Unknown => bi(
                    "Les transferts éventuels hors de l’Union européenne sont en cours de vérification auprès de nos prestataires.",
                    "Any transfers outside the European Union are being checked with our providers.",
                ),
            }
            .get(lang),
        );
        sections.push(section(
            bi("Qui les reçoit", "Who receives them"),
            lang,
            recipients,
        ));

        let mut retention = Vec::new();
        for a in &activities {
            if a.plain.is_some()
                && matches!(
                    a.kind,
                    ActivityKind::PatientCare | ActivityKind::VideoSurveillance
                )
            {
                let (name, how_long) = (&a.name, a.field(RegisterField::Retention));
                retention.push(fmt(
                    lang,
                    &format!("• {name} : {how_long}"),
                    format!("• {name}: {how_long}"),
                ));
            }
        }
        sections.push(section(bi("Combien de temps", "How long"), lang, retention));

        let mut rights = vec![bi(
            "Vous pouvez accéder à vos données et à votre dossier médical (CSP L.1111-7), les faire rectifier, demander leur effacement ou la limitation de leur traitement dans les limites de la loi (le dossier médical doit être conservé), et vous opposer au partage de vos informations entre professionnels.",
            "You may access your data and your medical record (CSP L.1111-7), have them corrected, ask for their erasure or restriction within the limits of the law (the medical record must be kept), and object to your information being shared between professionals.",
        ).get(lang)];
        rights.push(if contact.is_empty() {
            bi(
                "Pour exercer ces droits, adressez-vous au secrétariat ou au praticien, sur place ou par écrit.",
                "To use these rights, ask the secretariat or the practitioner, in person or in writing.",
            )
            .get(lang)
        } else {
            fmt(lang, &format!("Pour exercer ces droits, écrivez-nous : {contact}. Nous répondons dans un délai d’un mois."),
                format!("To use these rights, write to us: {contact}. We answer within one month."),
            )
        });
        rights.push(fmt(lang, &format!("Si vous estimez que vos droits ne sont pas respectés, vous pouvez saisir la CNIL : {CNIL_ADDRESS}."),
            format!("If you consider that your rights are not respected, you may complain to the CNIL: {CNIL_ADDRESS}."),
        ));
        sections.push(section(bi("Vos droits", "Your rights"), lang, rights));

        if !register.notice_note.trim().is_empty() {
            sections.push(section(
                bi("À savoir aussi", "Also"),
                lang,
                vec![register.notice_note.trim().to_owned()],
            ));
        }
        Self {
            title: bi(
                "Vos données personnelles au cabinet",
                "Your personal data at the practice",
            )
            .get(lang),
            sections,
        }
    }

    /// The whole notice as plain text (tests, previews).
    pub fn plain_text(&self) -> String {
        let mut out = self.title.clone();
        for s in &self.sections {
            out.push_str("\n\n");
            out.push_str(&s.heading);
            for p in &s.paragraphs {
                out.push('\n');
                out.push_str(p);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::PracticeName;

    fn gp() -> Profile {
        let mut p = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
        p.practitioner = "Dr Paul Martin".into();
        p.address = "3 rue de la Gare, 21000 Dijon".into();
        p
    }

    fn today() -> Date {
        jiff::civil::date(2026, 12, 7)
    }

    fn notice(p: &Profile, r: &Register, lang: Lang) -> String {
        Notice::of(p, r, &Processors::default(), today(), lang).plain_text()
    }

    /// The host as the processors page names and certifies it: renamed there, a certificate valid
    /// today says certified though the profile does not know; an expired one says to put right.
    #[test]
    fn the_host_s_name_and_certificate_come_from_the_processors_page_when_entered() {
        use crate::binder::processors::ProcessorEdit;
        let mut p = gp();
        p.setup.records = RecordsHosting::Cloud;
        p.processing.host = "Hébergeur Ancien".into();
        let host = ProcessorId::Profile(Source::Host);
        let at = jiff::Timestamp::UNIX_EPOCH;
        let mut procs = Processors::default();
        procs
            .edit(host, ProcessorEdit::Name("Hébergeur Nouveau".into()), at)
            .expect("name");
        procs
            .edit(host, ProcessorEdit::HdsNumber("HDS-123".into()), at)
            .expect("number");
        procs
            .edit(
                host,
                ProcessorEdit::HdsExpires(Some(jiff::civil::date(2028, 1, 1))),
                at,
            )
            .expect("expiry");
        let text = Notice::of(&p, &Register::default(), &procs, today(), Lang::Fr).plain_text();
        assert!(
            text.contains("hébergé chez Hébergeur Nouveau, certifié hébergeur"),
            "{text}"
        );
        let later = jiff::civil::date(2028, 6, 1);
        let text = Notice::of(&p, &Register::default(), &procs, later, Lang::Fr).plain_text();
        assert!(text.contains("à régulariser"), "{text}");
    }

    #[test]
    fn a_gp_with_local_records_gets_purposes_rights_and_the_cnil_but_no_hosting() {
        let text = notice(&gp(), &Register::default(), Lang::Fr);
        for needle in [
            "Dr Paul Martin",
            "tenir votre dossier médical",
            "facturer",
            "secret médical",
            "15 ans en archivage",
            "CNIL, 3 place de Fontenoy",
            "L.1111-7",
            "3 rue de la Gare",
        ] {
            assert!(text.contains(needle), "{needle} missing in:\n{text}");
        }
        assert!(!text.contains("L.1111-8"), "{text}");
        assert!(!text.contains("vidéosurveillance"));
        assert!(
            !text.contains("à confirmer"),
            "no working note reaches the patients: {text}"
        );
    }

    #[test]
    fn hosted_records_name_the_host_its_certification_and_the_right_to_object() {
        let mut p = gp();
        p.setup.records = RecordsHosting::Cloud;
        let unknown = notice(&p, &Register::default(), Lang::Fr);
        assert!(
            unknown.contains("reste à vérifier") && unknown.contains("motif légitime"),
            "{unknown}"
        );
        p.processing.host = "Hébergeur Exemple".into();
        p.processing.host_hds = Known::Yes;
        let en = notice(&p, &Register::default(), Lang::En);
        assert!(
            en.contains("Hébergeur Exemple, certified as a health-data host"),
            "{en}"
        );
        // English punctuation: no space before the colon.
        assert!(
            en.contains("Patient records and care: 5 years in the active base"),
            "{en}"
        );
    }

    #[test]
    fn the_doctor_s_note_and_purpose_edits_reach_the_notice() {
        let mut r = Register {
            notice_note: "Le cabinet ne filme pas.".into(),
            ..Register::default()
        };
        r.edit(
            ActivityKind::Appointments,
            RegisterField::Purpose,
            "prendre vos rendez-vous par téléphone",
            jiff::Timestamp::UNIX_EPOCH,
        );
        let text = notice(&gp(), &r, Lang::Fr);
        assert!(
            text.contains("Le cabinet ne filme pas.") && text.contains("par téléphone"),
            "{text}"
        );
    }
}
