//! The screens before the main window: welcome (create, open, demo), creating a vault, its recovery
//! code, unlocking.

pub mod create;
pub mod recovery;
pub mod unlock;
pub mod welcome;
