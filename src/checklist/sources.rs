//! The table of known references a catalog item may cite. A source outside it fails the catalog's
//! validation, so a typo or an invented measure number cannot reach a report.
//!
//! - `CNIL 2024 F` or `CNIL 2024 F.M`: the CNIL's "Guide de la sécurité des données personnelles",
//!   2024 edition, fiche F (1–25) and its measure M. The guide numbers only its fiches; "F.M" is this
//!   project's way to name the M-th measure of fiche F (see `docs/checklist.md`).
//! - `ANSSI N`: the ANSSI hygiene guide's measure N (1–42).
//! - `GDPR N`, `GDPR N(P)`, `GDPR N-M`: articles of the GDPR (1–99).
//! - `CSP …`: the articles of the Code de la santé publique listed in [`CSP`].
//! - Named decisions, orders and guides: [`NAMED`].

/// Fiche titles of the CNIL 2024 guide, with the number of measures each holds.
pub const CNIL_FICHES: [(&str, u8); 25] = [
    ("Piloter la sécurité des données", 2),
    ("Définir un cadre pour les utilisateurs", 2),
    ("Impliquer et former les utilisateurs", 2),
    ("Authentifier les utilisateurs", 3),
    ("Gérer les habilitations", 3),
    ("Sécuriser les postes de travail", 4),
    ("Sécuriser l’informatique mobile", 3),
    ("Protéger le réseau informatique", 4),
    ("Sécuriser les serveurs", 3),
    ("Sécuriser les sites web", 3),
    ("Encadrer les développements informatiques", 4),
    ("Protéger les locaux", 2),
    ("Sécuriser les échanges avec l’extérieur", 3),
    ("Gérer la sous-traitance", 3),
    (
        "Encadrer la maintenance et la fin de vie des matériels et des logiciels",
        3,
    ),
    ("Tracer les opérations", 4),
    ("Sauvegarder", 3),
    ("Prévoir la continuité et la reprise d’activité", 2),
    ("Gérer les incidents et les violations", 2),
    ("Analyse de risques", 3),
    ("Chiffrement, hachage, signature", 2),
    ("Cloud : Informatique en nuage", 4),
    ("Applications mobiles : Conception et développement", 3),
    ("Intelligence artificielle : Conception et apprentissage", 3),
    ("API : Interfaces de programmation applicative", 2),
];

/// Titles of the ANSSI hygiene guide's 42 measures, by number (`reference-measures.md`).
pub const ANSSI_MEASURES: [&str; 42] = [
    "Former les équipes opérationnelles à la sécurité des systèmes d’information",
    "Sensibiliser les utilisateurs aux bonnes pratiques élémentaires de sécurité informatique",
    "Maîtriser les risques de l’infogérance",
    "Identifier les informations et serveurs les plus sensibles et maintenir un schéma du réseau",
    "Disposer d’un inventaire exhaustif des comptes privilégiés et le maintenir à jour",
    "Organiser les procédures d’arrivée, de départ et de changement de fonction des utilisateurs",
    "Autoriser la connexion au réseau de l’entité aux seuls équipements maîtrisés",
    "Identifier nommément chaque personne accédant au système et distinguer les rôles utilisateur/administrateur",
    "Attribuer les bons droits sur les ressources sensibles du système d’information",
    "Définir et vérifier des règles de choix et de dimensionnement des mots de passe",
    "Protéger les mots de passe stockés sur les systèmes",
    "Changer les éléments d’authentification par défaut sur les équipements et services",
    "Privilégier lorsque c’est possible une authentification forte",
    "Mettre en place un niveau de sécurité minimal sur l’ensemble du parc informatique",
    "Se protéger des menaces relatives à l’utilisation de supports amovibles",
    "Utiliser un outil de gestion centralisée afin d’homogénéiser les politiques de sécurité",
    "Activer et configurer le pare-feu local des postes de travail",
    "Chiffrer les données sensibles transmises par voie Internet",
    "Segmenter le réseau et mettre en place un cloisonnement entre ces zones",
    "S’assurer de la sécurité des réseaux d’accès Wi-Fi et de la séparation des usages",
    "Utiliser des protocoles réseaux sécurisés dès qu’ils existent",
    "Mettre en place une passerelle d’accès sécurisé à Internet",
    "Cloisonner les services visibles depuis Internet du reste du système d’information",
    "Protéger sa messagerie professionnelle",
    "Sécuriser les interconnexions réseau dédiées avec les partenaires",
    "Contrôler et protéger l’accès aux salles serveurs et aux locaux techniques",
    "Interdire l’accès à Internet depuis les postes ou serveurs utilisés pour l’administration du système d’information",
    "Utiliser un réseau dédié et cloisonné pour l’administration du système d’information",
    "Limiter au strict besoin opérationnel les droits d’administration sur les postes de travail",
    "Prendre des mesures de sécurisation physique des terminaux nomades",
    "Chiffrer les données sensibles, en particulier sur le matériel potentiellement perdable",
    "Sécuriser la connexion réseau des postes utilisés en situation de nomadisme",
    "Adopter des politiques de sécurité dédiées aux terminaux mobiles",
    "Définir une politique de mise à jour des composants du système d’information",
    "Anticiper la fin de la maintenance des logiciels et systèmes et limiter les adhérences logicielles",
    "Activer et configurer les journaux des composants les plus importants",
    "Définir et appliquer une politique de sauvegarde des composants critiques",
    "Procéder à des contrôles et audits de sécurité réguliers puis appliquer les actions correctives associées",
    "Désigner un référent en sécurité des systèmes d’information et le faire connaître auprès du personnel",
    "Définir une procédure de gestion des incidents de sécurité",
    "Mener une analyse de risques formelle",
    "Privilégier l’usage de produits et de services qualifiés par l’ANSSI",
];

/// The French titles of the GDPR articles the catalog cites (the others are shown by number only).
pub const GDPR_TITLES: &[(u8, &str)] = &[
    (
        12,
        "Transparence des informations et des communications et modalités de l’exercice des droits de la personne concernée",
    ),
    (
        13,
        "Informations à fournir lorsque des données à caractère personnel sont collectées auprès de la personne concernée",
    ),
    (28, "Sous-traitant"),
    (30, "Registre des activités de traitement"),
    (32, "Sécurité du traitement"),
    (
        33,
        "Notification à l’autorité de contrôle d’une violation de données à caractère personnel",
    ),
    (
        34,
        "Communication à la personne concernée d’une violation de données à caractère personnel",
    ),
    (35, "Analyse d’impact relative à la protection des données"),
    (37, "Désignation du délégué à la protection des données"),
];

/// Articles of the Code de la santé publique cited.
pub const CSP: &[(&str, &str)] = &[
    ("CSP L.1110-4", "secret médical"),
    ("CSP L.1111-7", "accès du patient à son dossier"),
    ("CSP L.1111-8", "hébergement des données de santé"),
    ("CSP L.1111-4", "consentement aux soins"),
    ("CSP L.1111-8-1", "identifiant national de santé (INS)"),
    ("CSP L.1111-14", "dossier médical partagé (DMP)"),
    (
        "CSP L.1111-15",
        "DMP : informations rendues inaccessibles par son titulaire",
    ),
    (
        "CSP R.1111-8-1",
        "identifiant national de santé : conditions d’utilisation",
    ),
    (
        "CSP R.4127-96",
        "dossiers médicaux : le médecin en reste responsable",
    ),
    ("CSP R.6316-3", "télémédecine : identification du patient"),
    (
        "CSP R.6316-4",
        "télémédecine : compte rendu dans le dossier du patient",
    ),
    ("CSP R.1111-9", "les activités de l’hébergement certifié"),
    ("CSP R.1112-7", "durées de conservation du dossier médical"),
];

/// Named decisions, orders, guides and tools, with what they are.
pub const NAMED: &[(&str, &str)] = &[
    (
        "SAN-2020-014",
        "CNIL, délibération SAN-2020-014 du 7 décembre 2020 (médecin, 3 000 €)",
    ),
    (
        "SAN-2020-015",
        "CNIL, délibération SAN-2020-015 du 7 décembre 2020 (médecin, 6 000 €)",
    ),
    (
        "CNIL 2024-09-05 Cegedim",
        "CNIL, formation restreinte, décision du 5 septembre 2024 contre l’éditeur CEGEDIM SANTÉ (800 000 €)",
    ),
    ("CE 449694", "Conseil d’État, 22 juillet 2022, n° 449694"),
    (
        "CJEU C-307/22",
        "Cour de justice de l’Union européenne, C-307/22, 26 octobre 2023",
    ),
    (
        "Arrêté 2024-04-26 HDS",
        "arrêté du 26 avril 2024 modifiant l’arrêté du 11 juin 2018 (référentiel de certification HDS)",
    ),
    (
        "Arrêté 2022-04-04 e-CPS",
        "arrêté du 4 avril 2022 relatif à des moyens d’identification électronique immatériels des professionnels (e-CPS, Pro Santé Connect)",
    ),
    (
        "Arrêté 2022-03-28 authentification",
        "arrêté du 28 mars 2022, référentiel relatif à l’identification électronique des acteurs des secteurs sanitaire, médico-social et social",
    ),
    (
        "Décret 2024-164 téléconsultation",
        "décret n° 2024-164 du 29 février 2024 relatif aux sociétés de téléconsultation (agrément, CSP D.4081-1)",
    ),
    (
        "C. assurances L.12-10-1",
        "Code des assurances, article L.12-10-1 (plainte sous 72 heures)",
    ),
    (
        "CNIL FAQ DPO",
        "CNIL, foire aux questions sur le DPO des professionnels de santé",
    ),
    (
        "CNIL liste AIPD 2019",
        "CNIL, délibération n° 2019-118 du 12 septembre 2019, liste des traitements dispensés d’analyse d’impact",
    ),
    (
        "CNIL référentiel 2020",
        "CNIL, délibération n° 2020-081 du 18 juin 2020, référentiel des cabinets médicaux et paramédicaux",
    ),
    (
        "CNIL/CNOM 2018",
        "CNIL et Ordre des médecins, guide pratique sur la protection des données personnelles (juin 2018)",
    ),
    (
        "PGSSI-S mémento",
        "PGSSI-S, mémento de sécurité informatique pour les professionnels de santé en exercice libéral (novembre 2013)",
    ),
    ("MonAideCyber", "ANSSI, questionnaire MonAideCyber"),
    // Catalog v3 (second review)
    (
        "Arrêté 2021-05-27 INS",
        "arrêté du 27 mai 2021 portant approbation des modifications apportées au référentiel « Identifiant national de santé » (RNIV en annexe)",
    ),
    ("RNIV", "référentiel national d’identitovigilance"),
    (
        "CNOM conservation",
        "Ordre des médecins, recommandations sur la conservation des dossiers médicaux",
    ),
    (
        "CSI L.251-1",
        "Code de la sécurité intérieure, article L.251-1 et suivants (vidéoprotection)",
    ),
    (
        "CSI L.252-1",
        "Code de la sécurité intérieure, article L.252-1 (autorisation préfectorale)",
    ),
    (
        "CSI L.252-5",
        "Code de la sécurité intérieure, article L.252-5 (durée de conservation des images)",
    ),
    (
        "C. travail L.1222-4",
        "Code du travail, article L.1222-4 (information préalable des salariés)",
    ),
    (
        "CNIL mots de passe 2022",
        "CNIL, délibération n° 2022-100 du 21 juillet 2022, recommandation relative aux mots de passe et autres secrets partagés",
    ),
    (
        "RGPD considérant 91",
        "RGPD, considérant 91 (un médecin seul ne traite pas à grande échelle)",
    ),
    (
        "ANS Ségur",
        "ANS, référencement Ségur du numérique en santé (financement SONS)",
    ),
    (
        "HAS 2019 téléconsultation",
        "HAS, « Qualité et sécurité des actes de téléconsultation et de téléexpertise », guide de bonnes pratiques (mai 2019)",
    ),
    (
        "Loi SREN art. 32",
        "loi n° 2024-449 du 21 mai 2024 (SREN), article 32 : modifie l’article L.1111-8 (stockage dans l’Union européenne ou l’Espace économique européen, précisé par décret)",
    ),
];

/// Whether `source` names a known reference.
pub fn is_known(source: &str) -> bool {
    if let Some(rest) = source.strip_prefix("CNIL 2024 ") {
        return cnil(rest).is_some();
    }
    if let Some(rest) = source.strip_prefix("ANSSI ") {
        let n = rest.strip_suffix(".R").unwrap_or(rest);
        return n.parse::<u8>().is_ok_and(|n| (1..=42).contains(&n));
    }
    if let Some(rest) = source.strip_prefix("GDPR ") {
        return gdpr(rest);
    }
    CSP.iter().any(|(s, _)| *s == source) || NAMED.iter().any(|(s, _)| *s == source)
}

/// "F" or "F.M" of the CNIL guide: the fiche's title when it exists.
fn cnil(rest: &str) -> Option<&'static str> {
    let (fiche, measure) = match rest.split_once('.') {
        Some((f, m)) => (f, Some(m)),
        None => (rest, None),
    };
    let fiche: usize = fiche.parse().ok()?;
    let (title, measures) = CNIL_FICHES.get(fiche.checked_sub(1)?)?;
    match measure {
        None => Some(title),
        Some(m) => {
            let m: u8 = m.parse().ok()?;
            (1..=*measures).contains(&m).then_some(*title)
        }
    }
}

fn gdpr(rest: &str) -> bool {
    let article = |s: &str| s.parse::<u8>().is_ok_and(|n| (1..=99).contains(&n));
    if let Some((a, b)) = rest.split_once('-') {
        return article(a) && article(b) && a.parse::<u8>().ok() < b.parse::<u8>().ok();
    }
    match rest.split_once('(') {
        Some((a, p)) => article(a) && p.strip_suffix(')').is_some_and(|p| p.parse::<u8>().is_ok()),
        None => article(rest),
    }
}

/// A source as a document for the CNIL should print it: the CNIL fiche's title after its number, the
/// full name of a decision or order; other sources as they are.
pub fn describe(source: &str) -> String {
    if let Some(rest) = source.strip_prefix("CNIL 2024 ")
        && let Some(title) = cnil(rest)
    {
        let fiche = rest.split('.').next().unwrap_or(rest);
        return format!("CNIL 2024, fiche {fiche} « {title} » ({rest})");
    }
    if let Some(rest) = source.strip_prefix("ANSSI ")
        && let Some(title) = anssi(rest)
    {
        let reinforced = if rest.strip_suffix(".R").is_some() {
            ", renforcée"
        } else {
            ""
        };
        return format!("{source} : guide d’hygiène informatique, mesure « {title} »{reinforced}");
    }
    if let Some(rest) = source.strip_prefix("GDPR ")
        && gdpr(rest)
    {
        if rest == "15-22" {
            return format!(
                "{source} : RGPD, articles 15 à 22 (les droits de la personne concernée)"
            );
        }
        let article: u8 = rest
            .split('(')
            .next()
            .and_then(|a| a.parse().ok())
            .unwrap_or_default();
        if let Some((_, title)) = GDPR_TITLES.iter().find(|(n, _)| *n == article) {
            return format!("{source} : RGPD, article {article} « {title} »");
        }
    }
    CSP.iter()
        .chain(NAMED)
        .find(|(s, _)| *s == source)
        .map_or_else(|| source.to_owned(), |(s, what)| format!("{s}: {what}"))
}

/// "N" or "N.R" of the ANSSI guide: the measure's title when it exists.
fn anssi(rest: &str) -> Option<&'static str> {
    let n: usize = rest.strip_suffix(".R").unwrap_or(rest).parse().ok()?;
    ANSSI_MEASURES.get(n.checked_sub(1)?).copied()
}

/// The order a reader expects of references: numbers compared as numbers, so that "ANSSI 2" comes
/// before "ANSSI 10" and "CNIL 2024 8.4" before "CNIL 2024 17".
pub fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    /// Runs of digits (as numbers) and of other characters, in order.
    fn chunks(s: &str) -> Vec<Result<u64, String>> {
        let mut out: Vec<Result<u64, String>> = Vec::new();
        for c in s.chars() {
            match (c.to_digit(10), out.last_mut()) {
                (Some(d), Some(Ok(n))) => *n = n.saturating_mul(10).saturating_add(u64::from(d)),
                (Some(d), _) => out.push(Ok(u64::from(d))),
                (None, Some(Err(t))) => t.push(c),
                (None, _) => out.push(Err(c.to_string())),
            }
        }
        out
    }
    chunks(a).cmp(&chunks(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_references_only() {
        for ok in [
            "CNIL 2024 8",
            "CNIL 2024 8.4",
            "CNIL 2024 25.2",
            "ANSSI 1",
            "ANSSI 42",
            "ANSSI 13.R",
            "GDPR 33",
            "GDPR 33(5)",
            "GDPR 15-22",
            "CSP L.1111-8",
            "SAN-2020-014",
            "CE 449694",
        ] {
            assert!(is_known(ok), "{ok}");
        }
        for bad in [
            "CNIL 2024 26",
            "CNIL 2024 8.5",
            "CNIL 2024 0",
            "ANSSI 43",
            "ANSSI 0",
            "GDPR 100",
            "GDPR 22-15",
            "CSP L.9999",
            "Sanctions 2020",
            "SAN-2019-014",
            "PGSSI-S",
        ] {
            assert!(!is_known(bad), "{bad}");
        }
        assert_eq!(
            describe("CNIL 2024 8.1"),
            "CNIL 2024, fiche 8 « Protéger le réseau informatique » (8.1)"
        );
        assert!(describe("CE 449694").contains("22 juillet 2022"));
        assert_eq!(
            describe("ANSSI 12"),
            "ANSSI 12 : guide d’hygiène informatique, mesure « Changer les éléments d’authentification par défaut sur les équipements et services »"
        );
        assert!(describe("ANSSI 13.R").ends_with("forte », renforcée"));
        assert_eq!(
            describe("GDPR 32"),
            "GDPR 32 : RGPD, article 32 « Sécurité du traitement »"
        );
        assert!(describe("GDPR 33(5)").starts_with("GDPR 33(5) : RGPD, article 33 « Notification"));
        assert_eq!(describe("GDPR 5"), "GDPR 5");
        assert!(
            ANSSI_MEASURES
                .iter()
                .all(|t| !t.is_empty() && !t.contains("  "))
        );
    }

    #[test]
    fn references_sort_naturally() {
        let mut refs = vec![
            "CNIL 2024 17",
            "ANSSI 10",
            "CNIL 2024 8.4",
            "ANSSI 2",
            "GDPR 32",
            "ANSSI 13.R",
            "CNIL 2024 8.1",
            "GDPR 5",
            "ANSSI 13",
        ];
        refs.sort_by(|a, b| natural_order(a, b));
        assert_eq!(
            refs,
            [
                "ANSSI 2",
                "ANSSI 10",
                "ANSSI 13",
                "ANSSI 13.R",
                "CNIL 2024 8.1",
                "CNIL 2024 8.4",
                "CNIL 2024 17",
                "GDPR 5",
                "GDPR 32",
            ]
        );
    }
}
