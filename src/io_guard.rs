//! Catches disk work on the window's thread in debug builds. The window marks its thread while it draws
//! a frame and runs commands ([`UiThread::enter`]); the functions that read or write files call
//! [`check`], which fails a debug build (and so every test) when it runs there. A vault on a USB stick or a
//! network share can take seconds to answer: on the window's thread, that is a frozen window.
//!
//! A leaf module: it imports nothing from the crate, so that every layer may call it.

use std::cell::Cell;

thread_local! {
    static ON_UI_THREAD: Cell<bool> = const { Cell::new(false) };
}

/// While alive, marks this thread as the window's thread.
#[derive(Debug)]
pub struct UiThread {
    before: bool,
}

impl UiThread {
    /// Marks this thread as the window's thread until the guard is dropped.
    pub fn enter() -> Self {
        Self {
            before: ON_UI_THREAD.replace(true),
        }
    }
}

impl Drop for UiThread {
    fn drop(&mut self) {
        ON_UI_THREAD.set(self.before);
    }
}

/// Whether this thread is drawing the window now.
pub fn on_ui_thread() -> bool {
    ON_UI_THREAD.get()
}

/// Runs `work` with the mark lifted: for the rare work that must run where it is called (a job whose
/// thread the system refused to start runs in place rather than not at all).
pub fn allowed<R>(work: impl FnOnce() -> R) -> R {
    let before = ON_UI_THREAD.replace(false);
    let out = work();
    ON_UI_THREAD.set(before);
    out
}

/// Fails a debug build when `what` (a disk read or write) runs on the window's thread.
#[track_caller]
pub fn check(what: &str) {
    debug_assert!(
        !on_ui_thread(),
        "disk work on the window's thread: {what}; run it in a background job"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_holds_while_the_guard_lives_and_can_be_lifted() {
        assert!(!on_ui_thread());
        {
            let _ui = UiThread::enter();
            assert!(on_ui_thread());
            allowed(|| assert!(!on_ui_thread()));
            assert!(on_ui_thread());
        }
        assert!(!on_ui_thread());
        // Other threads are never marked.
        let _ui = UiThread::enter();
        std::thread::spawn(|| assert!(!on_ui_thread()))
            .join()
            .expect("thread");
    }

    #[test]
    #[cfg(debug_assertions)]
    fn disk_work_on_the_marked_thread_fails() {
        let _ui = UiThread::enter();
        let caught = std::panic::catch_unwind(|| check("a test read"));
        assert!(caught.is_err());
    }
}
