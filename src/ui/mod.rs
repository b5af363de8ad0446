//! The egui shell. The only module that imports egui and eframe.
//!
//! - `state`: what the window shows (screen, page, session and saves, notice), apart from the code that
//!   changes it; `view`: the context handed to every screen (language, jobs, settings, session, command
//!   queue) — no screen holds the app;
//! - `app`: the application, the frame loop, `run_command` (`app/commands.rs`), job results
//!   (`app/job_results.rs`), saving what was typed and locking (`app/lock.rs`);
//! - `command`: what screens ask for, and what background jobs report;
//! - `jobs`: named background threads with channels and a cancel flag; `scan_run`: the folder scan's
//!   thread and its live results; `platform`: showing a folder in the system's file manager;
//! - `screens`: one file per screen; `widgets`: small reusable pieces; `theme`: fonts and colours.

pub mod app;
pub mod command;
pub mod jobs;
pub mod platform;
pub mod scan_run;
pub mod screens;
pub mod state;
pub mod theme;
pub mod view;
pub mod widgets;

pub use app::VigieApp;

use crate::i18n::Lang;
use crate::paths::DataDir;

/// Opens the window and runs until it is closed.
pub fn run(data_dir: DataDir, lang: Option<Lang>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Vigie")
            .with_app_id("vigie")
            .with_inner_size([1100.0, 780.0])
            .with_min_inner_size([760.0, 560.0])
            .with_icon(std::sync::Arc::new(egui::IconData {
                rgba: include_bytes!("../../assets/icon/vigie-64.rgba").to_vec(),
                width: 64,
                height: 64,
            })),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Vigie",
        options,
        Box::new(move |cc| Ok(Box::new(VigieApp::new(&cc.egui_ctx, data_dir, lang)))),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}
