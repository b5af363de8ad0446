//! Background jobs: slow work (key derivation, disk writes, documents) on named threads, so that the
//! window never freezes. Each job sends one result through a channel; the app drains the channels every
//! frame, and the job wakes the window with `request_repaint` when it is done. A cancelled job's result
//! is thrown away when it arrives (key derivation cannot be interrupted half-way, but nobody waits for it).
//!
//! A job cannot die silently: a panic in its work is caught and reported as a [`JobFailed`] with
//! the job's kind, and so is a thread that ended without a word; the app then clears what it was waiting
//! for and tells the user. A job that holds the vault (the passphrase change) catches its own panics
//! around the work, so that the vault always comes back.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The work of a job.
type Work<O> = Box<dyn FnOnce(&AtomicBool) -> O + Send>;

/// What a job is doing; at most one job of each kind runs at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Creating a vault (two key derivations and the first save).
    CreateVault,
    /// Unlocking a vault (one key derivation).
    Unlock,
    /// Writing the vault to disk.
    Save,
    /// Changing the passphrase (key derivations and a save).
    ChangePassphrase,
    /// Writing a document the user asked for (recovery sheet, PDF report…).
    WriteDocument,
    /// Reading a file to attach as evidence.
    ReadEvidence,
    /// Looking for the places to suggest for a scan (home folders, disks, imaging software's storage).
    FindPlaces,
    /// Checking that the recent vaults' files are still there.
    CheckRecent,
    /// Writing the preferences.
    SaveSettings,
    /// Opening or creating a consultant's key file (key derivation).
    KeyFile,
    /// Reading, verifying or writing the files of a signed assessment.
    SignedFiles,
    /// Making, checking an encrypted archive, or removing its originals.
    Archive,
    /// Running the PC checks.
    SystemCheck,
    /// Reading the Internet box's rules.
    BoxCheck,
    /// Showing a folder in the system's file manager.
    ShowFolder,
    /// Copying the vault and its backups elsewhere (a USB stick), verified.
    CopyVault,
    /// The folder scan (its progress and findings reach the window through [`super::scan_run::LiveScan`]).
    Scan,
    /// Putting a finished scan's findings in order for the vault's record.
    RecordScan,
    /// Looking for a free file name for a new vault.
    FindVaultPath,
    /// Putting the Scan page's table in order.
    OrderScanTable,
    /// Reading a folder for Vigie's own file dialog.
    ListFolder,
    /// Comparing the breach register with the head the last signed self-assessment witnessed.
    CheckSignedHead,
}

impl JobKind {
    /// The job's thread's name, also its name in the diagnostic log.
    pub fn thread_name(self) -> &'static str {
        match self {
            Self::CreateVault => "vigie-create-vault",
            Self::Unlock => "vigie-unlock",
            Self::Save => "vigie-save",
            Self::ChangePassphrase => "vigie-change-passphrase",
            Self::WriteDocument => "vigie-write-document",
            Self::ReadEvidence => "vigie-read-evidence",
            Self::FindPlaces => "vigie-find-places",
            Self::CheckRecent => "vigie-check-recent",
            Self::SaveSettings => "vigie-save-settings",
            Self::KeyFile => "vigie-key-file",
            Self::SignedFiles => "vigie-signed-files",
            Self::Archive => "vigie-archive",
            Self::SystemCheck => "vigie-system-check",
            Self::BoxCheck => "vigie-box-check",
            Self::ShowFolder => "vigie-show-folder",
            Self::CopyVault => "vigie-copy-vault",
            Self::Scan => "vigie-scan",
            Self::RecordScan => "vigie-record-scan",
            Self::FindVaultPath => "vigie-find-vault-path",
            Self::OrderScanTable => "vigie-order-scan-table",
            Self::ListFolder => "vigie-list-folder",
            Self::CheckSignedHead => "vigie-check-signed-head",
        }
    }
}

/// A job that stopped on an internal error (a panic, caught, or a thread that ended without a word):
/// what it was doing did not happen. Its message and place went to the diagnostic log when it panicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobFailed(pub JobKind);

struct Running<O> {
    kind: JobKind,
    cancel: Arc<AtomicBool>,
    rx: Receiver<O>,
    handle: Option<JoinHandle<()>>,
}

/// The jobs in flight, each reporting one `O` (the app's job outputs), a failure included.
pub struct Jobs<O> {
    running: Vec<Running<O>>,
    /// A job kind whose next job panics, for the tests of [`JobFailed`].
    fault: Option<JobKind>,
}

impl<O> Default for Jobs<O> {
    fn default() -> Self {
        Self {
            running: Vec::new(),
            fault: None,
        }
    }
}

/// Runs a job's work, turning a panic into a [`JobFailed`].
fn run_caught<O: From<JobFailed>>(
    kind: JobKind,
    work: Work<O>,
    cancel: &AtomicBool,
    fault: bool,
) -> O {
    catch_unwind(AssertUnwindSafe(|| {
        assert!(!fault, "fault injected into a {kind:?} job");
        work(cancel)
    }))
    .unwrap_or_else(|_| {
        // The panic's place (and its message, when it is a fixed text) went to the log by its hook.
        crate::diag::event(crate::diag::Event::JobFailed {
            job: kind.thread_name(),
            failure: crate::diag::JobFailure::Panicked,
        });
        O::from(JobFailed(kind))
    })
}

impl<O: From<JobFailed> + Send + 'static> Jobs<O> {
    /// Starts `work` on a named thread; its result comes back through [`Jobs::drain`].
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        kind: JobKind,
        work: impl FnOnce(&AtomicBool) -> O + Send + 'static,
    ) {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let ctx = ctx.clone();
        // The work sits in a shared slot so that, if the system refuses a thread, it can still run here.
        let slot: Arc<Mutex<Option<Work<O>>>> = Arc::new(Mutex::new(Some(Box::new(work))));
        let thread_slot = Arc::clone(&slot);
        let thread_tx = tx.clone();
        let fault = self.fault.take_if(|f| *f == kind).is_some();
        let spawned = std::thread::Builder::new()
            .name(kind.thread_name().to_owned())
            .spawn(move || {
                let work = thread_slot.lock().ok().and_then(|mut w| w.take());
                if let Some(work) = work {
                    // The receiver is gone only if the app is closing: nothing to report then.
                    let _ = thread_tx.send(run_caught(kind, work, &flag, fault));
                }
                ctx.request_repaint();
            });
        let handle = match spawned {
            Ok(handle) => Some(handle),
            Err(e) => {
                #[expect(
                    clippy::print_stderr,
                    reason = "the one trace of a refused thread; the work then runs here"
                )]
                {
                    eprintln!("vigie: could not start thread {}: {e}", kind.thread_name());
                }
                if let Some(work) = slot.lock().ok().and_then(|mut w| w.take()) {
                    let output =
                        crate::io_guard::allowed(|| run_caught(kind, work, &cancel, fault));
                    let _ = tx.send(output);
                }
                None
            }
        };
        self.running.push(Running {
            kind,
            cancel,
            rx,
            handle,
        });
    }

    /// The results of the jobs that finished since the last call (never blocks).
    pub fn drain(&mut self) -> Vec<O> {
        let mut done = Vec::new();
        self.running.retain_mut(|r| match r.rx.try_recv() {
            Ok(output) => {
                if let Some(h) = r.handle.take() {
                    let _ = h.join();
                }
                if !r.cancel.load(Ordering::Relaxed) {
                    done.push(output);
                }
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                // The thread ended without a result: report it rather than wait for ever.
                if let Some(h) = r.handle.take() {
                    let _ = h.join();
                }
                if !r.cancel.load(Ordering::Relaxed) {
                    crate::diag::event(crate::diag::Event::JobFailed {
                        job: r.kind.thread_name(),
                        failure: crate::diag::JobFailure::Vanished,
                    });
                    done.push(O::from(JobFailed(r.kind)));
                }
                false
            }
        });
        done
    }

    /// Waits for every job to finish and returns their results (used when the window closes, so that a
    /// save in flight is completed, never cut).
    pub fn wait_all(&mut self) -> Vec<O> {
        let mut done = Vec::new();
        for mut r in self.running.drain(..) {
            let output = r.rx.recv().unwrap_or_else(|_| O::from(JobFailed(r.kind)));
            if !r.cancel.load(Ordering::Relaxed) {
                done.push(output);
            }
            if let Some(h) = r.handle.take() {
                let _ = h.join();
            }
        }
        done
    }
}

impl<O> Jobs<O> {
    /// Stops waiting for the jobs of these kinds: their threads end on their own and their results
    /// are dropped (used when the window closes, for jobs that only read: a folder on a share that
    /// no longer answers must not hold the window open).
    pub fn abandon(&mut self, kinds: &[JobKind]) {
        self.running.retain(|r| !kinds.contains(&r.kind));
    }

    /// Makes the next job of `kind` panic at its start, or inside its own guard for the jobs that catch
    /// their panics themselves ([`Jobs::take_fault`]). For tests.
    #[doc(hidden)]
    pub fn inject_panic(&mut self, kind: JobKind) {
        self.fault = Some(kind);
    }

    /// Takes an injected fault for `kind`, for a job that raises it inside its own guard.
    pub(crate) fn take_fault(&mut self, kind: JobKind) -> bool {
        self.fault.take_if(|f| *f == kind).is_some()
    }

    /// Whether a job of `kind` is running.
    pub fn is_running(&self, kind: JobKind) -> bool {
        self.running
            .iter()
            .any(|r| r.kind == kind && !r.cancel.load(Ordering::Relaxed))
    }

    /// Whether any job is running.
    pub fn any_running(&self) -> bool {
        !self.running.is_empty()
    }

    /// Asks the jobs of `kind` to stop; their results will be discarded.
    pub fn cancel(&mut self, kind: JobKind) {
        for r in self.running.iter().filter(|r| r.kind == kind) {
            r.cancel.store(true, Ordering::Relaxed);
        }
    }
}
