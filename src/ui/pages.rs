//! The one table of the main window's pages: their order, their entries in the navigation, how each
//! opens, and whether its state is kept while another page is shown. The navigation, the page keys and
//! their order all come from [`PAGES`]. A new page is one folder (its `PAGE` in its `mod.rs`, its view
//! implementing [`PageView`](super::page::PageView) with an `open`) and one row here: ARCHITECTURE.md,
//! "A new page".

use super::command::PageKind;
use super::page::{Page, PageInit};
use super::view::PageInfo;
use super::{
    breaches, checklist, dashboard, plan, processors, profile, register, reports, scan, settings,
    signed, system,
};
use crate::i18n::T;

/// A page of the main window: what views may know of it, and how it opens.
#[derive(Debug)]
pub struct PageRow {
    /// Which page, its name in the navigation, where it sits.
    pub info: PageInfo,
    /// Opens it.
    pub open: fn(&PageInit<'_>) -> Page,
}

/// Every page, in the navigation's order.
pub const PAGES: [PageRow; 13] = [
    PageRow {
        info: PageInfo {
            kind: dashboard::PAGE,
            nav: Some(T::NavDashboard),
            under: None,
            keep: false,
        },
        open: dashboard::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: checklist::PAGE,
            nav: Some(T::NavChecklist),
            under: None,
            keep: false,
        },
        open: checklist::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: scan::PAGE,
            nav: Some(T::NavScan),
            under: None,
            keep: true,
        },
        open: scan::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: plan::PAGE,
            nav: Some(T::NavActions),
            under: None,
            keep: false,
        },
        open: plan::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: breaches::PAGE,
            nav: Some(T::NavBreaches),
            under: None,
            keep: false,
        },
        open: breaches::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: system::PAGE,
            nav: Some(T::NavSystem),
            under: None,
            keep: false,
        },
        open: system::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: reports::PAGE,
            nav: Some(T::NavReports),
            under: None,
            keep: false,
        },
        open: reports::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: register::PAGE,
            nav: Some(T::NavRegister),
            under: None,
            keep: false,
        },
        open: register::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: processors::PAGE,
            nav: Some(T::NavProcessors),
            under: None,
            keep: false,
        },
        open: processors::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: signed::PAGE,
            nav: Some(T::NavSigned),
            under: None,
            keep: false,
        },
        open: signed::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: profile::PAGE,
            nav: Some(T::NavProfile),
            under: None,
            keep: false,
        },
        open: profile::view::open,
    },
    PageRow {
        info: PageInfo {
            kind: settings::PAGE,
            nav: Some(T::NavSettings),
            under: None,
            keep: false,
        },
        open: settings::view::open,
    },
    // Checking a signed file is reached from the signed assessment: its entry stays selected.
    PageRow {
        info: PageInfo {
            kind: signed::VERIFY_PAGE,
            nav: None,
            under: Some(signed::PAGE),
            keep: false,
        },
        open: signed::verify::open,
    },
];

/// The row of `kind`.
pub fn row(kind: PageKind) -> Option<&'static PageRow> {
    PAGES.iter().find(|r| r.info.kind == kind)
}

/// What the views may know of the pages, in the navigation's order.
pub fn infos() -> Vec<PageInfo> {
    PAGES.iter().map(|r| r.info).collect()
}

/// The page of a key (the page last shown, from the settings); `None` for an unknown one.
pub fn from_key(key: &str) -> Option<PageKind> {
    PAGES.iter().map(|r| r.info.kind).find(|k| k.key() == key)
}

/// Opens the page `kind`; the dashboard for a kind the table does not have.
pub fn open(kind: PageKind, init: &PageInit<'_>) -> Page {
    row(kind)
        .or_else(|| PAGES.first())
        .map_or_else(|| dashboard::view::open(init), |r| (r.open)(init))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_page_has_one_row_a_distinct_key_and_an_entry_or_a_parent() {
        let mut keys: Vec<&str> = PAGES.iter().map(|r| r.info.kind.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), PAGES.len(), "keys are distinct: {keys:?}");
        for r in PAGES.iter().map(|r| r.info) {
            assert!(
                r.nav.is_some() != r.under.is_some(),
                "{}: a navigation entry, or the page it is reached from",
                r.kind.key()
            );
            assert_eq!(from_key(r.kind.key()), Some(r.kind));
        }
        assert_eq!(from_key("nowhere"), None);
    }

    /// Every screen a catalog text may name exists in the window, and every "how to check" text that
    /// sends the user to a screen names it by its title, in both languages.
    #[test]
    fn the_screens_the_catalog_names_exist_and_are_named() {
        let pages = infos();
        let screen = |id: &str| {
            pages
                .iter()
                .find(|p| p.kind.key() == id)
                .and_then(|p| Some((p.kind, p.nav?)))
        };
        for id in crate::checklist::KNOWN_SCREENS {
            assert!(screen(id).is_some(), "{id} has no page in the navigation");
        }
        for item in &crate::checklist::catalog().items {
            for id in &item.screens {
                let (_, title) = screen(id).expect("a known screen");
                for (lang, open, close) in
                    [(Lang::Fr, "«\u{202f}", "\u{202f}»"), (Lang::En, "“", "”")]
                {
                    let named = format!("{open}{}{close}", title.get(lang));
                    assert!(
                        item.how.get(lang).contains(&named),
                        "{}: the how text must name {named}",
                        item.id
                    );
                }
            }
        }
    }
}
