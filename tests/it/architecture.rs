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
    ("digest", &[]),
    // Storage: bytes only; never the texts, never what it stores.
    ("vault", &["fs", "io_guard"]),
    // The domain engines: nothing of storage, texts, documents or the shells above.
    ("scan", &["locale", "io_guard", "system", "fs"]),
    (
        "checklist",
        &["practice", "locale", "base64_field", "digest"],
    ),
    ("settings", &["fs", "locale"]),
    // Encrypted archives: an engine; it writes through the atomic-file helpers.
    ("archive", &["fs", "io_guard", "digest"]),
    // PC checks: an engine (reads the system, knocks only on request).
    ("system", &["locale", "fs"]),
    // The inspection binder's documents (register, DPIA statement, notice): an engine over the profile
    // and the checklist's answers.
    // Its processors keep their contracts as evidence is kept (hashed, base64 in the records).
    (
        "binder",
        &["practice", "checklist", "locale", "digest", "base64_field"],
    ),
    // Reminders where dates matter: computed from the practice's file, no words (present/ says them).
    (
        "reminders",
        &[
            "practice_file",
            "binder",
            "breach",
            "checklist",
            "locale",
            "practice",
        ],
    ),
    // Breach register: an engine, like the checklist.
    ("breach", &["locale", "base64_field", "digest"]),
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
            "binder",
            // A processor's contract, hashed where it was read.
            "digest",
        ],
    ),
    // The signed self-assessment: the records it freezes, the vault container of a consultant's key.
    (
        "assessment",
        &[
            "base64_field",
            "digest",
            "checklist",
            "practice",
            "scan",
            "vault",
            "locale",
            "paths",
            "io_guard",
            // The bounded, non-blocking reads of the files it is given.
            "fs",
            // Version 3 freezes the record of processing activities.
            "binder",
        ],
    ),
    ("output", &["fs", "vault"]),
    // The fuzz targets: the readers of outside bytes, called as the scanner and the verifiers call them.
    (
        "fuzzing",
        &[
            "vault",
            "practice_file",
            "scan",
            "checklist",
            "assessment",
            "archive",
            "breach",
            "system",
        ],
    ),
    // The diagnostic log: knows the errors it sorts into categories; the shells above call it.
    ("diag", &["archive", "fs", "output", "vault"]),
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
            // The processors' errors.
            "binder",
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
            // The reminders in words and as an iCalendar file.
            "reminders",
            "binder",
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
            // SHA256SUMS of exported sets.
            "digest",
            "binder",
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
            // The demo's processors (their certificates and contracts' clauses).
            "binder",
            "digest",
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
            "diag",
            "digest",
            "breach",
            "archive",
            // The reminders' .ics file.
            "reminders",
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
            "diag",
            "digest",
            "breach",
            "archive",
            "binder",
            // The reminders on the dashboard and their .ics file.
            "reminders",
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

/// Inside the window's code: the views get a `ViewContext`, never the app (no view names `VigieApp` or
/// imports `ui::app`); the state types live in `ui/state.rs`, the screen in `ui/screen.rs`, the page in
/// `ui/page.rs`; the platform code depends on no feature.
#[test]
fn views_never_hold_the_app_and_the_platform_code_knows_no_feature() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let views: Vec<_> = files
        .iter()
        .filter(|f| {
            let rel = f.strip_prefix(&ui).expect("under ui");
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy());
            // The application and the features' handlers act on the app; everything else draws.
            !rel.ends_with("handlers.rs")
                && first.as_deref() != Some("app")
                && rel != Path::new("mod.rs")
        })
        .collect();
    assert!(views.len() > 20, "the views are found: {views:?}");
    let mut offenders = Vec::new();
    for file in &views {
        for (n, line) in code_lines(file) {
            if line.contains("VigieApp") || line.contains("ui::app") || line.contains("super::app")
            {
                offenders.push(format!("{}:{n}: {}", file.display(), line.trim()));
            }
        }
    }
    for (n, line) in code_lines(&ui.join("platform.rs")) {
        if line.contains("crate::ui::") || line.contains("super::") && !line.contains("super::*") {
            offenders.push(format!("platform.rs:{n}: {}", line.trim()));
        }
    }
    for (n, line) in code_lines(&ui.join("state.rs")) {
        if line.contains("VigieApp") || line.contains("egui::") {
            offenders.push(format!("state.rs:{n}: {}", line.trim()));
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
    for (file, ty) in [
        ("state.rs", "struct Session"),
        ("state.rs", "struct SaveState"),
        ("state.rs", "enum Notice"),
        ("screen.rs", "enum Screen"),
        ("page.rs", "struct Page"),
        ("page.rs", "trait PageView"),
    ] {
        let text = std::fs::read_to_string(ui.join(file)).expect("read");
        assert!(text.contains(&format!("pub {ty}")), "{ty} in ui/{file}");
    }
}

/// The modules of a folder of Rust files, each with the modules its code names: a file is a module
/// (`a/b.rs` is `a::b`, `a/mod.rs` is `a`). A module is named by a path from `crate::<root>::`,
/// `super::`, `self::` or a child's name in a `use`, and by a name such a `use` brought in; the
/// deepest module of the path is the one named (`super::view::Thing` names `view`). `mod x;` declares,
/// it does not depend; a module naming its own ancestors is not a dependency either (a folder and its
/// files are one unit), a folder naming its files is.
fn module_graph(
    root: &Path,
    crate_prefix: &str,
) -> std::collections::BTreeMap<Vec<String>, std::collections::BTreeSet<Vec<String>>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let module_of = |f: &Path| -> Vec<String> {
        let rel = f.strip_prefix(root).expect("under root");
        let mut parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let last = parts.pop().unwrap_or_default();
        if last != "mod.rs" {
            parts.push(last.trim_end_matches(".rs").to_owned());
        }
        parts
    };
    let modules: std::collections::BTreeSet<Vec<String>> =
        files.iter().map(|f| module_of(f)).collect();
    // The deepest module a path names.
    let deepest = |path: &[String]| -> Option<Vec<String>> {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| modules.contains(p))
    };
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut graph = std::collections::BTreeMap::new();
    for file in &files {
        let me = module_of(file);
        let parent = |m: &[String]| m[..m.len().saturating_sub(1)].to_vec();
        let mut aliases: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        let mut edges = std::collections::BTreeSet::new();
        // The code as statements: a `use` wrapped over several lines is one.
        let joined: String = code_lines(file)
            .into_iter()
            .map(|(_, l)| code_of(&l).to_owned())
            .collect::<Vec<_>>()
            .join(" ");
        let code: Vec<String> = joined.split(';').map(str::to_owned).collect();
        // Each path of the code, with the groups of a `use` spread out, as segments.
        let mut paths: Vec<(Vec<String>, Option<String>, bool)> = Vec::new();
        for line in &code {
            let trimmed = line.trim_start();
            let is_use = trimmed.starts_with("use ")
                || trimmed.starts_with("pub use ")
                || trimmed.starts_with("pub(crate) use ");
            let mut rest = line.as_str();
            while let Some(start) = rest.find(|c: char| ident(c)) {
                let before = rest[..start].chars().next_back();
                let tail = &rest[start..];
                let end = tail
                    .find(|c: char| !(ident(c) || c == ':'))
                    .unwrap_or(tail.len());
                let token = tail[..end].trim_end_matches(':');
                let after = &tail[end..];
                rest = &tail[end..];
                if before == Some(':') || !token.contains("::") && !after.starts_with('{') {
                    continue;
                }
                let base: Vec<String> = token
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                if after.starts_with('{') {
                    let close = after.find('}').unwrap_or(after.len());
                    for item in after[1..close].split(',') {
                        let words: Vec<&str> = item.split_whitespace().collect();
                        let Some(first) = words.first() else { continue };
                        let alias =
                            (words.len() == 3 && words[1] == "as").then(|| words[2].to_owned());
                        let mut path = base.clone();
                        if *first != "self" {
                            path.extend(first.split("::").map(str::to_owned));
                        }
                        paths.push((path, alias, is_use));
                    }
                    rest = &after[close.min(after.len())..];
                } else {
                    let alias = after
                        .trim_start()
                        .strip_prefix("as ")
                        .map(|a| a.trim_end_matches(';').trim().to_owned());
                    paths.push((base, alias, is_use));
                }
            }
        }
        for (path, alias, is_use) in paths {
            let resolved: Option<Vec<String>> = {
                let mut segs = path.as_slice();
                let mut at: Option<Vec<String>> = None;
                if segs.len() >= 2 && segs[0] == "crate" && segs[1] == crate_prefix {
                    at = Some(Vec::new());
                    segs = &segs[2..];
                } else if segs.first().is_some_and(|s| s == "super" || s == "self") {
                    // `self` is the module; each `super` its parent (the parent of `a/b.rs`, module
                    // `a::b`, is `a`; of `a/mod.rs`, module `a`, the root).
                    let mut m = me.clone();
                    while let Some(first) = segs.first() {
                        match first.as_str() {
                            "self" => {}
                            "super" => m = parent(&m),
                            _ => break,
                        }
                        segs = &segs[1..];
                    }
                    at = Some(m);
                } else if let Some(first) = segs.first() {
                    if let Some(target) = aliases.get(first) {
                        at = Some(target.clone());
                        segs = &segs[1..];
                    } else if is_use {
                        let mut child = me.clone();
                        child.push(first.clone());
                        if modules.contains(&child) {
                            at = Some(me.clone());
                        }
                    }
                }
                at.map(|mut m| {
                    m.extend(segs.iter().cloned());
                    m
                })
            };
            let Some(full) = resolved else { continue };
            let Some(target) = deepest(&full) else {
                continue;
            };
            if is_use && let Some(last) = full.last() {
                let name = alias.clone().unwrap_or_else(|| last.clone());
                if modules.contains(&full) {
                    aliases.insert(name, full.clone());
                }
            }
            // A module may name its own ancestors (a feature's files name their folder's items, the
            // app's files the app they add methods to): they are one unit, declared by the `mod`
            // lines. Every other module named is a dependency.
            if !me.starts_with(&target) {
                edges.insert(target);
            }
        }
        graph.insert(me, edges);
    }
    graph
}

/// A cycle of the graph, if there is one, as the modules along it.
fn find_cycle(
    graph: &std::collections::BTreeMap<Vec<String>, std::collections::BTreeSet<Vec<String>>>,
) -> Option<Vec<String>> {
    fn visit(
        node: &Vec<String>,
        graph: &std::collections::BTreeMap<Vec<String>, std::collections::BTreeSet<Vec<String>>>,
        state: &mut std::collections::BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let from = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle: Vec<String> = stack[from..].iter().map(|m| m.join("::")).collect();
                cycle.push(node.join("::"));
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(node.clone(), 2);
        None
    }
    let mut state = std::collections::BTreeMap::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

/// No module of the window imports one that imports it back, directly or through others: a feature's
/// folder can be read, changed or removed on its own (ARCHITECTURE.md, "The window").
#[test]
fn no_module_of_the_window_imports_one_that_imports_it_back() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let graph = module_graph(&ui, "ui");
    assert!(
        graph.len() > 40,
        "the window's modules are found: {}",
        graph.len()
    );
    // The reading finds the edges that matter (so that a loop cannot hide from it).
    let edges = |m: &str| -> Vec<String> {
        let key: Vec<String> = if m.is_empty() {
            Vec::new()
        } else {
            m.split("::").map(str::to_owned).collect()
        };
        graph
            .get(&key)
            .into_iter()
            .flatten()
            .map(|e| e.join("::"))
            .collect()
    };
    assert!(
        edges("pages").contains(&"scan::view".to_owned()),
        "{:?}",
        edges("pages")
    );
    assert!(
        edges("app").contains(&"jobs".to_owned()),
        "{:?}",
        edges("app")
    );
    assert!(
        edges("signed::verify").contains(&"signed::view".to_owned()),
        "{:?}",
        edges("signed::verify")
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("a loop of imports in src/ui: {}", cycle.join(" → "));
    }
}

/// The loop finder finds a loop when there is one: two modules naming each other, by `super::` and by
/// a name a `use` brought in, and a longer loop through a re-export of a `mod.rs`.
#[test]
fn the_loop_finder_finds_a_loop() {
    let dir = tempfile::tempdir().expect("temp");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("mod.rs", "pub mod a;\npub mod b;\npub mod c;\n");
    write("a.rs", "use super::b::Thing;\n");
    write("b.rs", "pub struct Thing;\n");
    write("c/mod.rs", "mod inner;\npub use inner::Other;\n");
    write("c/inner.rs", "pub struct Other;\n");
    let graph = module_graph(dir.path(), "ui");
    assert_eq!(find_cycle(&graph), None, "{graph:?}");
    // b names a back, through a name a `use` brought in.
    write(
        "b.rs",
        "use super::a;\npub struct Thing;\nfn f() { a::g(); }\n",
    );
    let graph = module_graph(dir.path(), "ui");
    assert!(find_cycle(&graph).is_some(), "{graph:?}");
    write("b.rs", "pub struct Thing;\n");
    // A file naming its own folder's items is no loop.
    write(
        "c/inner.rs",
        "pub struct Other;\nfn f(_: super::Other) {}\n",
    );
    let graph = module_graph(dir.path(), "ui");
    assert_eq!(find_cycle(&graph), None, "{graph:?}");
    // A longer loop, through a folder's re-export: a → c → c::inner → a.
    write("a.rs", "fn f(_: crate::ui::c::Other) {}\n");
    write(
        "c/inner.rs",
        "pub struct Other;\nfn g() { super::super::a::h(); }\n",
    );
    let graph = module_graph(dir.path(), "ui");
    let cycle = find_cycle(&graph).expect("a loop");
    assert!(cycle.contains(&"c::inner".to_owned()), "{cycle:?}");
}

/// The files of `src/report/` import one another in one direction only: the assessment report draws
/// the signature block (`signature.rs`), the signed report's set draws the document (`signed.rs` →
/// `document.rs`), never back.
#[test]
fn the_report_modules_import_one_another_without_a_loop() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report");
    let graph = module_graph(&dir, "report");
    let names = |m: &str| -> Vec<String> {
        graph
            .get(&vec![m.to_owned()])
            .into_iter()
            .flatten()
            .map(|e| e.join("::"))
            .collect()
    };
    // The reading itself: the known imports are seen.
    assert!(
        names("breach").contains(&"assessment".to_owned()),
        "{graph:?}"
    );
    assert!(
        names("document").contains(&"assessment".to_owned()),
        "{graph:?}"
    );
    assert!(
        names("signed").contains(&"document".to_owned()),
        "{graph:?}"
    );
    assert_eq!(find_cycle(&graph), None, "{graph:?}");
}
