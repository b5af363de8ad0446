//! The fictional demo practice, so that a new user sees a full application before typing anything.
//!
//! A radiologist with an imaging server, a secretary and a cloud patient-record software. Later features
//! add their demo records here (answers, scans, breaches, signatures).

use std::path::Path;

use crate::checklist::{self, ActionStatus, AnswerValue, Respondent};
use crate::practice::{
    Dpo, Email, Exercise, ImageKeeping, Known, PracticeName, Processing, Profile, RecordsHosting,
    Rpps, Setup, Specialty, Staff,
};
use crate::practice_file::{JournalEvent, PracticeFile, VaultContents};
use crate::vault::{NewPassphrase, RecoveryCode, VaultError};

/// The demo vault's passphrase in the GUI, shown on screen: the demo holds no real data.
pub const DEMO_PASSPHRASE: &str = "radio-lumiere-cabinet-demo";

/// The demo practice's profile. Names, numbers and addresses are fictional.
pub fn demo_profile() -> Profile {
    // Constants known to be valid: the unit test `demo_profile_is_valid` proves these parses succeed.
    #[expect(clippy::expect_used)]
    let name = PracticeName::parse("Cabinet de radiologie du Dr Lefèvre (démonstration)")
        .expect("valid name");
    let mut p = Profile::named(name);
    p.practitioner = "Dr Camille Lefèvre".into();
    p.rpps = Rpps::parse("10100000017").ok();
    p.specialty = Specialty::Radiology;
    p.address = "12 rue des Tilleuls, 69000 Lyon".into();
    p.email = Email::parse("secretariat@radiologie-lefevre.example").ok();
    p.setup = Setup {
        staff: Staff {
            secretary: true,
            locums: true,
            assistants: false,
        },
        produces_images: true,
        keeps_images: ImageKeeping {
            on_pc: false,
            on_server: true,
            at_host: false,
        },
        has_imaging_server: true,
        records: RecordsHosting::Cloud,
        online_booking: true,
        patient_wifi: true,
        remote_access: true,
        receives_images: false,
        teleconsultation: false,
        video_surveillance: false,
        own_email_domain: true,
        imaging_to_confirm: false,
    };
    p.it_provider = "InfoSanté Services, 04 00 00 00 00".into();
    p.dpo = Some(Dpo {
        name: "Cabinet Conseil RGPD Santé".into(),
        email: Email::parse("dpo@conseil-rgpd.example").ok(),
        phone: String::new(),
    });
    p.patients_per_year = Some(4200);
    p.processing = Processing {
        exercise: Exercise::Individual,
        records_vendor: "DossierMed Éditions (fictif)".into(),
        host: "SantéCloud Hébergement (fictif)".into(),
        host_hds: Known::Yes,
        teleconsultation_vendor: String::new(),
        imaging_partner: "TéléRadio Partenaires (fictif)".into(),
        transfers_outside_eu: Known::No,
    };
    p
}

/// The demo's answers, by the content brief's item number: "no" on the box and PACS items behind the
/// 2020 sanctions, a few "partly" and "don't know", the rest "yes"; the governance theme is left for later.
#[expect(
    clippy::match_same_arms,
    reason = "one arm per checklist item, in the catalog's order: the table reads item by item"
)]
fn demo_answer(brief: u32) -> Option<(AnswerValue, &'static str)> {
    use AnswerValue::{DontKnow, No, Partly, Yes};
    Some(match brief {
        1 => (
            No,
            "Le prestataire a ouvert le port 8042 vers le serveur d'images pour la téléradiologie.",
        ),
        2 => (DontKnow, ""),
        6 => (
            Partly,
            "Le serveur d'images écoute sur toutes les interfaces (ports 104 et 8042).",
        ),
        10 => (
            No,
            "La visionneuse web du PACS s'ouvre sans mot de passe depuis le réseau du cabinet.",
        ),
        11 => (No, ""),
        12 => (Partly, ""),
        13 => (
            DontKnow,
            "Demander au prestataire comment passent les images de téléradiologie.",
        ),
        14 => (No, "Le disque du serveur d'images n'est pas chiffré."),
        15 => (
            Partly,
            "Des exports DICOM traînent dans le dossier Téléchargements du secrétariat.",
        ),
        19 => (
            Partly,
            "BitLocker actif sur le poste du médecin, pas sur celui du secrétariat.",
        ),
        22 | 24 | 30 | 34 | 38 => (No, ""),
        27 | 31 | 37 | 39 => (Partly, ""),
        33 | 44 => (DontKnow, ""),
        41 => (
            Yes,
            "Logiciel de dossiers patients hébergé chez un hébergeur certifié HDS : certificat joint.",
        ),
        48..=54 => return None,
        _ => (Yes, ""),
    })
}

/// The demo practice's contents: profile, a largely answered checklist with notes and an evidence file,
/// and an action plan with owners and due dates.
pub fn demo_contents() -> VaultContents {
    let mut contents = VaultContents::new(demo_profile());
    contents.demo = true;
    contents.profile_confirmed = true;
    contents.record(JournalEvent::ProfileUpdated);

    let catalog = checklist::catalog();
    let now = jiff::Timestamp::now();
    let c = &mut contents;
    for item in &catalog.items {
        let Some(&brief) = item.brief.first() else {
            continue;
        };
        if !checklist::applicability::applies(&item.applies, &c.practice) {
            continue;
        }
        if let Some((value, note)) = demo_answer(brief) {
            let by = if item.theme == "box" || item.theme == "imaging" {
                Respondent::Consultant
            } else {
                Respondent::Doctor
            };
            c.checklist.answer(&item.id, value, by, now);
            if let Some(a) = c.checklist.answers.get_mut(&item.id) {
                a.note = note.to_owned();
            }
            if brief == 41 {
                let certificate = "Certificat HDS (démonstration, fictif)\nHébergeur : Santé Cloud Exemple\nPérimètre : hébergement du logiciel de dossiers patients\nValidité : 2025-2028\n";
                // A non-empty text well under the size limit: attaching it cannot fail.
                let _ = c.checklist.attach(
                    &item.id,
                    "certificat-hds-demo.txt",
                    certificate.as_bytes().to_vec(),
                );
            }
        }
    }
    last_years_assessment(c, now);
    checklist::plan::sync(catalog, &c.practice, &mut c.checklist, now);

    let today = crate::i18n::today();
    let owners = ["InfoSanté Services", "Dr Lefèvre", "Secrétariat"];
    let open: Vec<String> = checklist::plan::open(catalog, &c.checklist)
        .iter()
        .map(|a| a.item.clone())
        .collect();
    for (i, id) in open.iter().enumerate() {
        if let Some(action) = c.checklist.actions.iter_mut().find(|a| &a.item == id) {
            action.owner = owners[i % owners.len()].to_owned();
            let weeks = 2 * (i as i64 + 1);
            action.due = today.checked_add(jiff::Span::new().weeks(weeks)).ok();
            if i == 1 {
                action.status = ActionStatus::InProgress;
            }
        }
    }
    c.scans.push(demo_scan(now));
    c.breaches = demo_breaches(now);
    c.system = demo_system(now);
    c.processors = demo_processors(now);
    contents
}

/// The demo's processors as the doctor completed them from the contracts (fictional): the host's HDS
/// certificate expiring in 60 days, its contract attached with one clause absent and one not found;
/// the record software's vendor with a few clauses ticked and no certificate given.
pub fn demo_processors(now: jiff::Timestamp) -> crate::binder::Processors {
    use crate::binder::{Clause, ClauseAnswer, ProcessorEdit, ProcessorId, Processors, Source};
    let mut r = Processors::default();
    let host = ProcessorId::Profile(Source::Host);
    let today = crate::locale::date_of(now);
    let edits = [
        ProcessorEdit::HdsNumber("HDS-FICTIF-2024-017".into()),
        ProcessorEdit::HdsExpires(today.checked_add(jiff::Span::new().days(60)).ok()),
        ProcessorEdit::Note("Contrat n° SC-2021-448 (fictif)".into()),
    ];
    let clauses = Clause::ALL.map(|c| {
        let answer = match c {
            Clause::Audits => ClauseAnswer::Absent,
            Clause::SubProcessorObligations => ClauseAnswer::Unknown,
            _ => ClauseAnswer::Present,
        };
        ProcessorEdit::Clause(c, answer)
    });
    for edit in edits.into_iter().chain(clauses) {
        // The demo's own edits of the profile's host always apply.
        let _applied = r.edit(host, edit, now);
    }
    let _attached = r.attach_contract(
        host,
        "contrat-santecloud-fictif.txt",
        crate::digest::Hashed::new(
            "Contrat d'hébergement de données de santé — exemple fictif de la démonstration de Vigie.\n"
                .as_bytes()
                .to_vec(),
        ),
        now,
    );
    let software = ProcessorId::Profile(Source::RecordsSoftware);
    for c in [Clause::Scope, Clause::Confidentiality, Clause::Security] {
        let _applied = r.edit(
            software,
            ProcessorEdit::Clause(c, ClauseAnswer::Present),
            now,
        );
    }
    r
}

/// The demo's recorded PC checks, three days ago, on the practice's imaging PC (Windows 11): an Orthanc
/// open to the whole network with the sample account, the box forwarding its web port, an unencrypted
/// disk. Fictional, as the rest of the demo.
/// The demo practice's Livebox, read as `vigie box-check` reads one: the 2020 case (Orthanc's port
/// forwarded by hand to the imaging PC) and UPnP on.
fn demo_box(at: jiff::Timestamp) -> crate::system::CheckResult {
    use crate::system::boxes::{
        BoxKind, BoxReading, Dmz, FirewallLevel, Forward, Origin, PortRange,
    };
    let mut reading = BoxReading::new(BoxKind::Livebox, "192.168.1.1");
    reading.read_at = at;
    reading.model = Some("Livebox 6".to_owned());
    reading.calls = [
        "DeviceInfo.get",
        "sah.Device.Information.createContext",
        "Firewall.getPortForwarding",
        "Firewall.getDMZ",
        "Firewall.getPinhole",
        "Firewall.getFirewallIPv6Level",
        "UPnP-IGD.get",
        "RemoteAccess.get",
    ]
    .map(str::to_owned)
    .to_vec();
    reading.forwards.push(Forward {
        protocol: "tcp".to_owned(),
        external: PortRange::one(8042),
        internal_host: "192.168.1.20".to_owned(),
        internal: PortRange::one(8042),
        origin: Origin::Manual,
        enabled: true,
        description: "images maison".to_owned(),
    });
    reading.dmz = Some(Dmz {
        enabled: false,
        host: None,
    });
    reading.ipv6 = Some(FirewallLevel {
        level: "High".to_owned(),
        open: false,
    });
    reading.upnp_enabled = Some(true);
    crate::system::boxes::risk::result(&reading, Some(std::net::IpAddr::from([192, 168, 1, 20])))
}

fn demo_system(now: jiff::Timestamp) -> crate::system::SystemRecord {
    use crate::system::orthanc::Issue;
    use crate::system::ports::Listener;
    use crate::system::probe::{Answer, Outcome, Protocol};
    use crate::system::upnp::Mapping;
    use crate::system::{CheckId as C, CheckResult, Evidence, Finding as F, Status as S};
    let at = now - jiff::SignedDuration::from_hours(72);
    let result = |id, status, finding, evidence: &[(&str, &str)]| CheckResult {
        id,
        status,
        finding,
        evidence: evidence.iter().map(|(s, v)| Evidence::new(*s, v)).collect(),
        checked_at: at,
    };
    let listener = |port, process: &str| Listener {
        address: "0.0.0.0".to_owned(),
        port,
        process: Some(process.to_owned()),
    };
    let firewall = r"HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy";
    let results = vec![
        result(C::DiskEncryption, S::Fail, F::DiskNotEncrypted, &[(
            "powershell: Shell.Application System.Volume.BitLockerProtection",
            "2",
        )]),
        result(
            C::Firewall,
            S::Pass,
            F::FirewallOn {
                name: "Windows Defender Firewall".to_owned(),
            },
            &[
                (&format!("{firewall}\\DomainProfile\\EnableFirewall"), "1"),
                (&format!("{firewall}\\StandardProfile\\EnableFirewall"), "1"),
                (&format!("{firewall}\\PublicProfile\\EnableFirewall"), "1"),
            ],
        ),
        result(
            C::Antivirus,
            S::Pass,
            F::AntivirusOk {
                products: vec!["Windows Defender".to_owned()],
            },
            &[(
                "WMI ROOT\\SecurityCenter2: SELECT displayName, productState FROM AntiVirusProduct",
                "Windows Defender: 397568",
            )],
        ),
        result(
            C::OsEndOfLife,
            S::Fail,
            F::OsUnsupported {
                name: "Windows 11 23H2".to_owned(),
                since: jiff::civil::date(2025, 11, 11),
            },
            &[
                ("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber", "22631"),
                ("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\DisplayVersion", "23H2"),
                ("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\EditionID", "Professional"),
            ],
        ),
        result(C::ScreenLock, S::Warning, F::ScreenLockSlow { minutes: 30 }, &[
            ("HKCU\\Control Panel\\Desktop\\ScreenSaveActive", "1"),
            ("HKCU\\Control Panel\\Desktop\\ScreenSaverIsSecure", "1"),
            ("HKCU\\Control Panel\\Desktop\\ScreenSaveTimeOut", "1800"),
        ]),
        result(C::AdminUse, S::Fail, F::DailyAdmin, &[(
            "whoami /groups /fo csv",
            "\"BUILTIN\\Administrateurs\",\"Alias\",\"S-1-5-32-544\",\"Groupe utilisé pour refus uniquement\"",
        )]),
        result(
            C::ListeningPorts,
            S::Fail,
            F::ExposedPorts {
                sensitive: vec![
                    listener(445, "System"),
                    listener(4242, "Orthanc.exe"),
                    listener(8042, "Orthanc.exe"),
                ],
                other: vec![listener(5040, "svchost.exe")],
            },
            &[("IP Helper (listeners)", "0.0.0.0:445 System, 0.0.0.0:4242 Orthanc.exe, 0.0.0.0:5040 svchost.exe, 0.0.0.0:8042 Orthanc.exe, 127.0.0.1:5939 TeamViewer_Service.exe")],
        ),
        result(C::RemoteDesktop, S::Pass, F::RemoteDesktopOff, &[
            ("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\fDenyTSConnections", "1"),
            ("listening ports 3389, 5900", "(none on the network)"),
        ]),
        result(
            C::OrthancConfig,
            S::Fail,
            F::OrthancRisky {
                issues: vec![
                    Issue::RemoteWithoutPassword,
                    Issue::DefaultAccount {
                        user: "alice".to_owned(),
                    },
                    Issue::RemoteWithoutHttps,
                    Issue::CalledAetNotChecked,
                    Issue::DicomWithoutTls,
                ],
            },
            &[(
                "C:\\Program Files\\Orthanc Server\\Configuration\\orthanc.json",
                "RemoteAccessAllowed: true; AuthenticationEnabled: false; SslEnabled: false; DicomCheckCalledAet: false; DicomAet: \"ORTHANC\"; DicomPort: 4242; HttpPort: 8042; StorageDirectory: \"D:/OrthancStorage\"; RegisteredUsers: alice",
            )],
        ),
        result(
            C::RemoteMaintenance,
            S::Warning,
            F::RemoteTools {
                names: vec!["TeamViewer".to_owned()],
            },
            &[("tasklist /fo csv /nh", "TeamViewer")],
        ),
        result(
            C::CloudSync,
            S::Warning,
            F::CloudFolders {
                services: vec!["OneDrive".to_owned()],
            },
            &[("folders of the user's folder", "OneDrive - Cabinet Lefèvre")],
        ),
        result(
            C::ImagingExposure,
            S::Fail,
            F::Probe {
                address: "192.168.1.20".to_owned(),
                answers: vec![
                    Answer {
                        port: 4242,
                        protocol: Protocol::Dicom,
                        outcome: Outcome::AcceptsAnyone,
                        detail: "A-ASSOCIATE-AC, C-ECHO-RSP status 0x0000 (success)".to_owned(),
                    },
                    Answer {
                        port: 8042,
                        protocol: Protocol::Http,
                        outcome: Outcome::AcceptsAnyone,
                        detail: "GET /system 200 (Orthanc), GET /patients 200 (1 482 entries), no password".to_owned(),
                    },
                ],
            },
            &[
                ("DICOM A-ASSOCIATE + C-ECHO from VIGIE-PROBE to 192.168.1.20:4242", "A-ASSOCIATE-AC, C-ECHO-RSP status 0x0000 (success)"),
                ("HTTP GET /system, /patients on 192.168.1.20:8042", "GET /system 200 (Orthanc), GET /patients 200 (1 482 entries), no password"),
            ],
        ),
        result(
            C::BoxMappings,
            S::Fail,
            F::Upnp {
                gateway: "192.168.1.1:5000".to_owned(),
                mappings: vec![Mapping {
                    external_port: 8042,
                    protocol: "TCP".to_owned(),
                    internal_client: "192.168.1.20".to_owned(),
                    internal_port: 8042,
                    description: "Orthanc".to_owned(),
                    enabled: true,
                    this_pc: true,
                }],
                truncated: false,
            },
            &[("GetGenericPortMappingEntry", "TCP 8042 → 192.168.1.20:8042 «Orthanc»")],
        ),
        demo_box(at),
    ];
    let mut record = crate::system::SystemRecord::default();
    record.record(crate::system::SystemReport {
        checked_at: at,
        system: "Windows 11 Professional 23H2 (build 22631)".to_owned(),
        results,
    });
    record
}

/// Last year's assessment, signed by the doctor and countersigned by the DPO: four measures were "no"
/// then and are "yes" now (their actions done since), and this year's draft starts from it, a few of its
/// answers still to review. The keys are made for each demo vault; the demo says it is fictional.
fn last_years_assessment(c: &mut VaultContents, now: jiff::Timestamp) {
    use crate::assessment::{Role, Signer};
    let catalog = checklist::catalog();
    let year_ago = now - jiff::SignedDuration::from_hours(24 * 365);
    let fixed_at = now - jiff::SignedDuration::from_hours(24 * 40);
    let improved: Vec<String> = catalog
        .items
        .iter()
        .filter(|i| i.theme != "box" && i.theme != "imaging")
        .filter(|i| {
            c.checklist
                .answers
                .get(&i.id)
                .is_some_and(|a| a.value == AnswerValue::Yes)
        })
        .take(4)
        .map(|i| i.id.clone())
        .collect();
    let mut last = c.checklist.clone();
    for (id, a) in &mut last.answers {
        a.at = year_ago;
        if improved.contains(id) {
            a.value = AnswerValue::No;
        }
    }
    last.actions.clear();
    checklist::plan::sync(catalog, &c.practice, &mut last, year_ago);
    let (Ok(doctor), Ok(consultant)) = (
        c.assessments.doctor_signer(&c.practice),
        Signer::generate(
            "Julien Moreau",
            Role::Consultant,
            "Cabinet Conseil RGPD Santé",
        ),
    ) else {
        // No random numbers for the keys: the demo goes without signed assessments.
        return;
    };
    let id = c
        .assessments
        .complete(
            &c.practice,
            &mut last,
            &crate::scan::record::ScanHistory::default(),
            &doctor,
            year_ago,
            0x2025_0001,
        )
        .id
        .clone();
    if let Some(signed) = c.assessments.get_mut(&id) {
        let _ = signed.countersign(&consultant, year_ago + jiff::SignedDuration::from_hours(72));
    }
    c.record(JournalEvent::AssessmentSigned);
    c.record(JournalEvent::AssessmentCountersigned);
    // This year: last year's plan carried on; the improved measures answered again, most answers
    // confirmed, a few still to review.
    c.checklist.actions = last.actions;
    for (i, (id, a)) in c.checklist.answers.iter_mut().enumerate() {
        if improved.contains(id) {
            a.at = fixed_at;
        } else if i % 5 == 0 {
            a.at = year_ago;
            a.to_review = true;
        }
    }
    checklist::plan::sync(catalog, &c.practice, &mut c.checklist, fixed_at);
}

/// The demo's breach register: a USB stick of encrypted images lost five months ago (closed, not
/// notified, with the reason), and the imaging server found reachable from the Internet 30 hours ago
/// (notified initially two hours after, the complementary notification still to send).
pub fn demo_breaches(now: jiff::Timestamp) -> crate::breach::BreachRegister {
    use crate::breach::{
        BreachRegister, Cause, Change, Details, Known, NotificationKind, Question, Severity, Status,
    };
    use jiff::SignedDuration;
    let by = "Dr Camille Lefèvre";
    let ago = |hours: i64| {
        now.checked_sub(SignedDuration::from_hours(hours))
            .unwrap_or(now)
    };
    let mut r = BreachRegister::default();
    // Every change below is valid by construction (the unit test `demo_breaches_are_recorded` proves
    // each one was appended): a refusal would only leave that event out.
    let apply = |r: &mut BreachRegister, id, change, at| {
        let _ = r.apply(id, change, by, at);
    };

    let lost = 150 * 24;
    if let Ok(id) = r.open("Clé USB d'échographies perdue", by, ago(lost - 2)) {
        let details = Details {
            started_at: Some(ago(lost + 20)),
            ended_at: Some(ago(lost + 20)),
            discovered_at: Some(ago(lost)),
            aware_at: Some(ago(lost)),
            how_discovered: "La secrétaire n'a pas retrouvé la clé après une journée de remplacement.".into(),
            confidentiality: true,
            cause: Cause::LostDevice,
            description: "Une clé USB contenant des exports d'échographies d'une semaine a été perdue hors du cabinet.".into(),
            copied_out: Known::Unknown,
            encrypted: Known::Yes,
            key_compromised: Known::No,
            backup: Known::Yes,
            unavailable_hours: Some(0),
            data_identity: true,
            data_health: true,
            data_images: true,
            records: Some(crate::breach::Count::exact(60)),
            people: Some(crate::breach::Count::exact(23)),
            people_patients: true,
            minors: Known::No,
            vulnerable: Known::No,
            measures_before: "Clé chiffrée (BitLocker To Go, AES-256), mot de passe connu du seul médecin ; les examens restent dans le PACS.".into(),
            consequences: "Aucune : sans le mot de passe, les images sont illisibles.".into(),
            severity: Severity::Negligible,
            measures_after: "Clés USB remplacées par un partage chiffré ; rappel de la règle à l'équipe.".into(),
            ..Details::default()
        };
        apply(&mut r, id, Change::Facts(Box::new(details)), ago(lost - 3));
        apply(&mut r, id, Change::Status(Status::Assessing), ago(lost - 3));
        apply(&mut r, id, Change::Decision {
            question: Question::NotifyCnil,
            yes: false,
            reason: "Images chiffrées, clé restée sûre et sauvegarde dans le PACS : risque improbable pour les patients (EDPB 01/2021, cas 10). Inscrit au registre.".into(),
            recommended: false,
        }, ago(lost - 4));
        apply(
            &mut r,
            id,
            Change::Decision {
                question: Question::InformPeople,
                yes: false,
                reason: "Données inintelligibles pour un tiers (art. 34(3)(a)).".into(),
                recommended: false,
            },
            ago(lost - 4),
        );
        apply(&mut r, id, Change::Status(Status::Closed), ago(lost - 5));
    }

    if let Ok(id) = r.open("Serveur d'images accessible depuis Internet", by, ago(30)) {
        let details = Details {
            started_at: Some(ago(24 * 40)),
            ongoing: false,
            ended_at: Some(ago(29)),
            discovered_at: Some(ago(30)),
            processor_alert_at: Some(ago(30)),
            aware_at: Some(ago(30)),
            how_discovered: "Le prestataire a vu, en vérifiant la box, le port 8042 du serveur d'images ouvert sur Internet.".into(),
            confidentiality: true,
            cause: Cause::Misconfiguration,
            origin: crate::breach::Origin::Internal,
            intent: crate::breach::Intent::Accidental,
            description: "Le port 8042 (Orthanc) était redirigé vers le serveur d'images pour la téléradiologie ; la visionneuse web s'ouvrait sans mot de passe.".into(),
            copied_out: Known::Unknown,
            encrypted: Known::No,
            key_compromised: Known::Unknown,
            backup: Known::Yes,
            data_identity: true,
            data_health: true,
            data_images: true,
            records: Some(crate::breach::Count::exact(5300)),
            people: Some(crate::breach::Count::exact(1800)),
            people_patients: true,
            minors: Known::Yes,
            vulnerable: Known::Unknown,
            measures_before: "Aucun chiffrement du disque du serveur ; pas de mot de passe sur la visionneuse web.".into(),
            consequences: "Des images et les noms, dates de naissance et examens des patients ont pu être consultés ou copiés par des inconnus.".into(),
            severity: Severity::Significant,
            measures_after: "Redirection supprimée, UPnP désactivé, mot de passe sur la visionneuse ; journaux demandés au prestataire.".into(),
            processors: "InfoSanté Services (prestataire informatique)".into(),
            contact_phone: "04 72 00 00 00".into(),
            ..Details::default()
        };
        apply(&mut r, id, Change::Facts(Box::new(details)), ago(29));
        apply(&mut r, id, Change::Status(Status::Assessing), ago(29));
        apply(
            &mut r,
            id,
            Change::Decision {
                question: Question::NotifyCnil,
                yes: true,
                reason: "Images de santé lisibles et accessibles à tous pendant des semaines."
                    .into(),
                recommended: true,
            },
            ago(29),
        );
        apply(
            &mut r,
            id,
            Change::Prepared(crate::breach::Prepared::CnilDraft),
            ago(29),
        );
        apply(
            &mut r,
            id,
            Change::Notified {
                kind: NotificationKind::Initial,
                at: ago(28),
                reference: "DEMO-2026-004217".into(),
                late_reasons: String::new(),
                filed_other_way: false,
            },
            ago(28),
        );
        apply(
            &mut r,
            id,
            Change::Note(
                "Journaux d'accès du serveur demandés au prestataire, pour le complément.".into(),
            ),
            ago(27),
        );
        apply(
            &mut r,
            id,
            Change::Decision {
                question: Question::InformPeople,
                yes: true,
                reason: "Images et identité de 1 800 patients, dont des mineurs, lisibles par tous pendant des semaines : risque élevé."
                    .into(),
                recommended: true,
            },
            ago(26),
        );
    }
    r
}

/// A fictional folder scan of the demo practice's PC: a few exports left on the Desktop and in a synced
/// folder, an imaging CD copied to Downloads, encrypted archives. Paths and flags only, as always.
fn demo_scan(now: jiff::Timestamp) -> crate::scan::record::ScanRecord {
    use crate::scan::{
        CloudService, DicomStorage, EncryptedFormat, Finding, Identifying, ImageFormat, Kind, Risk,
        Summary,
    };
    let user = r"C:\Users\Cabinet";
    let all = Identifying {
        name: true,
        id: true,
        birth_date: true,
    };
    let dicom = Kind::Dicom {
        storage: DicomStorage::Part10,
    };
    let f =
        |path: String, kind: Kind, who: Identifying, cloud: Option<CloudService>, risk: Risk| {
            Finding {
                path: path.into(),
                encrypted: matches!(kind, Kind::Encrypted { .. }),
                deidentified: false,
                header_unreadable: false,
                modality: matches!(kind, Kind::Dicom { .. })
                    .then(|| crate::scan::dicom::Modality::parse("US"))
                    .flatten(),
                study_date: matches!(kind, Kind::Dicom { .. })
                    .then(|| crate::scan::dicom::StudyDate::parse("20180314"))
                    .flatten(),
                kind,
                identifying: who,
                volume_encrypted: Some(false),
                cloud_sync: cloud,
                removable: false,
                risk,
                size: 524_288,
            }
        };
    let mut findings = Vec::new();
    for i in 1..=4 {
        findings.push(f(
            format!(r"{user}\Desktop\Echo export\IM{i:04}.dcm"),
            dicom.clone(),
            all,
            None,
            Risk::High,
        ));
    }
    findings.push(f(
        format!(r"{user}\Downloads\CD patient\DICOMDIR"),
        Kind::Dicomdir,
        all,
        None,
        Risk::High,
    ));
    findings.push(f(
        format!(r"{user}\OneDrive - Cabinet\Avis\examen.zip"),
        Kind::ZipDicom { dicom_entries: 12 },
        all,
        Some(CloudService::OneDrive),
        Risk::High,
    ));
    for name in ["coupe-1.jpg", "coupe-2.jpg"] {
        findings.push(f(
            format!(r"{user}\Pictures\Echo\{name}"),
            Kind::ImageExport {
                format: ImageFormat::Jpeg,
            },
            Identifying::default(),
            None,
            Risk::Medium,
        ));
    }
    findings.push(f(
        format!(r"{user}\Documents\Archives\2019.7z"),
        Kind::Encrypted {
            format: EncryptedFormat::SevenZipEncrypted,
        },
        Identifying::default(),
        None,
        Risk::None,
    ));
    let summary = Summary {
        files_seen: 48_213,
        dirs_seen: 3_120,
        errors: 0,
        elapsed_ms: 2_940,
        cancelled: false,
    };
    let roots = [
        format!(r"{user}\Documents"),
        format!(r"{user}\Desktop"),
        format!(r"{user}\Downloads"),
        format!(r"{user}\Pictures"),
        format!(r"{user}\OneDrive - Cabinet"),
    ]
    .map(std::path::PathBuf::from);
    crate::scan::record::ScanRecord::new(now, &roots, summary, findings, Vec::new())
}

/// Writes the demo practice to a new vault at `path`.
pub fn create_demo(
    path: &Path,
    passphrase: &NewPassphrase,
) -> Result<(PracticeFile, RecoveryCode), VaultError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| VaultError::io("creating", dir, e))?;
    }
    PracticeFile::create(path, passphrase, demo_contents())
}

/// The GUI's demo passphrase, as a policy-checked value.
pub fn demo_passphrase() -> NewPassphrase {
    // The unit test `demo_passphrase_meets_the_policy` proves this parse succeeds.
    #[expect(clippy::expect_used)]
    NewPassphrase::parse(DEMO_PASSPHRASE, DEMO_PASSPHRASE, &[])
        .expect("demo passphrase meets the policy")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_passphrase_meets_the_policy() {
        let _ = demo_passphrase();
    }

    #[test]
    fn demo_breaches_are_recorded() {
        let r = demo_breaches(jiff::Timestamp::now());
        assert_eq!(r.events.len(), 14, "every demo event was accepted");
        assert!(r.verify().is_ok());
        let b = r.breaches();
        assert_eq!(b[0].status, crate::breach::Status::Closed);
        assert_eq!(b[1].status, crate::breach::Status::CnilNotified);
        assert!(b[1].complement_pending());
    }

    #[test]
    fn demo_pc_checks_show_an_exposed_orthanc() {
        let r = demo_system(jiff::Timestamp::now());
        let last = r.last.as_ref().expect("recorded");
        assert_eq!(
            last.results.len(),
            crate::system::CATALOG.len(),
            "every check"
        );
        let probe = last
            .result(crate::system::CheckId::ImagingExposure)
            .expect("the knock");
        assert_eq!(probe.status, crate::system::Status::Fail);
        assert!(!r.proposals().is_empty(), "answers proposed");
    }

    #[test]
    fn demo_profile_is_valid() {
        let p = demo_profile();
        assert!(p.rpps.is_some() && p.email.is_some());
        assert_eq!(p.to_draft().validate().expect("valid"), p);
    }
}
