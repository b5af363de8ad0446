//! Which screen fills the window: the screens before the main window, each with its form, or the main
//! window with its page.

use super::page::{Page, PageView};
use super::signed::verify::VerifyView;
use super::vault::create::CreateForm;
use super::vault::recovery::RecoveryScreen;
use super::vault::unlock::UnlockForm;

/// Which screen fills the window.
#[derive(Debug)]
pub enum Screen {
    /// First screen: create, open, or try the demo.
    Welcome,
    /// Creating a vault.
    Create(Box<CreateForm>),
    /// The recovery code, shown once after creation.
    Recovery(RecoveryScreen),
    /// Unlocking a vault.
    Unlock(UnlockForm),
    /// The main window, with its navigation.
    Main(Page),
    /// Checking a signed file without a vault (a consultant's Vigie).
    Verify(Box<VerifyView>),
}

impl Screen {
    /// The page shown, in the main window.
    pub fn page(&self) -> Option<&Page> {
        match self {
            Self::Main(page) => Some(page),
            _ => None,
        }
    }

    /// The page's view, if the main window shows a page drawn by a `V`.
    pub fn view<V: PageView>(&self) -> Option<&V> {
        self.page()?.get()
    }

    /// The page's view, if the main window shows a page drawn by a `V`, to change.
    pub fn view_mut<V: PageView>(&mut self) -> Option<&mut V> {
        match self {
            Self::Main(page) => page.get_mut(),
            _ => None,
        }
    }
}
