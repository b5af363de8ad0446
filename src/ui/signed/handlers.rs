//! The signed self-assessment in the window: signing, exporting, countersigning with a consultant's key
//! file, importing a countersignature, verifying a file and countersigning it without a vault. What is
//! slow (key derivation, reading and writing files) runs in jobs; signing itself takes microseconds and
//! changes the vault's contents here, then the usual save writes them.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::assessment::bundle::{self, BundleError, FileSet};
use crate::assessment::{KeyFile, verify};
use crate::i18n::{Localize as _, T, tr};
use crate::output::OutputKind;
use crate::report::signed as signed_report;
use crate::ui::app::VigieApp;
use crate::ui::app::dialogs::Ask;
use crate::ui::command::{Command, JobOutput, KeyUse, SigningCommand, SigningOutput};
use crate::ui::jobs::JobKind;
use crate::ui::screen::Screen;
use crate::ui::signed::verify::VerifyView;
use crate::ui::signed::view::{KeyForms, SignedView};
use crate::ui::state::Notice;
use crate::vault::Unlock;

/// Whether a file starts like a ZIP archive: a `.vigie-assessment` bundle.
fn is_bundle(path: &Path) -> bool {
    let mut head = [0u8; 4];
    crate::fs::open_regular(path)
        .and_then(|(mut f, _)| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && head == *b"PK\x03\x04"
}

/// Reads a bundle's files, within the bundle's size bound.
fn read_bundle(path: &Path) -> Result<FileSet, BundleError> {
    let io = |source| BundleError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = match crate::fs::read_bounded(path, bundle::MAX_BUNDLE_BYTES) {
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            return Err(BundleError::TooLarge);
        }
        read => read.map_err(io)?,
    };
    FileSet::from_zip(&bytes)
}

impl VigieApp {
    fn key_forms(&mut self) -> Option<&mut KeyForms> {
        if self.screen.view::<SignedView>().is_some() {
            return self.screen.view_mut::<SignedView>().map(|v| &mut v.keys);
        }
        self.verify_view().map(|v| &mut v.keys)
    }

    fn verify_view(&mut self) -> Option<&mut VerifyView> {
        match &mut self.screen {
            Screen::Verify(view) => Some(view),
            screen => screen.view_mut::<VerifyView>(),
        }
    }

    /// Carries out a request of the signed-assessment screens.
    pub(crate) fn run_signing(&mut self, ctx: &egui::Context, command: SigningCommand) {
        let lang = self.lang;
        match command {
            SigningCommand::Sign => self.sign(ctx),
            SigningCommand::Export { id, dir } => self.export_signed(ctx, id, dir),
            SigningCommand::PickKeyFile(path) => {
                let path = if let Some(path) = path {
                    Some(path)
                } else {
                    let ask = Ask::open().filter(
                        T::SaKeyFilter.get(lang).to_owned(),
                        vec![KeyFile::EXTENSION],
                    );
                    self.ask_path(ctx, ask, |p| {
                        Command::Signing(SigningCommand::PickKeyFile(Some(p)))
                    })
                };
                if let (Some(path), Some(keys)) = (path, self.key_forms()) {
                    keys.key_path = Some(path);
                    keys.path_entry = None;
                }
            }
            SigningCommand::CountersignWithKey {
                id,
                key,
                passphrase,
                reason,
            } => self.open_key(ctx, KeyUse::Assessment(id), key, (passphrase, reason)),
            SigningCommand::CountersignBundle {
                key,
                passphrase,
                reason,
            } => {
                self.open_key(ctx, KeyUse::Bundle, key, (passphrase, reason));
            }
            SigningCommand::CountersignHead {
                key,
                passphrase,
                reason,
            } => {
                self.open_key(ctx, KeyUse::Head, key, (passphrase, reason));
            }
            SigningCommand::ReadHead(folder) => self.read_head(ctx, folder),
            SigningCommand::CreateKeyFile {
                name,
                organisation,
                passphrase,
                path,
            } => {
                if self.jobs.is_running(JobKind::KeyFile) {
                    return;
                }
                let path = if let Some(path) = path {
                    Some(path)
                } else {
                    let suggested = format!("{}.{}", crate::paths::slug(&name), KeyFile::EXTENSION);
                    let ask = Ask::save(
                        T::SaKeyFilter.get(lang).to_owned(),
                        KeyFile::EXTENSION,
                        suggested,
                    );
                    let (name, organisation, passphrase) =
                        (name.clone(), organisation.clone(), passphrase.clone());
                    self.ask_path(ctx, ask, move |p| {
                        Command::Signing(SigningCommand::CreateKeyFile {
                            name,
                            organisation,
                            passphrase,
                            path: Some(p),
                        })
                    })
                };
                let Some(mut path) = path else {
                    return;
                };
                if path.extension().is_none() {
                    path.set_extension(KeyFile::EXTENSION);
                }
                self.notice = None;
                self.jobs.spawn(ctx, JobKind::KeyFile, move |_| {
                    let result = KeyFile::create(&path, &passphrase, &name, &organisation)
                        .map(|(_, code)| (path, code))
                        .map_err(|e| e.localize(lang));
                    JobOutput::Signing(SigningOutput::KeyCreated(result))
                });
            }
            SigningCommand::KeyRecoveryDone => {
                if let Some(keys) = self.key_forms() {
                    keys.recovery = None;
                }
            }
            SigningCommand::Import(path) => self.import_bundle(ctx, path),
            SigningCommand::OpenVerify => {
                if self.session.is_some() {
                    self.run_command(ctx, Command::Navigate(crate::ui::signed::VERIFY_PAGE));
                } else {
                    self.notice = None;
                    self.screen = Screen::Verify(Box::default());
                }
            }
            SigningCommand::Verify(path) => self.verify_file(ctx, path),
            SigningCommand::SaveBundle(path) => self.save_bundle(ctx, path),
        }
    }

    /// Completes and signs the assessment, then saves.
    fn sign(&mut self, ctx: &egui::Context) {
        let lang = self.lang;
        let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
            return;
        };
        let signed = vault.sign_assessment(Timestamp::now()).map(|_| ());
        match signed {
            Ok(()) => {
                self.start_save(ctx);
                self.notice = Some(Notice::Info(T::SaSignedNotice.get(lang).to_owned()));
                if let Some(view) = self
                    .screen
                    .view_mut::<crate::ui::signed::view::SignedView>()
                {
                    view.confirm = false;
                }
            }
            Err(e) => self.notice = Some(Notice::Error(e.localize(lang))),
        }
    }

    /// Writes every file of a signed assessment into a folder, in a job.
    fn export_signed(&mut self, ctx: &egui::Context, id: String, dir: Option<PathBuf>) {
        let lang = self.lang;
        if self.jobs.is_running(JobKind::SignedFiles) {
            return;
        }
        let Some(vault) = self.vault() else {
            return;
        };
        let history = &vault.contents().assessments;
        let Some(index) = history.signed.iter().position(|s| s.id == id) else {
            return;
        };
        let set = history.signed[index].signature_set();
        let previous = index
            .checked_sub(1)
            .map(|i| history.signed[i].signature_set());
        let key = history.doctor_key.clone();
        let folder = signed_report::export_folder_name(&id, lang);
        // The evidence files travel with the set (shared bytes: no copy).
        let evidence = vault.contents().checklist.evidence.clone();
        let dir = if let Some(dir) = dir {
            Some(dir)
        } else {
            self.ask_path(ctx, Ask::folder(), move |d| {
                Command::Signing(SigningCommand::Export { id, dir: Some(d) })
            })
        };
        let Some(dir) = dir else {
            return;
        };
        // A subfolder of their own, inside the folder chosen.
        let dir = dir.join(folder);
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::SignedFiles, move |_| {
            // The report PDF is signed by the doctor, whose key the vault keeps.
            let signer = key.and_then(|k| k.signer());
            let result =
                signed_report::export_files(&set, previous.as_ref(), signer.as_ref(), lang)
                    .map_err(|e| e.localize(lang))
                    .map(|files| signed_report::with_evidence_and_sums(files, &set, &evidence))
                    .and_then(|files| {
                        // Never over a vault, its backups or anything but a plain file (an earlier
                        // export of the same assessment is replaced by the same files).
                        if dir.is_dir() {
                            for (name, _) in &files.files {
                                crate::output::check(&dir.join(name), OutputKind::Other, true)
                                    .map_err(|e| e.localize(lang))?;
                            }
                        }
                        signed_report::write_files(&dir, &files).map_err(|e| e.localize(lang))
                    })
                    .map(|written| {
                        let names = written
                            .iter()
                            .filter_map(|p| p.file_name())
                            .map(|n| n.to_string_lossy().into_owned())
                            .collect();
                        (dir, names)
                    });
            JobOutput::Signing(SigningOutput::Exported(result))
        });
    }

    /// Opens a consultant's key file in a job (its key derivation takes a second or two).
    fn open_key(
        &mut self,
        ctx: &egui::Context,
        target: KeyUse,
        key: PathBuf,
        (passphrase, reason): (zeroize::Zeroizing<String>, Option<String>),
    ) {
        if self.jobs.is_running(JobKind::KeyFile) {
            return;
        }
        let lang = self.lang;
        // What the consultant's pins are checked against: the practice and its doctor's key.
        let subject = match &target {
            KeyUse::Assessment(id) => self
                .vault()
                .and_then(|v| v.contents().assessments.get(id))
                .map(crate::assessment::SignedAssessment::pin_subject),
            KeyUse::Bundle => self
                .verify_view()
                .and_then(|v| v.loaded.as_ref())
                .and_then(|l| l.files.as_ref())
                .and_then(|f| f.signature_set().ok())
                .map(|set| set.pin_subject()),
            // A head names no practice: the consultant types it; the doctor's key is the head's
            // signer. An unsigned head has no doctor's key to compare.
            KeyUse::Head => {
                let Some(view) = self.verify_view() else {
                    return;
                };
                let Some((_, head)) = &view.head else {
                    return;
                };
                head.doctor_fingerprint.as_ref().map(|fp| {
                    Ok(crate::assessment::pins::PinSubject {
                        practice: view.head_practice.trim().to_owned(),
                        rpps: String::new(),
                        fingerprint: fp.clone(),
                    })
                })
            }
        };
        let subject = match subject {
            None if target == KeyUse::Head => None,
            None => return,
            Some(Err(e)) => {
                self.notice = Some(Notice::Error(e.localize(lang)));
                return;
            }
            Some(Ok(subject)) => Some(subject),
        };
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::KeyFile, move |_| {
            let opened = match &subject {
                Some(subject) => KeyFile::open_pinned(
                    &key,
                    Unlock::Passphrase(&passphrase),
                    subject,
                    reason.as_deref(),
                    Timestamp::now(),
                ),
                None => KeyFile::open(&key, Unlock::Passphrase(&passphrase))
                    .map(|signer| (signer, None)),
            };
            match opened {
                Err(crate::assessment::KeyFileError::KeyChanged(e)) => {
                    JobOutput::Signing(SigningOutput::KeyChanged(
                        crate::assessment::KeyFileError::KeyChanged(e).localize(lang),
                    ))
                }
                opened => JobOutput::Signing(SigningOutput::KeyOpened {
                    target,
                    result: opened
                        .map(|(signer, change)| (signer, change.map(Into::into)))
                        .map_err(|e| e.localize(lang)),
                }),
            }
        });
    }

    /// Reads a breach register export's folder for its head's countersignature, in a job (every event
    /// is recomputed, the doctor's signature of the head checked).
    fn read_head(&mut self, ctx: &egui::Context, folder: Option<PathBuf>) {
        let lang = self.lang;
        if self.jobs.is_running(JobKind::SignedFiles) {
            return;
        }
        let folder = if let Some(folder) = folder {
            Some(folder)
        } else {
            self.ask_path(ctx, Ask::folder(), |d| {
                Command::Signing(SigningCommand::ReadHead(Some(d)))
            })
        };
        let Some(folder) = folder else {
            return;
        };
        self.jobs.spawn(ctx, JobKind::SignedFiles, move |_| {
            let result = crate::report::head_countersign::read_to_countersign(&folder)
                .map(Box::new)
                .map_err(|e| crate::report::head_countersign::error_text(&e, &folder, lang));
            JobOutput::Signing(SigningOutput::HeadRead { folder, result })
        });
    }

    /// Reads a `.vigie-assessment` file brought back by the consultant, in a job.
    fn import_bundle(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let lang = self.lang;
        if self.jobs.is_running(JobKind::SignedFiles) || self.vault().is_none() {
            return;
        }
        let path = if let Some(path) = path {
            Some(path)
        } else {
            let ask = Ask::open().filter(
                T::SaBundleFilter.get(lang).to_owned(),
                vec![bundle::EXTENSION],
            );
            self.ask_path(ctx, ask, |p| {
                Command::Signing(SigningCommand::Import(Some(p)))
            })
        };
        let Some(path) = path else {
            return;
        };
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::SignedFiles, move |_| {
            let result = read_bundle(&path)
                .and_then(|files| files.signature_set())
                .map_err(|e| e.localize(lang));
            JobOutput::Signing(SigningOutput::BundleRead(result))
        });
    }

    /// Verifies a signed file in a job.
    fn verify_file(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let lang = self.lang;
        if self.jobs.is_running(JobKind::SignedFiles) {
            return;
        }
        let path = if let Some(path) = path {
            Some(path)
        } else {
            let ask = Ask::open().filter(
                T::SaSignedFilter.get(lang).to_owned(),
                vec![bundle::EXTENSION, "json", "pdf"],
            );
            self.ask_path(ctx, ask, |p| {
                Command::Signing(SigningCommand::Verify(Some(p)))
            })
        };
        let Some(path) = path else {
            return;
        };
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::SignedFiles, move |_| {
            let result = verify::verify_path(&path)
                .map_err(|verify::VerifyError::Bundle(e)| e.localize(lang))
                .map(|verification| {
                    // A bundle's files are kept, to countersign it.
                    let files = is_bundle(&path).then(|| read_bundle(&path).ok()).flatten();
                    (verification, files)
                });
            JobOutput::Signing(SigningOutput::Verified { path, result })
        });
    }

    /// Writes the countersigned bundle of the verify screen, in a job, then checks what was written.
    fn save_bundle(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let lang = self.lang;
        if self.jobs.is_running(JobKind::SignedFiles) {
            return;
        }
        let Some(set) = self.verify_view().and_then(|v| v.countersigned.clone()) else {
            return;
        };
        let ask = Ask::save(
            T::SaBundleFilter.get(lang).to_owned(),
            bundle::EXTENSION,
            signed_report::bundle_name(&set.id),
        );
        let target = self.chosen_target(path, |app| {
            app.ask_path(ctx, ask, |p| {
                Command::Signing(SigningCommand::SaveBundle(Some(p)))
            })
        });
        let Some((mut path, confirmed)) = target else {
            return;
        };
        if path.extension().is_none() {
            path.set_extension(bundle::EXTENSION);
        }
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::SignedFiles, move |_| {
            let howto = signed_report::how_to_verify(&set, None);
            let bytes = signed_report::bundle_bytes(&set, &howto);
            let result = crate::output::write(&path, &bytes, OutputKind::Other, confirmed)
                .map_err(|e| e.localize(lang))
                .map(|()| path);
            JobOutput::Signing(SigningOutput::BundleSaved(result))
        });
    }

    /// Takes what a signed-assessment job reports into the state.
    pub(crate) fn signing_output(&mut self, ctx: &egui::Context, output: SigningOutput) {
        let lang = self.lang;
        match output {
            SigningOutput::Exported(Ok((dir, names))) => {
                if let Some(keys) = self.key_forms() {
                    keys.path_entry = None;
                }
                self.notice = Some(Notice::Info(tr::sa_exported(
                    lang,
                    dir.display(),
                    names.join(", "),
                )));
            }
            SigningOutput::Exported(Err(e))
            | SigningOutput::KeyOpened { result: Err(e), .. }
            | SigningOutput::KeyCreated(Err(e))
            | SigningOutput::BundleRead(Err(e))
            | SigningOutput::BundleSaved(Err(e))
            | SigningOutput::HeadCountersigned(Err(e)) => self.notice = Some(Notice::Error(e)),
            SigningOutput::KeyChanged(message) => {
                if let Some(keys) = self.key_forms() {
                    keys.key_change = Some(message.clone());
                }
                self.notice = Some(Notice::Error(message));
            }
            SigningOutput::KeyOpened {
                target: KeyUse::Assessment(id),
                result: Ok((signer, change)),
            } => {
                let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                    return;
                };
                let accepted = change.as_ref().map(|c| c.reason.clone());
                let added =
                    vault.countersign_assessment_noted(&id, &signer, change, Timestamp::now());
                match added {
                    Ok(()) => {
                        self.start_save(ctx);
                        let mut shown = T::SaCountersigned.get(lang).to_owned();
                        if let Some(reason) = accepted {
                            shown = format!("{shown} {}", tr::sa_key_change_kept(lang, reason));
                        }
                        self.notice = Some(Notice::Info(shown));
                        if let Some(keys) = self.key_forms() {
                            keys.passphrase = zeroize::Zeroizing::default();
                            keys.countersign = None;
                            keys.key_change = None;
                            keys.key_change_reason.clear();
                        }
                    }
                    Err(e) => self.notice = Some(Notice::Error(e.localize(lang))),
                }
            }
            SigningOutput::KeyOpened {
                target: KeyUse::Bundle,
                result: Ok((signer, change)),
            } => {
                let Some(view) = self.verify_view() else {
                    return;
                };
                let Some(mut set) = view
                    .loaded
                    .as_ref()
                    .and_then(|l| l.files.as_ref())
                    .and_then(|f| f.signature_set().ok())
                else {
                    return;
                };
                if let Err(e) = set.countersign_noted(&signer, change, Timestamp::now()) {
                    self.notice = Some(Notice::Error(e.localize(lang)));
                    return;
                }
                view.countersigned = Some(set);
                view.keys.passphrase = zeroize::Zeroizing::default();
                view.keys.key_change = None;
                view.keys.key_change_reason.clear();
                // The verify screen says it, beside the button that saves the file.
                self.notice = None;
            }
            SigningOutput::KeyOpened {
                target: KeyUse::Head,
                result: Ok((signer, change)),
            } => {
                let Some(view) = self.verify_view() else {
                    return;
                };
                let Some((folder, head)) = view.head.clone() else {
                    return;
                };
                view.keys.passphrase = zeroize::Zeroizing::default();
                view.keys.key_change = None;
                view.keys.key_change_reason.clear();
                let accepted = change.map(|c| c.reason);
                self.jobs.spawn(ctx, JobKind::SignedFiles, move |_| {
                    let written = crate::report::head_countersign::countersign_into(
                        &folder,
                        &head,
                        &signer,
                        Timestamp::now(),
                    );
                    JobOutput::Signing(SigningOutput::HeadCountersigned(
                        written.map(|p| (p, accepted)).map_err(|e| e.localize(lang)),
                    ))
                });
            }
            SigningOutput::HeadRead { folder, result } => {
                let Some(view) = self.verify_view() else {
                    return;
                };
                view.keys.path_entry = None;
                view.head_written = None;
                view.head_confirmed = false;
                match result {
                    Ok(head) => view.head = Some((folder, head)),
                    Err(e) => {
                        view.head = None;
                        self.notice = Some(Notice::Error(e));
                    }
                }
            }
            SigningOutput::HeadCountersigned(Ok((path, accepted))) => {
                let mut shown = tr::sa_head_countersigned(lang, path.display());
                if let Some(reason) = accepted {
                    shown = format!("{shown} {}", tr::sa_key_change_kept(lang, reason));
                }
                self.notice = Some(Notice::Info(shown));
                if let Some(view) = self.verify_view() {
                    view.head_written = Some(path);
                }
            }
            SigningOutput::KeyCreated(Ok((path, code))) => {
                self.notice = Some(Notice::Info(tr::sa_key_created(lang, path.display())));
                if let Some(keys) = self.key_forms() {
                    keys.key_path = Some(path);
                    keys.recovery = Some(code);
                    keys.new_key = None;
                    keys.path_entry = None;
                }
            }
            SigningOutput::BundleRead(Ok(set)) => {
                let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                    return;
                };
                let imported = vault.import_countersignatures(&set);
                if let Some(keys) = self.key_forms() {
                    keys.path_entry = None;
                }
                match imported {
                    Ok(n) => {
                        self.start_save(ctx);
                        self.notice = Some(Notice::Info(tr::sa_imported(lang, n)));
                    }
                    Err(e) => self.notice = Some(Notice::Error(e.localize(lang))),
                }
            }
            SigningOutput::Verified { path, result } => {
                let Some(view) = self.verify_view() else {
                    return;
                };
                view.keys.path_entry = None;
                match result {
                    Ok((verification, files)) => view.set_result(path, verification, files),
                    Err(e) => {
                        view.loaded = None;
                        self.notice = Some(Notice::Error(e));
                    }
                }
            }
            SigningOutput::BundleSaved(Ok(path)) => {
                if let Some(view) = self.verify_view() {
                    view.countersigned = None;
                }
                let shown = tr::sa_bundle_saved(lang, path.display());
                // What was written is checked again, as the practice will: both signatures shown.
                self.verify_file(ctx, Some(path));
                self.notice = Some(Notice::Info(shown));
            }
        }
    }
}
