//! Showing a file in the system's file manager. Written by hand rather than with the `opener` crate:
//! its "reveal" feature pulls in D-Bus on Linux, while the three system commands below do the job.

use std::path::{Path, PathBuf};

/// The commands that can show `path` in the file manager, the first one found being used: the file
/// selected in its folder on Windows (`explorer /select,"C:\\folder\\file"`) and macOS (`open -R`), its
/// folder on Linux and others (`xdg-open`, then `gio open`: a bare desktop often has only one of them).
pub fn reveal_commands(path: &Path, folder: &Path) -> Vec<std::process::Command> {
    #[cfg(windows)]
    {
        let _ = folder;
        // Explorer wants `/select,"C:\a folder\file"`, quoted after the comma, not the whole argument:
        // the argument goes as it is, without the quoting Rust would add.
        use std::os::windows::process::CommandExt as _;
        let mut raw = std::ffi::OsString::from("/select,\"");
        raw.push(path.as_os_str());
        raw.push("\"");
        let mut command = std::process::Command::new("explorer");
        command.raw_arg(raw);
        vec![command]
    }
    #[cfg(target_os = "macos")]
    {
        let _ = folder;
        let mut command = std::process::Command::new("open");
        command.arg("-R").arg(path);
        vec![command]
    }
    #[cfg(not(any(windows, target_os = "macos")))]
    {
        let _ = path;
        let mut xdg = std::process::Command::new("xdg-open");
        xdg.arg(folder);
        let mut gio = std::process::Command::new("gio");
        gio.arg("open").arg(folder);
        vec![xdg, gio]
    }
}

/// The folder to show for a path: the path itself if it is a folder, else its parent.
pub fn containing_folder(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .map_or_else(|| path.to_path_buf(), Path::to_path_buf)
    }
}

/// Why a folder could not be shown.
#[derive(Debug)]
pub enum RevealError {
    /// The folder is not there any more.
    Gone(PathBuf),
    /// None of the programs that open folders is installed.
    NoProgram(PathBuf),
    /// The programs ran and said they failed (the last one and its exit code, for the log): on a
    /// desktop without a file manager.
    Failed {
        /// The folder.
        folder: PathBuf,
        /// The program.
        program: String,
        /// Its exit code.
        code: Option<i32>,
    },
    /// The program could not be started.
    Io(PathBuf, std::io::Error),
}

/// How long to wait for the program's answer: `xdg-open` and `gio` hand the folder to the file manager
/// and end; a program still running after this is taken as having shown it.
const ANSWER_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Shows `path` (a file: its folder; a folder: itself) in the file manager. Slow (it looks at the disk
/// and waits for the program's answer): called in a background job. A program left running is waited
/// for by a thread of its own, so that it leaves nothing behind.
pub fn reveal(path: &Path) -> Result<(), RevealError> {
    if !path.exists() {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(path)
            .to_path_buf();
        if !folder.is_dir() {
            return Err(RevealError::Gone(folder));
        }
    }
    let folder = containing_folder(path);
    // `xdg-open` on a desktop without a file manager fails (it hands over to `gio`, which has no
    // program for folders): the next command is tried, and the last failure is the answer.
    let mut failed = None;
    for mut command in reveal_commands(path, &folder) {
        let program = command.get_program().to_string_lossy().into_owned();
        let spawned = command
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        let mut child = match spawned {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(RevealError::Io(folder, e)),
            Ok(child) => child,
        };
        let started = std::time::Instant::now();
        loop {
            match child.try_wait() {
                // Explorer answers 1 even when it showed the file.
                Ok(Some(status)) if status.success() || cfg!(windows) => return Ok(()),
                Ok(Some(status)) => {
                    failed = Some(RevealError::Failed {
                        folder: folder.clone(),
                        program,
                        code: status.code(),
                    });
                    break;
                }
                Ok(None) if started.elapsed() < ANSWER_WAIT => {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Ok(None) | Err(_) => {
                    let _ = std::thread::Builder::new()
                        .name("vigie-reveal".to_owned())
                        .spawn(move || {
                            let _ = child.wait();
                        });
                    return Ok(());
                }
            }
        }
    }
    Err(failed.unwrap_or(RevealError::NoProgram(folder)))
}

/// What `VIGIE_FILE_DIALOG` may ask: `vigie` for Vigie's own dialog, `system` for the system's.
pub const FILE_DIALOG_ENV: &str = "VIGIE_FILE_DIALOG";

/// Whether the system can show its own file dialog (`rfd`). Windows and macOS always can. Elsewhere
/// `rfd` asks the desktop's portal over D-Bus, then `zenity`; a bare desktop has neither, and `rfd` then
/// answers exactly as if the user had cancelled: Vigie shows its own dialog instead
/// (`widgets::file_dialog`). `VIGIE_FILE_DIALOG=vigie` or `=system` decides instead of this guess.
/// Reads a few small files: called once, before the window draws.
pub fn system_file_dialog() -> bool {
    match std::env::var(FILE_DIALOG_ENV).as_deref() {
        Ok("vigie") => return false,
        Ok("system") => return true,
        _ => {}
    }
    if cfg!(any(windows, target_os = "macos")) {
        return true;
    }
    on_path("zenity") || file_chooser_portal()
}

/// Whether `program` is in one of the `PATH` folders.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Whether a session bus, the portal service and a portal implementing the file chooser are there.
fn file_chooser_portal() -> bool {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    if !bus {
        return false;
    }
    let data_dirs = std::env::var_os("XDG_DATA_DIRS")
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".into());
    let dirs: Vec<PathBuf> = std::env::split_paths(&data_dirs).collect();
    let service = dirs.iter().any(|d| {
        d.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
            .is_file()
    });
    service
        && dirs.iter().any(|d| {
            std::fs::read_dir(d.join("xdg-desktop-portal/portals"))
                .into_iter()
                .flatten()
                .flatten()
                .any(|e| {
                    crate::fs::read_bounded_to_string(&e.path(), crate::fs::MAX_TEXT_FILE_BYTES)
                        .is_ok_and(|t| t.contains("org.freedesktop.impl.portal.FileChooser"))
                })
        })
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use super::*;

    fn reveal_command_first(path: &Path) -> std::process::Command {
        reveal_commands(path, &containing_folder(path)).remove(0)
    }

    fn program_and_args(command: &std::process::Command) -> (OsString, Vec<OsString>) {
        (
            command.get_program().to_owned(),
            command.get_args().map(ToOwned::to_owned).collect(),
        )
    }

    /// The exact command line the file manager gets, on each platform, for a path with a space and an
    /// accent (the usual case in a practice: "Dossier Mme Dupré").
    #[test]
    fn the_file_manager_is_given_the_file_or_its_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("Dossier Mme Dupré");
        std::fs::create_dir(&folder).expect("mkdir");
        let file = folder.join("IM 0001.dcm");
        std::fs::write(&file, b"x").expect("write");
        let (program, args) = program_and_args(&reveal_command_first(&file));
        if cfg!(windows) {
            assert_eq!(program, "explorer");
            let mut expected = OsString::from("/select,\"");
            expected.push(file.as_os_str());
            expected.push("\"");
            assert_eq!(args, vec![expected]);
        } else if cfg!(target_os = "macos") {
            assert_eq!(program, "open");
            assert_eq!(args, vec![OsString::from("-R"), file.clone().into()]);
        } else {
            assert_eq!(program, "xdg-open");
            assert_eq!(args, vec![folder.clone().into_os_string()]);
            // A folder itself is opened, not its parent.
            let (_, args) = program_and_args(&reveal_command_first(&folder));
            assert_eq!(args, vec![folder.clone().into_os_string()]);
            // Without xdg-open, `gio open` is tried.
            let commands = reveal_commands(&file, &folder);
            let (program, args) = program_and_args(&commands[1]);
            assert_eq!(program, "gio");
            assert_eq!(args, vec![OsString::from("open"), folder.clone().into()]);
        }
    }

    /// A folder that is gone is said so, not "No such file or directory" about the program.
    #[test]
    fn a_missing_folder_is_named_as_gone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let gone = dir.path().join("parti").join("IM0001.dcm");
        assert!(
            matches!(reveal(&gone), Err(RevealError::Gone(f)) if f == dir.path().join("parti"))
        );
    }
}
