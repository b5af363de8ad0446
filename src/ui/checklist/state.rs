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
}
