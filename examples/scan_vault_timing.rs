//! Times what a large scan costs the vault: serialising 100,000 findings for a save, and reading them back.
//! `cargo run --release --example scan_vault_timing`
#![expect(
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a timing run by hand: it prints its figures and stops at the first failure"
)]

use std::time::Instant;

fn main() {
    let template = vigie::scan::Finding {
        path: "/x".into(),
        kind: vigie::scan::Kind::Dicom {
            storage: vigie::scan::DicomStorage::Part10,
        },
        identifying: vigie::scan::Identifying::default(),
        deidentified: false,
        header_unreadable: false,
        modality: vigie::scan::dicom::Modality::parse("CT"),
        study_date: vigie::scan::dicom::StudyDate::parse("20200101"),
        encrypted: false,
        volume_encrypted: Some(false),
        cloud_sync: None,
        removable: false,
        risk: vigie::scan::Risk::High,
        size: 1000,
    };
    let findings: Vec<_> = (0..100_000)
        .map(|i| vigie::scan::Finding {
            path: format!("/pc/Bureau/d{}/IM{i:06}.dcm", i % 100).into(),
            ..template.clone()
        })
        .collect();
    let mut history = vigie::scan::record::ScanHistory::default();
    history.push(vigie::scan::record::ScanRecord::new(
        jiff::Timestamp::now(),
        &[],
        vigie::scan::Summary::default(),
        findings,
        Vec::new(),
    ));
    let t = Instant::now();
    let text = ron::to_string(&history).expect("ser");
    println!("ron::to_string: {:?}, {} bytes", t.elapsed(), text.len());
    let t = Instant::now();
    let back: vigie::scan::record::ScanHistory = ron::from_str(&text).expect("de");
    println!("ron::from_str: {:?}", t.elapsed());
    assert_eq!(back, history, "the findings read back are the ones written");
}
