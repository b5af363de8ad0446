//! What the Scan page's "encrypt these files" panel asks for, and what its jobs report.

use std::path::PathBuf;

/// Which findings go into the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveScope {
    /// The high-risk ones.
    HighRisk,
    /// Those the table shows (its filters chosen by the doctor).
    Shown,
}

/// What the Scan page's "encrypt these files" panel asks for.
#[derive(Debug)]
pub enum ArchiveCommand {
    /// Open the panel, with the files picked by this scope.
    Open(ArchiveScope),
    /// Close it.
    Close,
    /// Choose where the archive goes; `None` asks with a save dialog (the path can always be typed
    /// instead).
    ChooseOut(Option<PathBuf>),
    /// Make the archive, as set in the panel.
    Start,
    /// Stop the archive being made (nothing is left behind).
    Cancel,
    /// Remove the originals of the verified archive (the panel's confirmation is ticked).
    RemoveOriginals,
    /// Save the practice's archive key as an age identity file; `None` asks where.
    SaveKeySheet(Option<PathBuf>),
    /// Read back and verify the archive a run left unrecorded (the vault's pending note), then record
    /// it if it is that archive, intact.
    SettlePending,
    /// Forget the pending note (its file, if any, is left as it is and not recorded).
    ForgetPending,
}

/// What an archive job reports.
#[derive(Debug)]
pub enum ArchiveOutput {
    /// The archive was made and verified, or why not (in the user's language).
    Made(Result<Box<crate::archive::Archived>, String>),
    /// The originals were removed (those that still matched), or why not.
    Removed(Result<crate::archive::Removal, String>),
    /// The key sheet was written, or why not.
    KeySheet(Result<PathBuf, String>),
    /// What reading back the pending archive found (nothing changed yet).
    PendingChecked(
        crate::archive::PendingArchive,
        crate::practice_file::PendingArchiveCheck,
    ),
}
