//! A page of the main window: which page it is ([`PageKind`], its key, in `command` with the commands
//! that name it), and its view ([`PageView`]), the state the page keeps while it is shown. Each page's folder names its own kind
//! (`pub const PAGE: PageKind = PageKind::new("scan")`) and implements [`PageView`] for its view; the
//! table of `super::pages` orders them, names them in the navigation and opens them. Nothing here
//! names a page: a new page adds nothing to this file.

use std::any::Any;

use super::command::PageKind;
use super::view::ViewContext;
use crate::i18n::Lang;
use crate::practice_file::PracticeFile;
use crate::scan::places::Place;

/// What a page draws from, and keeps between frames.
pub trait PageView: Any + std::fmt::Debug {
    /// Draws the page; what it asks for is sent through `cx`.
    fn show(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>);

    /// A part of the page with its own scroll position (the checklist's theme): another part opens at
    /// its top, or where the user left it.
    fn scroll_part(&self) -> usize {
        0
    }

    /// Edits typed on this page and not yet in the vault (the profile's form before it is saved):
    /// the header then says so rather than "everything is saved" (one truth across the window).
    fn unsaved(&self, _cx: &ViewContext<'_>) -> bool {
        false
    }
}

/// What a page is opened with.
#[derive(Debug, Clone, Copy)]
pub struct PageInit<'a> {
    /// Interface language.
    pub lang: Lang,
    /// The open vault, if unlocked and not lent to a job.
    pub vault: Option<&'a PracticeFile>,
    /// The places to suggest for a scan, once found.
    pub places: Option<&'a [Place]>,
    /// The folders the user added to the scan before (the settings).
    pub scan_folders: &'a [std::path::PathBuf],
}

/// A page being shown: its kind and its view.
#[derive(Debug)]
pub struct Page {
    kind: PageKind,
    view: Box<dyn PageView>,
}

impl Page {
    /// The page `kind`, drawn by `view`.
    pub fn new(kind: PageKind, view: impl PageView) -> Self {
        Self {
            kind,
            view: Box::new(view),
        }
    }

    /// Which page this is.
    pub fn kind(&self) -> PageKind {
        self.kind
    }

    /// Its view, if it is a `V`.
    pub fn get<V: PageView>(&self) -> Option<&V> {
        let view: &dyn Any = self.view.as_ref();
        view.downcast_ref()
    }

    /// Its view, if it is a `V`, to change.
    pub fn get_mut<V: PageView>(&mut self) -> Option<&mut V> {
        let view: &mut dyn Any = self.view.as_mut();
        view.downcast_mut()
    }

    /// Draws it.
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>) {
        self.view.show(ui, cx);
    }

    /// Whether the page holds edits not yet in the vault.
    pub fn unsaved(&self, cx: &ViewContext<'_>) -> bool {
        self.view.unsaved(cx)
    }

    /// The part of the page with its own scroll position.
    pub fn scroll_part(&self) -> usize {
        self.view.scroll_part()
    }
}
