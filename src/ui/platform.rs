//! Showing a file in the system's file manager. Written by hand rather than with the `opener` crate:
//! its "reveal" feature pulls in D-Bus on Linux, while the three system commands below do the job.

use std::path::{Path, PathBuf};

/// The command that shows `path` in the file manager: the file selected in its folder on Windows
/// (`explorer /select,"C:\\folder\\file"`) and macOS (`open -R`), its folder on Linux and others
/// (`xdg-open`). [`reveal`] runs exactly this command.
pub fn reveal_command(path: &Path) -> std::process::Command {
    #[cfg(windows)]
    {
        // Explorer wants `/select,"C:\a folder\file"`, quoted after the comma, not the whole argument:
        // the argument goes as it is, without the quoting Rust would add.
        use std::os::windows::process::CommandExt as _;
        let mut raw = std::ffi::OsString::from("/select,\"");
        raw.push(path.as_os_str());
        raw.push("\"");
        let mut command = std::process::Command::new("explorer");
        command.raw_arg(raw);
        command
    }
    #[cfg(target_os = "macos")]
    {
        let mut command = std::process::Command::new("open");
        command.arg("-R").arg(path);
        command
    }
    #[cfg(not(any(windows, target_os = "macos")))]
    {
        let mut command = std::process::Command::new("xdg-open");
        command.arg(containing_folder(path));
        command
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

/// Shows `path` in the file manager. The program runs on its own; a thread waits for it so that it
/// leaves nothing behind.
pub fn reveal(path: &Path) -> std::io::Result<()> {
    let mut child = reveal_command(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    std::thread::Builder::new()
        .name("vigie-reveal".to_owned())
        .spawn(move || {
            let _ = child.wait();
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use super::*;

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
        let (program, args) = program_and_args(&reveal_command(&file));
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
            let (_, args) = program_and_args(&reveal_command(&folder));
            assert_eq!(args, vec![folder.clone().into_os_string()]);
        }
    }
}
