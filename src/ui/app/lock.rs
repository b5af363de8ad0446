//! Saving what was typed, and locking: by hand, after idle time, and when the window closes. Nothing
//! typed is lost on the way: the text being typed is saved after a pause in typing and, at the latest,
//! before the page changes, before the vault locks and before the window closes.

use std::time::{Duration, Instant};

use super::{PendingLock, TYPING_PAUSE, VigieApp};
use crate::i18n::T;
use crate::i18n::tr;
use crate::ui::jobs::JobKind;
use crate::ui::screen::Screen;
use crate::ui::state::Notice;
use crate::ui::vault::unlock::UnlockForm;

impl VigieApp {
    /// Notes that text was typed into the open vault's contents: saved after a pause in typing.
    pub(crate) fn edited(&mut self) {
        if let Some(session) = self.session.as_mut() {
            session.save.edited_at = Some(Instant::now());
        }
    }

    /// Saves the typed text once typing has paused long enough.
    pub(crate) fn save_after_typing(&mut self, ctx: &egui::Context) {
        let Some(edited_at) = self.session.as_ref().and_then(|s| s.save.edited_at) else {
            return;
        };
        let quiet = edited_at.elapsed();
        if quiet >= TYPING_PAUSE {
            self.flush_edits(ctx);
        } else {
            ctx.request_repaint_after(TYPING_PAUSE.saturating_sub(quiet));
        }
    }

    /// Before the page goes away (another page, locking, closing): takes what it holds typed and not
    /// yet in the vault (a due date being typed), then starts saving every change not yet written.
    pub(crate) fn leave_page(&mut self, ctx: &egui::Context) {
        // The profile's changes are saved when they are valid (when not, a page change was refused
        // before: see `profile_may_leave`).
        if let Some(Ok(profile)) = self.profile_changes() {
            self.run_command(
                ctx,
                crate::ui::command::Command::SaveProfile(Box::new(profile)),
            );
        }
        if let Some(view) = self.screen.view_mut::<crate::ui::plan::view::ActionsView>() {
            let dues = view.take_typed_dues();
            let mut changed = false;
            if let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) {
                for (item, due) in dues {
                    let plan = &mut vault.contents_mut().checklist.actions;
                    if let Some(action) = plan.iter_mut().rev().find(|a| a.item == item)
                        && action.due != due
                    {
                        action.due = due;
                        changed = true;
                    }
                }
            }
            if changed {
                self.edited();
            }
        }
        self.keep_breach_form();
        self.flush_edits(ctx);
    }

    /// The profile page's changes not saved yet, checked: `None` when nothing changed (or another page).
    fn profile_changes(
        &self,
    ) -> Option<
        Result<
            crate::practice::Profile,
            Vec<(crate::practice::Field, crate::practice::FieldError)>,
        >,
    > {
        let form = self
            .screen
            .view::<crate::ui::profile::view::ProfileForm>()?;
        let stored = self.vault()?.contents().practice.to_draft();
        (form.draft != stored).then(|| form.draft.validate())
    }

    /// Whether the profile page may be left for another: its changes, if any, must be valid to be
    /// saved; when they are not, the page stays with the errors at their fields.
    pub(crate) fn profile_may_leave(&mut self) -> bool {
        let Some(Err(errors)) = self.profile_changes() else {
            return true;
        };
        if let Some(form) = self
            .screen
            .view_mut::<crate::ui::profile::view::ProfileForm>()
        {
            form.refuse(errors);
        }
        self.notice = Some(Notice::Error(
            crate::i18n::T::ProfileNotLeft.get(self.lang).to_owned(),
        ));
        false
    }

    /// Starts saving the typed changes not yet written.
    pub(crate) fn flush_edits(&mut self, ctx: &egui::Context) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.save.edited_at.take().is_some() {
            self.start_save(ctx);
        }
    }

    /// Locks the vault once what was typed is saved: at once if nothing is being written, else when
    /// the save ends.
    pub(crate) fn request_lock(&mut self, ctx: &egui::Context, notice: Option<Notice>) {
        self.leave_page(ctx);
        let busy = self
            .session
            .as_ref()
            .is_some_and(|s| s.save.in_flight || s.save.queued || s.vault.is_none());
        if busy {
            self.lock_pending = Some(PendingLock(notice));
        } else {
            self.lock_now(notice);
        }
    }

    fn lock_now(&mut self, notice: Option<Notice>) {
        self.lock_pending = None;
        // The scan's results belong in the vault: a scan that cannot be saved any more stops.
        let stopped_scan = self.scan.take().is_some();
        self.kept.clear();
        // Dropping the vault wipes its key from memory.
        if let Some(session) = self.session.take() {
            self.screen = Screen::Unlock(UnlockForm::new(
                session.path.clone(),
                session.path == self.data_dir.demo_vault(),
            ));
        }
        self.notice = if stopped_scan {
            Some(Notice::Info(match notice {
                Some(Notice::Info(t) | Notice::Error(t)) => {
                    format!("{t} {}", T::ScanLockedStopped.get(self.lang))
                }
                None => T::ScanLockedStopped.get(self.lang).to_owned(),
            }))
        } else {
            notice
        };
    }

    pub(crate) fn check_auto_lock(&mut self, ctx: &egui::Context) {
        let active = ctx.input(|i| !i.events.is_empty() || i.pointer.delta() != egui::Vec2::ZERO);
        if active {
            self.last_activity = Instant::now();
        }
        // The recovery code is on screen only once: locking there would lose it for good.
        if self.session.is_none() || matches!(self.screen, Screen::Recovery(_)) {
            return;
        }
        if self.lock_pending.is_some() {
            return;
        }
        let delay = Duration::from_secs(u64::from(self.settings.auto_lock_minutes) * 60);
        let idle = self.last_activity.elapsed();
        if idle >= delay {
            let minutes = self.settings.auto_lock_minutes;
            let notice = Notice::Info(tr::locked_after_idle(self.lang, minutes));
            self.request_lock(ctx, Some(notice));
        } else {
            // Wake up once when the delay runs out; no work at all until then.
            ctx.request_repaint_after(delay.saturating_sub(idle));
        }
    }

    /// Forces the idle clock, for tests of the automatic lock.
    #[doc(hidden)]
    pub fn pretend_idle_for(&mut self, idle: Duration) {
        self.last_activity = Instant::now()
            .checked_sub(idle)
            .unwrap_or_else(Instant::now);
    }

    /// What closing the window does (and tests call): what was typed is saved, a scan that has just
    /// ended is recorded, one still running is dropped (its thread stops); a save in flight is let
    /// finish and one that was queued is written. Closing never loses an answer.
    pub fn close(&mut self) {
        let ctx = egui::Context::default();
        self.poll_scan(&ctx);
        self.scan = None;
        // Jobs that only read are not waited for: a scan or a folder listing stuck on a share that no
        // longer answers must not hold the window open (a scan not finished is not recorded, as a
        // stopped one's partial results are when the window stays).
        self.jobs.abandon(&[
            JobKind::Scan,
            JobKind::OrderScanTable,
            JobKind::ListFolder,
            JobKind::FindPlaces,
            JobKind::CheckRecent,
            JobKind::FindVaultPath,
            JobKind::ShowFolder,
            JobKind::CheckSignedHead,
        ]);
        self.leave_page(&ctx);
        // Twice: a save queued behind the one in flight starts when that one's result is taken.
        for _ in 0..2 {
            for output in self.jobs.wait_all() {
                self.handle_job_output(&ctx, output);
            }
        }
    }
}
