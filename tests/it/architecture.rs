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

/// The top-level modules of the crate and what each may import from the crate (`crate::X`), lowest
/// layer first. A module may always use its own submodules. An entry `"m::Item"` allows only that item
/// of `m`. A module missing from the table fails the test: a new module says where it stands.
const LAYERS: &[(&str, &[&str])] = &[
    // Leaves: nothing from the crate.
    ("io_guard", &[]),
    ("fs", &["io_guard"]),
    ("locale", &[]),
    ("paths", &[]),
    ("practice", &[]),
    ("base64_field", &[]),
    // Storage: bytes only; never the texts, never what it stores.
    ("vault", &["fs", "io_guard"]),
    // The domain engines: nothing of storage, texts, documents or the shells above.
    ("scan", &["locale", "io_guard", "system"]),
    ("checklist", &["practice", "locale", "base64_field"]),
    ("settings", &["fs", "locale"]),
    // Encrypted archives: an engine; it writes through the atomic-file helpers.
    ("archive", &["fs", "io_guard"]),
    // PC checks: an engine (reads the system, knocks only on request).
    ("system", &["locale"]),
    // Breach register: an engine, like the checklist.
    ("breach", &["locale", "base64_field"]),
    // The practice's file: the vault holding the engines' records.
    (
        "practice_file",
        &[
            // PC checks
            "system",
            "vault",
            "checklist",
            "practice",
            "scan",
            "fs",
            "locale",
            "assessment",
            "breach",
            "archive",
        ],
    ),
    // The signed self-assessment: the records it freezes, the vault container of a consultant's key.
    (
        "assessment",
        &[
            "base64_field",
            "checklist",
            "practice",
            "scan",
            "vault",
            "locale",
            "paths",
            "io_guard",
        ],
    ),
    ("output", &["fs", "vault"]),
    // Texts and presentation above the domain.
    (
        "i18n",
        &[
            // PC checks
            "system",
            "assessment",
            "locale",
            "fs",
            "vault",
            "checklist",
            "practice",
            "scan",
            "practice_file",
            "output",
            "settings",
            // Breach register
            "breach",
            "archive",
        ],
    ),
    (
        "present",
        &[
            // PC checks
            "system",
            "assessment",
            "locale",
            "i18n",
            "scan",
            "checklist",
            "practice",
            "practice_file",
            // Checklist v2: a scan report attached as evidence is known by its file name.
            "paths",
            // Breach register
            "breach",
            // The evidence file recorded with an archive.
            "archive",
        ],
    ),
    (
        "report",
        &[
            "io_guard",
            "assessment",
            "locale",
            "i18n",
            "present",
            "fs",
            "vault",
            "checklist",
            "practice",
            "scan",
            "practice_file",
            "paths",
            // Breach register
            "breach",
        ],
    ),
    (
        "demo",
        &[
            // PC checks
            "system",
            "assessment",
            "locale",
            "i18n",
            "vault",
            "checklist",
            "practice",
            "scan",
            "practice_file",
            // Breach register
            "breach",
        ],
    ),
    // The shells on top: the command line never imports the window.
    (
        "cli",
        &[
            // PC checks
            "system",
            "assessment",
            "locale",
            "i18n",
            "present",
            "report",
            "fs",
            "vault",
            "checklist",
            "practice",
            "scan",
            "practice_file",
            "output",
            "paths",
            "settings",
            "demo",
            // Breach register
            "breach",
            "archive",
        ],
    ),
    (
        "ui",
        &[
            // PC checks
            "system",
            "assessment",
            "locale",
            "io_guard",
            "i18n",
            "present",
            "report",
            "fs",
            "vault",
            "checklist",
            "practice",
            "scan",
            "practice_file",
            "output",
            "paths",
            "settings",
            "demo",
            // Breach register
            "breach",
            "archive",
        ],
    ),
];

/// The crate paths a line of code names: `crate::a::b` gives `a::b`; `crate::a::{b, c::d}` gives
/// `a::b` and `a::c::d`; `crate::{a, b}` gives `a` and `b`.
fn crate_paths(line: &str) -> Vec<String> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue; // `some_crate::`, not `crate::`
        }
        let end = rest.find(|c: char| !ident(c)).unwrap_or(rest.len());
        let path = rest[..end].trim_end_matches(':').to_owned();
        if rest[end..].starts_with('{') {
            let group = &rest[end + 1..rest[end..].find('}').map_or(rest.len(), |j| end + j)];
            for item in group.split(',') {
                let item = item.trim();
                let item = item.split(|c: char| !ident(c)).next().unwrap_or("");
                if !item.is_empty() && item != "self" {
                    out.push(if path.is_empty() {
                        item.to_owned()
                    } else {
                        format!("{path}::{item}")
                    });
                } else if item == "self" && !path.is_empty() {
                    out.push(path.clone());
                }
            }
        } else if !path.is_empty() {
            out.push(path);
        }
    }
    out
}

/// The code of a line: nothing of a comment (`//`, `///`, `//!`), and nothing after `//` (rough, but
/// crate paths never sit in string literals with `//` before them in this code).
fn code_of(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// Each top-level module imports only the layers below it (the table above); the engines know nothing of
/// the vault, the texts or the shells; the vault knows nothing of what it stores.
#[test]
fn each_module_imports_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut offenders = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("under src");
        let first = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default();
        let module = first.trim_end_matches(".rs");
        if matches!(module, "lib" | "main" | "bin") {
            continue; // the crate map, and the binaries (which use `vigie::`, not `crate::`)
        }
        let Some((_, allowed)) = LAYERS.iter().find(|(m, _)| *m == module) else {
            offenders.push(format!(
                "{}: module `{module}` is not in LAYERS",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read");
        for (n, line) in text.lines().enumerate() {
            for path in crate_paths(code_of(line)) {
                let top = path.split("::").next().unwrap_or_default();
                let ok = top == module
                    || allowed
                        .iter()
                        .any(|a| path == *a || path.starts_with(&format!("{a}::")) || *a == top);
                if !ok {
                    offenders.push(format!(
                        "{}:{}: `{module}` imports `crate::{path}`",
                        rel.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "imports against the layers (tests/it/architecture.rs, LAYERS):\n{}",
        offenders.join("\n")
    );
}

/// The window's crates (egui, eframe, egui_extras, the file dialogs of rfd) are used only in `src/ui/`.
#[test]
fn window_crates_are_used_only_in_the_ui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut offenders = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(src.join("ui"))) {
        let text = std::fs::read_to_string(file).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            for name in ["egui", "eframe", "egui_extras", "rfd"] {
                let used = code
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                    .any(|w| {
                        w.starts_with(&format!("{name}::"))
                            || w == name && code.contains(&format!("use {name}"))
                    });
                if used {
                    offenders.push(format!(
                        "{}:{}: {name}",
                        file.strip_prefix(&src).expect("under src").display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "window crates outside src/ui:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn crate_paths_are_read_from_every_form_of_use() {
    assert_eq!(crate_paths("use crate::fs::FsError;"), ["fs::FsError"]);
    assert_eq!(
        crate_paths("use crate::vault::{self, Unlock, lock::Holder};"),
        ["vault", "vault::Unlock", "vault::lock::Holder"]
    );
    assert_eq!(crate_paths("use crate::{fs, vault};"), ["fs", "vault"]);
    assert_eq!(
        crate_paths("x: crate::i18n::Lang, y: my_crate::a"),
        ["i18n::Lang"]
    );
    assert!(crate_paths(code_of("/// see [`crate::ui`]")).is_empty());
}

/// The code lines of a file (comments left out).
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    std::fs::read_to_string(path)
        .expect("read")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_owned()))
        .collect()
}

/// Inside the window's code: screens get a `ViewContext`, never the app (no screen names `VigieApp` or
/// imports `ui::app`); the state types live in `ui/state.rs`; the platform code depends on no screen.
#[test]
fn screens_never_hold_the_app_and_the_platform_code_knows_no_screen() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut screens = Vec::new();
    rust_files(&ui.join("screens"), &mut screens);
    rust_files(&ui.join("widgets"), &mut screens);
    let mut offenders = Vec::new();
    for file in &screens {
        for (n, line) in code_lines(file) {
            if line.contains("VigieApp") || line.contains("ui::app") || line.contains("super::app")
            {
                offenders.push(format!("{}:{n}: {}", file.display(), line.trim()));
            }
        }
    }
    for (n, line) in code_lines(&ui.join("platform.rs")) {
        if line.contains("screens") {
            offenders.push(format!("platform.rs:{n}: {}", line.trim()));
        }
    }
    for (n, line) in code_lines(&ui.join("state.rs")) {
        if line.contains("VigieApp") || line.contains("egui::") {
            offenders.push(format!("state.rs:{n}: {}", line.trim()));
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
    // And the state types are declared there, not in the app.
    let state = std::fs::read_to_string(ui.join("state.rs")).expect("state.rs");
    for ty in [
        "enum Screen",
        "enum Page",
        "struct Session",
        "struct SaveState",
        "enum Notice",
    ] {
        assert!(state.contains(&format!("pub {ty}")), "{ty} in ui/state.rs");
    }
}
