//! Vigie's own file and folder dialog, shown when the system's cannot be: a Linux desktop without a
//! file-dialog portal (nor `zenity`) gives `rfd` nothing to show, and its `None` looks exactly like a
//! cancel, so every "Enregistrer…", "Ajouter un dossier…" or "Joindre un fichier…" did nothing.
//!
//! Written here rather than taken from `egui-file-dialog`: that crate is published for egui 0.36 only,
//! and this window is built on egui 0.37. It is kept small: a folder field, a few shortcuts, the list of
//! the folder's entries, a file name for saving, and a confirmation before replacing a file.
//!
//! The folder is read in a background job like all of Vigie's slow work (the dialog says which folder
//! it wants, [`FileDialog::take_wanted`]; the app reads it with [`read_folder`] and hands it back,
//! [`FileDialog::listed`]), never on the window's thread: a folder on a network share or a sleeping USB
//! stick can take seconds to answer, and the window must go on drawing meanwhile ("Lecture du
//! dossier…"). What to show and what a name means are plain functions
//! ([`visible_entries`], [`save_target`]), tested without a window.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::i18n::{Lang, T, tr};
use crate::ui::theme;

/// What the dialog chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogMode {
    /// An existing file.
    Open,
    /// Where to write a file (a folder and a name).
    Save,
    /// A folder.
    Folder,
}

/// An entry of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name in the folder.
    pub name: String,
    /// A folder (or a link to one).
    pub is_dir: bool,
}

/// How the dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// This path was chosen.
    Chosen(PathBuf),
    /// The user closed the dialog.
    Cancelled,
}

/// Why a name typed for saving cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing typed.
    Empty,
    /// A slash or a backslash, or "." / "..".
    NotAName,
    /// A folder has this name.
    IsFolder,
}

/// Where a save goes: the path, and whether a file is already there (to confirm before replacing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveTarget {
    /// The file to write.
    pub path: PathBuf,
    /// A file of that name is in the folder.
    pub exists: bool,
}

/// The path a typed name saves to in `dir`, given the folder's `entries`: the first of `extensions` is
/// added when the name has none of them.
pub fn save_target(
    dir: &Path,
    name: &str,
    extensions: &[String],
    entries: &[Entry],
) -> Result<SaveTarget, NameProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    if name.contains(['/', '\\']) || name == "." || name == ".." {
        return Err(NameProblem::NotAName);
    }
    let mut file = name.to_owned();
    if let Some(first) = extensions.first()
        && !has_extension(&file, extensions)
    {
        file.push('.');
        file.push_str(first);
    }
    let same = |e: &&Entry| {
        if cfg!(any(windows, target_os = "macos")) {
            e.name.to_lowercase() == file.to_lowercase()
        } else {
            e.name == file
        }
    };
    match entries.iter().find(same) {
        Some(e) if e.is_dir => Err(NameProblem::IsFolder),
        found => Ok(SaveTarget {
            path: dir.join(&file),
            exists: found.is_some(),
        }),
    }
}

fn has_extension(name: &str, extensions: &[String]) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The entries to list: folders first, then the files the mode and the extensions allow (every file
/// when a folder is chosen: they are shown greyed, so that a folder of images does not look empty),
/// each group in alphabetical order without regard to case; hidden entries (a name starting with a
/// dot) are left out.
pub fn visible_entries<'a>(
    entries: &'a [Entry],
    mode: DialogMode,
    extensions: &[String],
) -> Vec<&'a Entry> {
    let mut shown: Vec<&Entry> = entries
        .iter()
        .filter(|e| !e.name.starts_with('.'))
        .filter(|e| {
            e.is_dir
                || mode == DialogMode::Folder
                || extensions.is_empty()
                || has_extension(&e.name, extensions)
        })
        .collect();
    shown.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    shown
}

/// Reads a folder's entries (on the listing thread), or why not in the user's language.
pub fn list_dir(dir: &Path, lang: Lang) -> Result<Vec<Entry>, String> {
    let read = std::fs::read_dir(dir).map_err(|e| crate::i18n::io_error(lang, dir, &e))?;
    let mut entries = Vec::new();
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // A link is shown as what it points to.
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => entry.path().is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
        entries.push(Entry { name, is_dir });
    }
    Ok(entries)
}

/// The folder read (the one asked for, or its nearest existing parent when opening) and its entries.
pub type Listed = Result<(PathBuf, Vec<Entry>), String>;

/// A folder the dialog wants read, and whether its nearest existing parent will do: the app reads it in
/// a background job ([`read_folder`]) and hands the result back ([`FileDialog::listed`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    /// The folder.
    pub dir: PathBuf,
    /// Its nearest existing parent if it is gone (the folder a dialog opens on may be gone: a vault's
    /// folder on an unplugged stick).
    pub nearest: bool,
    /// A new folder to create first ("Nouveau dossier…").
    pub create: bool,
}

/// Reads the folder a dialog wants (in a background job: never on the window's thread).
pub fn read_folder(wanted: &Wanted, lang: Lang) -> Listed {
    if wanted.create {
        std::fs::create_dir(&wanted.dir)
            .map_err(|e| crate::i18n::io_error(lang, &wanted.dir, &e))?;
    }
    let mut target = wanted.dir.clone();
    if wanted.nearest {
        while !target.is_dir() {
            match target.parent() {
                Some(parent) => target = parent.to_path_buf(),
                None => break,
            }
        }
    }
    list_dir(&target, lang).map(|entries| (target, entries))
}

enum Listing {
    /// Waiting for the folder to be read; `Some` until the app has taken the request.
    Loading(Option<Wanted>),
    Ready(Vec<Entry>),
    Failed(String),
}

/// The dialog's state; the app keeps it while it is shown.
pub struct FileDialog {
    mode: DialogMode,
    title: String,
    extensions: Vec<String>,
    dir: PathBuf,
    dir_text: String,
    name: String,
    listing: Listing,
    /// The folder whose listing is shown (the last one read successfully).
    shown: Vec<Entry>,
    confirm_replace: Option<PathBuf>,
    problem: Option<String>,
    /// The name being typed for a new folder, while "Nouveau dossier…" is open.
    new_folder: Option<String>,
    lang: Lang,
}

impl std::fmt::Debug for FileDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDialog")
            .field("mode", &self.mode)
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl FileDialog {
    /// A dialog opened on `start` (a folder), with `file_name` suggested when saving; only files with one
    /// of `extensions` are listed (all files when empty). The folder is read at once, in the background.
    pub fn new(
        ctx: &egui::Context,
        lang: Lang,
        mode: DialogMode,
        extensions: &[&str],
        start: PathBuf,
        file_name: String,
    ) -> Self {
        let title = match mode {
            DialogMode::Open => T::FdOpenTitle,
            DialogMode::Save => T::FdSaveTitle,
            DialogMode::Folder => T::FdFolderTitle,
        };
        let mut dialog = Self {
            mode,
            title: title.get(lang).to_owned(),
            extensions: extensions.iter().map(|e| e.to_lowercase()).collect(),
            dir_text: start.display().to_string(),
            dir: start.clone(),
            name: file_name,
            listing: Listing::Ready(Vec::new()),
            shown: Vec::new(),
            confirm_replace: None,
            problem: None,
            new_folder: None,
            lang,
        };
        let _ = ctx;
        dialog.read(start, true);
        dialog
    }

    /// What the dialog chooses.
    pub fn mode(&self) -> DialogMode {
        self.mode
    }

    /// The folder shown.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Asks for `dir` to be read (in a background job); the window shows "Lecture du dossier…" until
    /// it is.
    pub fn open_dir(&mut self, ctx: &egui::Context, dir: PathBuf) {
        let _ = ctx;
        self.read(dir, false);
    }

    /// Asks for `dir` to be read, or with `nearest` its nearest existing parent.
    fn read(&mut self, dir: PathBuf, nearest: bool) {
        self.ask(dir, nearest, false);
    }

    /// Asks for `dir` to be read, after creating it with `create`.
    fn ask(&mut self, dir: PathBuf, nearest: bool, create: bool) {
        self.problem = None;
        self.confirm_replace = None;
        self.new_folder = None;
        self.dir_text = dir.display().to_string();
        self.listing = Listing::Loading(Some(Wanted {
            dir: dir.clone(),
            nearest,
            create,
        }));
        self.dir = dir;
    }

    /// The new folder's name typed, checked against the folder's entries: the folder to create, or
    /// the problem shown in place.
    fn new_folder_path(&self, name: &str) -> Result<PathBuf, T> {
        let name = name.trim();
        if name.is_empty() {
            return Err(T::FdNoFolderName);
        }
        if name.contains(['/', '\\']) || name == "." || name == ".." {
            return Err(T::FdNotAName);
        }
        if self
            .shown
            .iter()
            .any(|e| e.name.to_lowercase() == name.to_lowercase())
        {
            return Err(T::FdNameTaken);
        }
        Ok(self.dir.join(name))
    }

    /// The folder to read, once: the app reads it in a job and answers with [`FileDialog::listed`].
    pub fn take_wanted(&mut self) -> Option<Wanted> {
        match &mut self.listing {
            Listing::Loading(wanted) => wanted.take(),
            Listing::Ready(_) | Listing::Failed(_) => None,
        }
    }

    /// The folder read for `wanted`: shown if it is still the one waited for.
    pub fn listed(&mut self, wanted: &Wanted, listed: Listed) {
        if !matches!(self.listing, Listing::Loading(None)) || *wanted.dir != *self.dir {
            return;
        }
        match listed {
            Ok((dir, entries)) => {
                if dir != self.dir {
                    self.dir_text = dir.display().to_string();
                    self.dir = dir;
                }
                self.shown.clone_from(&entries);
                self.listing = Listing::Ready(entries);
            }
            Err(message) => self.listing = Listing::Failed(message),
        }
    }

    /// Reading the folder failed inside Vigie (its job stopped): said, the dialog stays usable.
    pub fn listing_failed(&mut self) {
        if matches!(self.listing, Listing::Loading(_)) {
            self.listing = Listing::Failed(T::FdListingFailed.get(self.lang).to_owned());
        }
    }

    /// Draws the dialog over the window; returns how it ended, once it has.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let mut outcome = None;
        let modal = egui::Modal::new(egui::Id::unique("vigie-file-dialog")).show(ctx, |ui| {
            let screen = ctx.content_rect();
            ui.set_width((screen.width() - 80.0).clamp(320.0, 720.0));
            let list_height = (screen.height() - 400.0).clamp(120.0, 420.0);
            outcome = self.contents(ui, list_height);
        });
        if outcome.is_none() && modal.should_close() && self.confirm_replace.is_none() {
            outcome = Some(Outcome::Cancelled);
        }
        outcome
    }

    fn contents(&mut self, ui: &mut Ui, list_height: f32) -> Option<Outcome> {
        let lang = self.lang;
        let ctx = ui.ctx().clone();
        ui.heading(&self.title);
        ui.label(RichText::new(T::FdWhy.get(lang)).weak());
        ui.add_space(6.0);
        // The folder: typed, or reached by the shortcuts.
        let label = ui.label(T::FdFolder.get(lang));
        let mut go = None;
        ui.horizontal(|ui| {
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.dir_text)
                        .desired_width(ui.available_width() - 90.0),
                )
                .labelled_by(label.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                go = Some(PathBuf::from(self.dir_text.trim()));
            }
            if ui.button(T::FdGo.get(lang)).clicked() {
                go = Some(PathBuf::from(self.dir_text.trim()));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(parent) = self.dir.parent()
                && ui.button(T::FdUp.get(lang)).clicked()
            {
                go = Some(parent.to_path_buf());
            }
            for (text, place) in shortcuts() {
                if ui.button(text.get(lang)).clicked() {
                    go = Some(place);
                }
            }
            if self.mode != DialogMode::Open
                && self.new_folder.is_none()
                && ui.button(T::FdNewFolder.get(lang)).clicked()
            {
                self.new_folder = Some(String::new());
            }
        });
        if let Some(dir) = go {
            self.open_dir(&ctx, dir);
        }
        // "Nouveau dossier…": a name, then the folder is created (in the listing's job) and opened.
        let (mut create, mut cancel) = (None, false);
        if let Some(name) = self.new_folder.as_mut() {
            let label = ui.label(T::FdNewFolderName.get(lang));
            ui.horizontal(|ui| {
                let field = ui
                    .add(egui::TextEdit::singleline(name).desired_width(260.0))
                    .labelled_by(label.id);
                if self.problem.is_none() && !field.has_focus() && name.is_empty() {
                    field.request_focus();
                }
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(T::FdCreateFolder.get(lang)).clicked() || enter {
                    create = Some(name.clone());
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    cancel = true;
                }
            });
        }
        if cancel {
            self.new_folder = None;
            self.problem = None;
        }
        if let Some(name) = create.filter(|_| !cancel) {
            match self.new_folder_path(&name) {
                Ok(dir) => self.ask(dir, false, true),
                Err(problem) => self.problem = Some(problem.get(lang).to_owned()),
            }
        }
        ui.add_space(4.0);
        let mut enter = None;
        let mut chosen = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_height(list_height);
            match &self.listing {
                Listing::Loading(_) => {
                    super::busy(ui, T::FdLoading.get(lang));
                }
                Listing::Failed(message) => {
                    super::field_error(ui, message);
                }
                Listing::Ready(entries) => {
                    let shown = visible_entries(entries, self.mode, &self.extensions);
                    if shown.is_empty() {
                        ui.label(RichText::new(T::FdEmpty.get(lang)).weak());
                    }
                    let row = ui.spacing().interact_size.y + 2.0;
                    egui::ScrollArea::vertical()
                        .id_salt(("fd-list", &self.dir))
                        .auto_shrink([false, false])
                        .show_rows(ui, row, shown.len(), |ui, range| {
                            for entry in &shown[range] {
                                // Choosing a folder: its files are there to see, greyed, not to pick.
                                if !entry.is_dir && self.mode == DialogMode::Folder {
                                    ui.add(
                                        egui::Label::new(RichText::new(&entry.name).weak())
                                            .selectable(false),
                                    );
                                    continue;
                                }
                                // A folder ends with a slash (the window's font has no folder icon).
                                let text = if entry.is_dir {
                                    format!("{}/", entry.name)
                                } else {
                                    entry.name.clone()
                                };
                                let selected = !entry.is_dir && self.name == entry.name;
                                let response = ui.selectable_label(selected, text);
                                if entry.is_dir && response.clicked() {
                                    enter = Some(self.dir.join(&entry.name));
                                } else if !entry.is_dir && response.double_clicked() {
                                    chosen = Some(entry.name.clone());
                                } else if !entry.is_dir && response.clicked() {
                                    self.name.clone_from(&entry.name);
                                    self.confirm_replace = None;
                                    self.problem = None;
                                }
                            }
                        });
                }
            }
        });
        if let Some(dir) = enter {
            self.open_dir(&ctx, dir);
            return None;
        }
        if !self.extensions.is_empty() && self.mode != DialogMode::Folder {
            let list = self
                .extensions
                .iter()
                .map(|e| format!("*.{e}"))
                .collect::<Vec<_>>()
                .join(", ");
            ui.label(RichText::new(tr::fd_filter(lang, list)).weak());
        }
        if self.mode != DialogMode::Folder {
            let label = ui.label(T::FdFileName.get(lang));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.name).desired_width(ui.available_width()))
                .labelled_by(label.id);
            if field.changed() {
                self.problem = None;
                self.confirm_replace = None;
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                chosen = Some(self.name.clone());
            }
        }
        if let Some(problem) = &self.problem {
            super::field_error(ui, problem);
        }
        ui.add_space(6.0);
        let mut outcome = None;
        if let Some(path) = self.confirm_replace.clone() {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            ui.label(RichText::new(tr::fd_replace(lang, name)).color(theme::ERROR));
            ui.horizontal(|ui| {
                if ui.button(T::FdReplace.get(lang)).clicked() {
                    outcome = Some(Outcome::Chosen(path));
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    self.confirm_replace = None;
                }
            });
            return outcome;
        }
        let ready = matches!(self.listing, Listing::Ready(_));
        ui.horizontal(|ui| {
            let main = match self.mode {
                DialogMode::Open => T::FdChoose,
                DialogMode::Save => T::FdSave,
                DialogMode::Folder => T::FdChooseFolder,
            };
            if ui
                .add_enabled(ready, egui::Button::new(main.get(lang)))
                .clicked()
            {
                chosen = Some(self.name.clone());
            }
            if ui.button(T::Cancel.get(lang)).clicked() {
                outcome = Some(Outcome::Cancelled);
            }
        });
        if outcome.is_some() {
            return outcome;
        }
        let name = chosen?;
        self.choose(&name)
    }

    /// The path for the main button (or Enter, or a double click), or the problem shown in place.
    fn choose(&mut self, name: &str) -> Option<Outcome> {
        let lang = self.lang;
        match self.mode {
            DialogMode::Folder => return Some(Outcome::Chosen(self.dir.clone())),
            DialogMode::Open => {
                let name = name.trim();
                if self.shown.iter().any(|e| !e.is_dir && e.name == name) {
                    return Some(Outcome::Chosen(self.dir.join(name)));
                }
                self.problem = Some(T::FdPickAFile.get(lang).to_owned());
            }
            DialogMode::Save => match save_target(&self.dir, name, &self.extensions, &self.shown) {
                Ok(target) if target.exists => self.confirm_replace = Some(target.path),
                Ok(target) => return Some(Outcome::Chosen(target.path)),
                Err(problem) => {
                    self.problem = Some(
                        match problem {
                            NameProblem::Empty => T::FdNoName,
                            NameProblem::NotAName => T::FdNotAName,
                            NameProblem::IsFolder => T::FdIsFolder,
                        }
                        .get(lang)
                        .to_owned(),
                    );
                }
            },
        }
        None
    }
}

/// The shortcuts: the personal folder, Documents and the Desktop when the system names them, and the
/// root of the disk.
fn shortcuts() -> Vec<(T, PathBuf)> {
    let mut places = Vec::new();
    if let Some(user) = directories::UserDirs::new() {
        places.push((T::FdHome, user.home_dir().to_path_buf()));
        if let Some(d) = user.document_dir() {
            places.push((T::FdDocuments, d.to_path_buf()));
        }
        if let Some(d) = user.desktop_dir() {
            places.push((T::FdDesktop, d.to_path_buf()));
        }
    }
    if cfg!(not(windows)) {
        places.push((T::FdRoot, PathBuf::from("/")));
    }
    places
}

/// Where a dialog opens when nothing better is known: the personal folder.
pub fn default_start() -> PathBuf {
    directories::UserDirs::new()
        .map(|u| u.home_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, is_dir: bool) -> Entry {
        Entry {
            name: name.to_owned(),
            is_dir,
        }
    }

    fn exts(list: &[&str]) -> Vec<String> {
        list.iter().map(|e| (*e).to_owned()).collect()
    }

    #[test]
    fn folders_come_first_then_the_files_of_the_filter_in_alphabetical_order() {
        let entries = vec![
            entry("zeta.pdf", false),
            entry("Alpha", true),
            entry("notes.txt", false),
            entry("beta.PDF", false),
            entry(".cache", true),
            entry("archives", true),
        ];
        let names = |mode, e: &[String]| -> Vec<String> {
            visible_entries(&entries, mode, e)
                .into_iter()
                .map(|e| e.name.clone())
                .collect()
        };
        assert_eq!(
            names(DialogMode::Open, &exts(&["pdf"])),
            ["Alpha", "archives", "beta.PDF", "zeta.pdf"]
        );
        assert_eq!(
            names(DialogMode::Open, &[]),
            ["Alpha", "archives", "beta.PDF", "notes.txt", "zeta.pdf"]
        );
        // Choosing a folder, its files are listed too (greyed): a folder of images is not "empty".
        assert_eq!(
            names(DialogMode::Folder, &exts(&["pdf"])),
            ["Alpha", "archives", "beta.PDF", "notes.txt", "zeta.pdf"]
        );
    }

    /// "Nouveau dossier…": the folder is created by the listing's job, then listed (empty).
    #[test]
    fn a_new_folder_is_created_then_listed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let wanted = Wanted {
            dir: dir.path().join("Exports 2026"),
            nearest: false,
            create: true,
        };
        let (read, entries) = read_folder(&wanted, Lang::Fr).expect("created");
        assert_eq!(read, dir.path().join("Exports 2026"));
        assert!(read.is_dir() && entries.is_empty());
        // A second time: it exists, said in words.
        let again = read_folder(&wanted, Lang::Fr).expect_err("exists");
        assert!(!again.contains("os error"), "{again}");
    }

    #[test]
    fn a_saved_name_gets_its_extension_and_an_existing_file_is_noticed() {
        let dir = Path::new("/tmp/rapports");
        let entries = vec![entry("rapport.pdf", false), entry("Archives", true)];
        let pdf = exts(&["pdf"]);
        assert_eq!(
            save_target(dir, " rapport ", &pdf, &entries),
            Ok(SaveTarget {
                path: dir.join("rapport.pdf"),
                exists: true
            })
        );
        assert_eq!(
            save_target(dir, "nouveau.PDF", &pdf, &entries),
            Ok(SaveTarget {
                path: dir.join("nouveau.PDF"),
                exists: false
            })
        );
        assert_eq!(
            save_target(dir, "code.txt", &[], &entries),
            Ok(SaveTarget {
                path: dir.join("code.txt"),
                exists: false
            })
        );
        assert_eq!(
            save_target(dir, "  ", &pdf, &entries),
            Err(NameProblem::Empty)
        );
        assert_eq!(
            save_target(dir, "../x", &pdf, &entries),
            Err(NameProblem::NotAName)
        );
        assert_eq!(
            save_target(dir, "Archives", &[], &entries),
            Err(NameProblem::IsFolder)
        );
    }

    #[test]
    fn a_folder_is_listed_with_its_subfolders_and_links_followed() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("Dossier")).expect("mkdir");
        std::fs::write(dir.path().join("a.pdf"), b"x").expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("Dossier"), dir.path().join("lien"))
            .expect("symlink");
        let mut entries = list_dir(dir.path(), Lang::Fr).expect("list");
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        assert!(entries.contains(&entry("Dossier", true)));
        assert!(entries.contains(&entry("a.pdf", false)));
        #[cfg(unix)]
        assert!(entries.contains(&entry("lien", true)));
        let missing = list_dir(&dir.path().join("absent"), Lang::Fr).expect_err("missing");
        assert!(!missing.contains("os error"), "{missing}");
    }
}
