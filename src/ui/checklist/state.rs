//! The checklist page's state: the theme shown, who answers, what is being typed.

use std::collections::HashMap;

use crate::checklist::Respondent;

/// The wizard's state.
#[derive(Debug, Default)]
pub struct ChecklistView {
    /// The theme shown (index in the catalog).
    pub theme: usize,
    /// Who is answering.
    pub respondent: Respondent,
    /// Notes being typed, by item, until they are saved.
    pub notes: HashMap<String, String>,
    /// The glossary window, open at this term (`Some("")`: open at the top).
    pub glossary: Option<String>,
    /// "Not applicable" chosen on an essential item: the item and the reason being typed.
    pub na_reason: Option<(String, String)>,
    /// An item to bring into view once (opened from elsewhere: a PC check's "Correct"), highlighted
    /// while it stays the one asked for.
    pub focus: Option<String>,
    /// The focused item was scrolled to: it is not scrolled to again.
    pub focus_shown: bool,
}

impl ChecklistView {
    /// Shows `item`'s theme and brings the item into view (nothing if the catalog has no such item).
    pub fn focus_on(&mut self, item: &str) {
        let catalog = crate::checklist::catalog();
        let Some(theme) = catalog.item(item).map(|i| i.theme.as_str()) else {
            return;
        };
        if let Some(index) = catalog.themes.iter().position(|t| t.id == theme) {
            self.theme = index;
            self.focus = Some(item.to_owned());
            self.focus_shown = false;
        }
    }
}
