//! A checklist item's id (`"imaging.encryption-at-rest"`) as a type of its own, so that the practice
//! file's use cases cannot be handed a note, a theme or a file name where an item is meant.

use std::fmt;

/// The id of a checklist item, as the catalog spells it. Answers to ids a later catalog no longer has
/// (kept "to review" by the migration) stay addressable: the id is not checked against the catalog.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemId(String);

impl ItemId {
    /// The id `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as the catalog and the records spell it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for ItemId {
    fn from(id: &str) -> Self {
        Self::new(id)
    }
}

impl From<String> for ItemId {
    fn from(id: String) -> Self {
        Self(id)
    }
}

impl AsRef<str> for ItemId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
