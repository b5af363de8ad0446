//! Showing a file in the system's file manager. Written by hand rather than with the `opener` crate:
//! its "reveal" feature pulls in D-Bus on Linux, while the three system commands below do the job.

use std::ffi::OsString;
use std::path::Path;

/// The program and arguments that show `path` in the file manager: the file selected in its folder on
/// Windows (`explorer /select,`) and macOS (`open -R`), its folder on Linux and others (`xdg-open`).
pub fn reveal_command(path: &Path) -> (OsString, Vec<OsString>) {
    if cfg!(windows) {
        let mut arg = OsString::from("/select,");
        arg.push(path.as_os_str());
        ("explorer".into(), vec![arg])
    } else if cfg!(target_os = "macos") {
        (
            "open".into(),
            vec!["-R".into(), path.as_os_str().to_owned()],
        )
    } else {
        let folder = crate::ui::screens::scan::containing_folder(path);
        ("xdg-open".into(), vec![folder.into_os_string()])
    }
}

/// Shows `path` in the file manager. The program runs on its own; a thread waits for it so that it
/// leaves nothing behind.
pub fn reveal(path: &Path) -> std::io::Result<()> {
    let (program, args) = reveal_command(path);
    let mut command = std::process::Command::new(program);
    #[cfg(windows)]
    {
        // Explorer wants `/select,"C:\a folder\file"`, quoted after the comma, not the whole argument.
        use std::os::windows::process::CommandExt;
        let _ = args;
        let mut raw = OsString::from("/select,\"");
        raw.push(path.as_os_str());
        raw.push("\"");
        command.raw_arg(raw);
    }
    #[cfg(not(windows))]
    command.args(args);
    let mut child = command
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
    use super::*;

    #[test]
    fn the_file_manager_is_asked_for_the_files_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("IM0001.dcm");
        std::fs::write(&file, b"x").expect("write");
        let (program, args) = reveal_command(&file);
        if cfg!(windows) {
            assert_eq!(program, "explorer");
            assert!(args[0].to_string_lossy().starts_with("/select,"));
        } else if cfg!(target_os = "macos") {
            assert_eq!(program, "open");
        } else {
            assert_eq!(program, "xdg-open");
            assert_eq!(args, vec![dir.path().as_os_str().to_owned()]);
        }
    }
}
