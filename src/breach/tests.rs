//! The register: the chain detects every kind of tampering, statuses move as the rules say, a late
//! notification needs its reasons, and nothing of the free text reaches a debug trace.

use super::*;
use jiff::SignedDuration;

const BY: &str = "Dr Martin";

fn t(text: &str) -> Timestamp {
    clock::parse_paris(text).expect("a valid time")
}

fn hours_after(at: Timestamp, h: i64) -> Timestamp {
    at.checked_add(SignedDuration::from_hours(h))
        .expect("in range")
}

/// A register with one breach (aware on 1 December 2026 at 09:00) and a few events.
fn register() -> (BreachRegister, BreachId, Timestamp) {
    let mut r = BreachRegister::default();
    let aware = t("01/12/2026 09:00");
    let id = r
        .open("Clé USB perdue", BY, hours_after(aware, 1))
        .expect("opened");
    let details = Details {
        discovered_at: Some(aware),
        aware_at: Some(aware),
        confidentiality: true,
        description: "Une clé USB avec des comptes rendus de Mme Dupont".into(),
        data_health: true,
        ..Details::default()
    };
    r.apply(
        id,
        Change::Facts(Box::new(details)),
        BY,
        hours_after(aware, 2),
    )
    .expect("facts");
    r.apply(
        id,
        Change::Status(Status::Assessing),
        BY,
        hours_after(aware, 3),
    )
    .expect("assessing");
    r.apply(
        id,
        Change::Note("Appel au prestataire".into()),
        BY,
        hours_after(aware, 4),
    )
    .expect("note");
    (r, id, aware)
}

#[test]
fn a_fresh_chain_verifies_and_its_head_is_the_last_event() {
    let (r, _, _) = register();
    let head = r.verify().expect("intact");
    assert_eq!(head.count, 4);
    assert_eq!(head.hash, r.events[3].hash);
    assert_eq!(head, r.head());
    // The bytes to sign: the domain, the count, the hash, as lines that can be typed from paper.
    let bytes = head.signing_bytes();
    assert_eq!(
        String::from_utf8(bytes).expect("text"),
        format!(
            "vigie/breach-register/head/v1\ncount: 4\nhash: {}\n",
            head.hash_hex()
        )
    );
    assert_eq!(
        BreachRegister::default().verify(),
        Ok(ChainHead {
            count: 0,
            hash: chain::GENESIS
        })
    );
}

#[test]
fn the_hash_is_domain_separated_sha256_over_the_documented_bytes() {
    let (r, _, _) = register();
    let e = &r.events[0];
    let body = e.body_bytes();
    let text = String::from_utf8(body.clone()).expect("JSON");
    assert!(
        text.starts_with(r#"{"seq":1,"breach":1,"at":"2026-12-01T09:00:00Z","by":"Dr Martin","change":{"Opened":{"title":"Clé USB perdue"}}"#),
        "{text}"
    );
    let mut input = chain::EVENT_DOMAIN.to_vec();
    input.extend_from_slice(&chain::GENESIS);
    input.extend_from_slice(&(body.len() as u64).to_be_bytes());
    input.extend_from_slice(&body);
    assert_eq!(hex::encode(e.hash), crate::digest::sha256_hex(&input));
}

#[test]
fn an_edited_event_is_named() {
    let (mut r, id, _) = register();
    if let Change::Note(text) = &mut r.events[3].change {
        *text = "Rien à signaler".into();
    }
    assert_eq!(r.verify(), Err(ChainBreak::Altered { seq: 4, breach: id }));
    // Edited, and its hash recomputed to hide it: the next event no longer follows.
    let (mut r, id, _) = register();
    r.events[1].by = "Quelqu'un d'autre".into();
    r.events[1].hash = r.events[1].compute_hash(&r.events[1].prev);
    assert_eq!(r.verify(), Err(ChainBreak::Unlinked { seq: 3, breach: id }));
}

#[test]
fn a_removed_event_is_found() {
    let (mut r, _, _) = register();
    r.events.remove(1);
    assert_eq!(
        r.verify(),
        Err(ChainBreak::Numbering {
            position: 2,
            found: 3
        })
    );
    // Removed and renumbered: the links give it away.
    let (mut r, id, _) = register();
    r.events.remove(1);
    for (i, e) in r.events.iter_mut().enumerate() {
        e.seq = i as u64 + 1;
        e.hash = e.compute_hash(&e.prev);
    }
    assert_eq!(r.verify(), Err(ChainBreak::Unlinked { seq: 2, breach: id }));
}

#[test]
fn reordered_events_are_found() {
    let (mut r, _, _) = register();
    r.events.swap(1, 2);
    assert_eq!(
        r.verify(),
        Err(ChainBreak::Numbering {
            position: 2,
            found: 3
        })
    );
    let (mut r, id, _) = register();
    r.events.swap(1, 2);
    r.events[1].seq = 2;
    r.events[2].seq = 3;
    for e in &mut r.events[1..3] {
        e.hash = e.compute_hash(&e.prev);
    }
    assert_eq!(r.verify(), Err(ChainBreak::Unlinked { seq: 2, breach: id }));
}

#[test]
fn an_inserted_event_is_found() {
    let (mut r, id, aware) = register();
    let forged = Event::new(
        3,
        id,
        hours_after(aware, 3),
        BY,
        Change::Note("ajouté après coup".into()),
        r.events[1].hash,
    );
    r.events.insert(2, forged);
    // The events after it keep their numbers: the list is numbered 1, 2, 3, 3, 4.
    assert_eq!(
        r.verify(),
        Err(ChainBreak::Numbering {
            position: 4,
            found: 3
        })
    );
    // Renumbered after the forged one: the next event's link still points to the old third.
    for (i, e) in r.events.iter_mut().enumerate().skip(3) {
        e.seq = i as u64 + 1;
        e.hash = e.compute_hash(&e.prev);
    }
    assert_eq!(r.verify(), Err(ChainBreak::Unlinked { seq: 4, breach: id }));
}

#[test]
fn an_attached_file_changed_in_the_vault_is_found() {
    let (mut r, id, aware) = register();
    r.attach(
        id,
        "accuse-cnil.pdf",
        Purpose::CnilAcknowledgement,
        b"%PDF-1.7 accuse".to_vec(),
        BY,
        hours_after(aware, 5),
    )
    .expect("attached");
    assert!(r.verify().is_ok());
    r.files[0].content = Arc::from(&b"%PDF-1.7 autre"[..]);
    assert_eq!(
        r.verify(),
        Err(ChainBreak::File {
            name: "accuse-cnil.pdf".into()
        })
    );
    assert_eq!(
        r.attach(id, "vide", Purpose::Evidence, Vec::new(), BY, aware),
        Err(BreachError::EmptyFile)
    );
}

#[test]
fn the_chain_survives_the_vault_round_trip() {
    let (r, _, _) = register();
    let ron = ron::to_string(&r).expect("ser");
    let back: BreachRegister = ron::from_str(&ron).expect("de");
    assert_eq!(back, r);
    assert!(back.verify().is_ok());
}

#[test]
fn statuses_move_as_the_rules_say() {
    let (mut r, id, aware) = register();
    let now = hours_after(aware, 10);
    let b = r.breach(id).expect("breach");
    assert_eq!(b.status, Status::Assessing);
    // Never "notified" or "informed" by hand; never closed before the decisions.
    for to in [
        Status::CnilNotified,
        Status::PeopleInformed,
        Status::Discovered,
    ] {
        assert_eq!(
            r.apply(id, Change::Status(to), BY, now),
            Err(BreachError::Transition {
                from: Status::Assessing,
                to
            })
        );
    }
    assert_eq!(
        r.apply(id, Change::Status(Status::Closed), BY, now),
        Err(BreachError::CloseWithoutDecision(Question::NotifyCnil))
    );
    let decide = |q, yes| Change::Decision {
        question: q,
        yes,
        reason: "données de santé lisibles".into(),
        recommended: true,
    };
    // A choice against the recommendation needs its reason, said as such.
    for (yes, error) in [
        (false, BreachError::AgainstAdviceWithoutReason),
        (true, BreachError::NoReason),
    ] {
        let silent = Change::Decision {
            question: Question::NotifyCnil,
            yes,
            reason: " ".into(),
            recommended: true,
        };
        assert_eq!(r.apply(id, silent, BY, now), Err(error));
    }
    r.apply(id, decide(Question::NotifyCnil, true), BY, now)
        .expect("decided");
    assert_eq!(
        r.apply(id, Change::Status(Status::Closed), BY, now),
        Err(BreachError::CloseBeforeNotification)
    );
    let initial = Change::Notified {
        kind: NotificationKind::Initial,
        at: hours_after(aware, 9),
        reference: "NOTIF-2026-0042".into(),
        late_reasons: String::new(),
        filed_other_way: false,
    };
    // Recorded only once the draft was prepared (or filed another way, confirmed).
    assert_eq!(
        r.apply(id, initial.clone(), BY, now),
        Err(BreachError::NotificationWithoutDraft)
    );
    r.apply(id, Change::Prepared(super::Prepared::CnilDraft), BY, now)
        .expect("draft prepared");
    assert!(
        r.breach(id)
            .expect("b")
            .prepared_at(super::Prepared::CnilDraft)
            .is_some()
    );
    r.apply(id, initial, BY, now).expect("notified");
    let b = r.breach(id).expect("breach");
    assert_eq!(b.status, Status::CnilNotified);
    assert_eq!(b.reference(), Some("NOTIF-2026-0042"));
    assert!(b.complement_pending());
    r.apply(id, decide(Question::InformPeople, true), BY, now)
        .expect("decided");
    assert_eq!(
        r.apply(id, Change::Status(Status::Closed), BY, now),
        Err(BreachError::CloseBeforeInformation)
    );
    let informed = |people| Change::PeopleInformed {
        at: now,
        channel: "courrier".into(),
        people,
    };
    assert_eq!(
        r.apply(id, informed(None), BY, now),
        Err(BreachError::NoInformedCount)
    );
    let about = super::Count::parse("environ 25").expect("reads");
    r.apply(id, informed(about.clone()), BY, now)
        .expect("informed");
    assert_eq!(
        r.breach(id).expect("b").informed.and_then(|i| i.people),
        about
    );
    assert_eq!(r.breach(id).expect("b").status, Status::PeopleInformed);
    r.apply(
        id,
        Change::Notified {
            kind: NotificationKind::Complementary,
            at: now,
            reference: "NOTIF-2026-0042".into(),
            late_reasons: String::new(),
            filed_other_way: false,
        },
        BY,
        now,
    )
    .expect("complement");
    // A later notification never moves the status back.
    let b = r.breach(id).expect("breach");
    assert_eq!(b.status, Status::PeopleInformed);
    assert!(!b.complement_pending());
    assert_eq!(b.next_statuses(), vec![Status::Closed]);
    r.apply(id, Change::Status(Status::Closed), BY, now)
        .expect("closed");
    // Reopened, then nothing but assessing from there.
    assert_eq!(
        r.breach(id).expect("b").next_statuses(),
        vec![Status::Assessing]
    );
    r.apply(id, Change::Status(Status::Assessing), BY, now)
        .expect("reopened");
    assert!(r.verify().is_ok());
    assert_eq!(
        r.apply(BreachId(9), Change::Note("x".into()), BY, now),
        Err(BreachError::NoSuchBreach(BreachId(9)))
    );
}

#[test]
fn a_late_notification_needs_its_reasons() {
    let (mut r, id, aware) = register();
    let before = r.events.len();
    let late = hours_after(aware, 73);
    let notify = |reasons: &str, at| Change::Notified {
        kind: NotificationKind::Complete,
        at,
        reference: "NOTIF-1".into(),
        late_reasons: reasons.into(),
        filed_other_way: true,
    };
    assert_eq!(
        r.apply(id, notify("  ", late), BY, late),
        Err(BreachError::LateWithoutReasons)
    );
    assert_eq!(r.events.len(), before, "nothing appended");
    // Exactly 72 hours is on time.
    let on_time = hours_after(aware, 72);
    assert!(!clock::is_late(aware, on_time));
    r.apply(id, notify("", on_time), BY, late).expect("on time");
    r.apply(
        id,
        notify(
            "Le prestataire n'a confirmé la fuite que le 4 au soir.",
            late,
        ),
        BY,
        late,
    )
    .expect("late with reasons");
    // No reference, a date before awareness or in the future: refused.
    assert_eq!(
        r.apply(
            id,
            Change::Notified {
                kind: NotificationKind::Complete,
                at: late,
                reference: " ".into(),
                late_reasons: "x".into(),
                filed_other_way: true,
            },
            BY,
            late
        ),
        Err(BreachError::NoReference)
    );
    assert_eq!(
        r.apply(id, notify("", hours_after(aware, -1)), BY, late),
        Err(BreachError::NotificationDate)
    );
    assert_eq!(
        r.apply(id, notify("x", hours_after(late, 1)), BY, late),
        Err(BreachError::NotificationDate)
    );
}

#[test]
fn a_complement_needs_an_initial_notification_and_times_must_follow() {
    let (mut r, id, aware) = register();
    let now = hours_after(aware, 5);
    assert_eq!(
        r.apply(
            id,
            Change::Notified {
                kind: NotificationKind::Complementary,
                at: now,
                reference: "N".into(),
                late_reasons: String::new(),
                filed_other_way: true,
            },
            BY,
            now
        ),
        Err(BreachError::ComplementWithoutInitial)
    );
    let backwards = Details {
        discovered_at: Some(now),
        aware_at: Some(aware),
        ..Details::default()
    };
    assert_eq!(
        r.apply(id, Change::Facts(Box::new(backwards)), BY, now),
        Err(BreachError::TimesOutOfOrder)
    );
    let future = Details {
        aware_at: Some(hours_after(now, 1)),
        ..Details::default()
    };
    assert_eq!(
        r.apply(id, Change::Facts(Box::new(future)), BY, now),
        Err(BreachError::TimesOutOfOrder)
    );
    assert_eq!(r.open("  ", BY, now), Err(BreachError::EmptyTitle));
    assert_eq!(
        r.open(&"x".repeat(MAX_TITLE_CHARS + 1), BY, now),
        Err(BreachError::TitleTooLong)
    );
}

#[test]
fn debug_traces_hold_no_free_text() {
    let (r, _, _) = register();
    let trace = format!("{r:?} {:?}", r.breaches());
    assert!(!trace.contains("Dupont"), "{trace}");
    assert!(!trace.contains("Appel au prestataire"), "{trace}");
}

#[test]
fn awareness_after_a_processors_alert_needs_its_reason() {
    let (mut r, id, _) = register();
    let alert = t("01/12/2026 08:00");
    let now = t("02/12/2026 10:00");
    let later = Details {
        processor_alert_at: Some(alert),
        discovered_at: Some(alert),
        aware_at: Some(hours_after(alert, 20)),
        ..Details::default()
    };
    // The practice is aware once its processor tells it (EDPB 9/2022): refused without a reason.
    assert_eq!(
        r.apply(id, Change::Facts(Box::new(later.clone())), BY, now),
        Err(BreachError::AwareAfterProcessorAlert)
    );
    let blank = Details {
        aware_after_alert_reason: "  ".into(),
        ..later.clone()
    };
    assert_eq!(
        r.apply(id, Change::Facts(Box::new(blank)), BY, now),
        Err(BreachError::AwareAfterProcessorAlert)
    );
    // With the reason: accepted, and kept.
    let explained = Details {
        aware_after_alert_reason:
            "L'alerte est arrivée sur une adresse du cabinet fermée le week-end.".into(),
        ..later.clone()
    };
    r.apply(id, Change::Facts(Box::new(explained)), BY, now)
        .expect("accepted with its reason");
    assert!(
        r.breach(id)
            .expect("breach")
            .details
            .aware_after_alert_reason
            .starts_with("L'alerte")
    );
    // Aware at the alert, or before: no reason needed.
    for aware in [alert, hours_after(alert, -1)] {
        let d = Details {
            discovered_at: None,
            aware_at: Some(aware),
            ..later.clone()
        };
        assert_eq!(d.check_times(now), Ok(()));
    }
}

/// The fields added after the register existed (the exposure, the reason for a late awareness) are
/// left out of an event's bytes while they hold their default: an event recorded before them hashes
/// the same, so existing registers still verify.
#[test]
fn fields_added_later_leave_old_events_hashes_unchanged() {
    let body = serde_json::to_string(&Change::Facts(Box::default())).expect("json");
    assert!(!body.contains("exposure"), "{body}");
    assert!(!body.contains("aware_after_alert_reason"), "{body}");
    // An event of the first format, its bytes as they were written then, still verifies.
    let old = r#"{"Facts":{"started_at":null,"ended_at":null,"ongoing":false,"discovered_at":null,"processor_alert_at":null,"aware_at":null,"how_discovered":"","told_by_cnil":false,"confidentiality":true,"integrity":false,"availability":false,"cause":"Misconfiguration","description":"","copied_out":"Unknown","encrypted":"No","key_compromised":"Unknown","backup":"Unknown","unavailable_hours":null,"data_identity":false,"data_contact":false,"data_nir":false,"data_health":true,"data_images":false,"data_financial":false,"data_other":"","records":null,"people":null,"people_patients":false,"people_staff":false,"minors":"Unknown","vulnerable":"Unknown","measures_before":"","consequences":"","severity":"Unknown","measures_after":"","risk_removed":false,"people_unreachable":false,"processors":"","other_authorities":""}}"#;
    let change: Change = serde_json::from_str(old).expect("decodes");
    assert_eq!(serde_json::to_string(&change).expect("json"), old);
    // Set, they are part of it.
    let d = Details {
        exposure: Exposure::RunningSystem,
        ..Details::default()
    };
    let body = serde_json::to_string(&Change::Facts(Box::new(d))).expect("json");
    assert!(body.contains(r#""exposure":"RunningSystem""#), "{body}");
}

#[test]
fn the_letter_s_texts_are_kept_each_change_an_event_and_an_empty_one_is_refused() {
    let (mut r, id, aware) = register();
    let now = hours_after(aware, 2);
    let before = r.events.len();
    assert_eq!(
        r.apply(id, Change::Letter(Box::default()), BY, now),
        Err(BreachError::EmptyLetter)
    );
    assert_eq!(r.events.len(), before);
    let mut text = super::LetterText {
        what_happened: "Une clé USB a été perdue.".into(),
        phone: "04 00 00 00 00".into(),
        ..super::LetterText::default()
    };
    r.apply(id, Change::Letter(Box::new(text.clone())), BY, now)
        .expect("saved");
    text.what_we_did = "Nous avons changé les mots de passe.".into();
    r.apply(id, Change::Letter(Box::new(text.clone())), BY, now)
        .expect("edited");
    assert_eq!(r.breach(id).expect("b").letter, Some(text));
    assert_eq!(r.events.len(), before + 2, "each change an event");
    assert!(r.verify().is_ok());
}

#[test]
fn a_breach_from_an_exposed_imaging_server_is_the_2020_case_and_its_clock_runs() {
    let now = t("01/12/2026 09:00");
    let d = Details::exposed_imaging_server(now, "Vérifications du PC".into());
    assert!(d.confidentiality && d.data_images && d.data_health);
    assert_eq!(d.cause, super::Cause::Misconfiguration);
    assert_eq!(d.assessed_exposure(), super::Exposure::RunningSystem);
    assert_eq!(d.aware_at, Some(now));
    let advice = super::decision::advise(&d);
    assert!(advice.notify() && advice.inform(), "{advice:?}");
    let mut r = BreachRegister::default();
    let id = r.open("Serveur d'images ouvert", BY, now).expect("opened");
    assert!(!r.clock_running(), "no awareness yet");
    r.apply(id, Change::Facts(Box::new(d)), BY, now)
        .expect("facts");
    assert!(r.clock_running());
    r.apply(
        id,
        Change::Decision {
            question: Question::NotifyCnil,
            yes: false,
            reason: "La CNIL nous l'a signalé.".into(),
            recommended: true,
        },
        BY,
        now,
    )
    .expect("decided");
    assert!(!r.clock_running(), "decided not to notify");
}
