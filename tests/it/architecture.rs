//! Architecture rules that a test can check.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Nothing outside `src/ui/` imports egui or eframe: the domain does not know the GUI.
#[test]
fn the_domain_does_not_know_the_gui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let offenders: Vec<_> = files
        .iter()
        .filter(|f| !f.starts_with(src.join("ui")))
        .filter(|f| {
            let text = std::fs::read_to_string(f).expect("read");
            text.lines().any(|l| {
                let l = l.trim_start();
                !l.starts_with("//")
                    && (l.contains("egui::")
                        || l.contains("eframe::")
                        || l.contains("use egui")
                        || l.contains("use eframe"))
            })
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "egui/eframe used outside src/ui: {offenders:?}"
    );
}
