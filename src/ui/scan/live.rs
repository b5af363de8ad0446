//! A folder scan running in the background for the Scan screen: the engine works in a background job
//! ([`super::jobs::Jobs`], like all slow work) and posts its events into a shared state that the window reads each frame; findings appear in the table
//! as they are found. The scan belongs to the app, not to the page, so it goes on while the user looks
//! at other pages.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::scan::{self, Event, Finding, ScanError, ScanOptions, Summary};

/// What the scanning thread has reported so far.
#[derive(Debug, Default)]
struct Shared {
    files_seen: u64,
    dirs_seen: u64,
    current: PathBuf,
    findings: Vec<Finding>,
    errors: Vec<ScanError>,
    error_count: u64,
    done: Option<Summary>,
}

/// A scan in progress (or just finished, until the app takes its results).
#[derive(Debug)]
pub struct LiveScan {
    /// The folders scanned.
    pub roots: Vec<PathBuf>,
    /// When it started.
    pub started_at: Timestamp,
    started: Instant,
    cancel: Arc<AtomicBool>,
    shared: Arc<Mutex<Shared>>,
    /// Findings received so far (moved out of the shared state each frame), shared with the job that
    /// puts the table in order: never copied on the window's thread.
    pub findings: Arc<Vec<Finding>>,
    /// Findings received while a job still holds [`LiveScan::findings`]: added at a later frame.
    waiting: Vec<Finding>,
    /// Unreadable paths so far (the first few hundred; the count is exact).
    pub errors: Vec<ScanError>,
    /// Progress as of the last frame.
    pub progress: Progress,
    /// The scan's job failed (a bug, caught): it ended early, with what was found until then.
    pub failed: bool,
}

/// The counts shown while a scan runs.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Files looked at.
    pub files_seen: u64,
    /// Folders entered.
    pub dirs_seen: u64,
    /// Unreadable paths.
    pub errors: u64,
    /// A folder being read.
    pub current: PathBuf,
    /// Time since the start.
    pub elapsed: Duration,
}

impl Progress {
    /// Files per second so far.
    pub fn rate(&self) -> u64 {
        let secs = self.elapsed.as_secs_f64();
        if secs < 0.05 {
            0
        } else {
            (self.files_seen as f64 / secs) as u64
        }
    }
}

impl LiveScan {
    /// A scan of `roots`, and the work that runs it. The app hands the work to its [`super::jobs::Jobs`]
    /// like every other background work (one way to run work: a panic in it is caught and its end is
    /// always delivered); the work posts its events here, and `wake` is called when there is something
    /// to show. A panic in one file's classification costs that file only (the engine catches it); a
    /// panic anywhere else ends the job, and [`LiveScan::end_failed`] keeps what was found so far.
    pub fn new(
        roots: Vec<PathBuf>,
        options: ScanOptions,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> (Self, impl FnOnce() -> Summary + Send + 'static) {
        let cancel = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Mutex::new(Shared::default()));
        let thread_roots = roots.clone();
        let thread_cancel = Arc::clone(&cancel);
        let thread_shared = Arc::clone(&shared);
        let work = move || {
            let on_event = |event: Event| {
                let Ok(mut s) = thread_shared.lock() else {
                    return;
                };
                match event {
                    Event::Progress {
                        files_seen,
                        dirs_seen,
                        current,
                    } => {
                        s.files_seen = s.files_seen.max(files_seen);
                        s.dirs_seen = s.dirs_seen.max(dirs_seen);
                        s.current = current;
                        drop(s);
                        wake();
                    }
                    Event::Finding(f) => s.findings.push(f),
                    Event::Error(e) => {
                        s.error_count += 1;
                        if s.errors.len() < scan::record::MAX_KEPT_ERRORS {
                            s.errors.push(e);
                        }
                    }
                }
            };
            let summary = scan::scan(&thread_roots, &options, &thread_cancel, &on_event);
            if let Ok(mut s) = thread_shared.lock() {
                s.files_seen = summary.files_seen;
                s.dirs_seen = summary.dirs_seen;
                s.done = Some(summary.clone());
            }
            wake();
            summary
        };
        let live = Self {
            roots,
            started_at: Timestamp::now(),
            started: Instant::now(),
            cancel,
            shared,
            findings: Arc::default(),
            waiting: Vec::new(),
            errors: Vec::new(),
            progress: Progress::default(),
            failed: false,
        };
        (live, work)
    }

    /// The scan's job ended without its summary (a panic outside a file's classification): the scan is
    /// over, with what was found so far, marked stopped, so that the next [`LiveScan::poll`] ends it.
    pub fn end_failed(&mut self) {
        self.failed = true;
        self.cancel.store(true, Ordering::Relaxed);
        if let Ok(mut s) = self.shared.lock()
            && s.done.is_none()
        {
            s.done = Some(Summary {
                files_seen: s.files_seen,
                dirs_seen: s.dirs_seen,
                errors: s.error_count,
                elapsed_ms: self.started.elapsed().as_millis() as u64,
                cancelled: true,
            });
        }
    }

    /// Asks the scan to stop; it ends within a few files, and its partial results are kept.
    pub fn stop(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether a stop was asked.
    pub fn stopping(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Takes what the thread reported since the last call; returns the summary once the scan has ended.
    pub fn poll(&mut self) -> Option<Summary> {
        let Ok(mut s) = self.shared.lock() else {
            return None;
        };
        self.waiting.append(&mut s.findings);
        drop(s);
        // Added only while no job holds the findings (else they would be copied here, on the window's
        // thread): a frame or two later at worst.
        if !self.waiting.is_empty()
            && let Some(findings) = Arc::get_mut(&mut self.findings)
        {
            findings.append(&mut self.waiting);
        }
        let Ok(mut s) = self.shared.lock() else {
            return None;
        };
        self.errors.append(&mut s.errors);
        self.progress = Progress {
            files_seen: s.files_seen,
            dirs_seen: s.dirs_seen,
            errors: s.error_count,
            current: s.current.clone(),
            elapsed: self.started.elapsed(),
        };
        // Findings still waiting are in the record all the same (`take_findings`).
        s.done.clone()
    }

    /// Every finding received, for the vault's record, without copying them on the window's thread
    /// (the copy, if a job still holds them, is made by `take`'s caller, in a job).
    pub fn take_findings(&mut self) -> (Arc<Vec<Finding>>, Vec<Finding>) {
        (
            std::mem::take(&mut self.findings),
            std::mem::take(&mut self.waiting),
        )
    }
}

impl Drop for LiveScan {
    fn drop(&mut self) {
        // A scan nobody will read (the vault was locked, the window closed) stops at once.
        self.stop();
    }
}
