//! Embeds the icon and the version information in the Windows executable (Explorer, the taskbar and the
//! installer show them). Nothing happens for other targets, so building on Linux or macOS needs no tool;
//! cross-building for Windows needs mingw's `x86_64-w64-mingw32-windres` (Debian:
//! binutils-mingw-w64-x86-64), building on Windows the SDK's `rc.exe` or mingw's `windres`.

fn main() {
    println!("cargo:rerun-if-changed=assets/icon/vigie.ico");
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon/vigie.ico")
        .set("ProductName", "Vigie")
        .set(
            "FileDescription",
            "Vigie — sécurité des données de santé du cabinet",
        )
        .set("CompanyName", "Vigie")
        .set("LegalCopyright", "Apache-2.0")
        .set("OriginalFilename", "vigie.exe")
        .set("InternalName", "vigie")
        .set("ProductVersion", &version)
        .set("FileVersion", &version)
        // French (France) first: the language of our users.
        .set_language(0x040c);
    if let Err(e) = res.compile() {
        // A Windows build without its icon and version would look like malware to the doctor: stop.
        panic!(
            "could not embed the Windows resources (icon, version): {e}. Install mingw's windres \
             (Debian: binutils-mingw-w64-x86-64) or the Windows SDK."
        );
    }
}
