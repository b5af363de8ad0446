//! The egui shell. The only module that imports egui and eframe.
//!
//! One folder per feature, each with its page view, its commands' handlers and its jobs' results:
//! `vault` (the screens before the main window), `dashboard`, `checklist`, `plan`, `scan`, `archive`,
//! `system`, `breaches`, `signed`, `reports`, `profile`, `settings`. Around them:
//! - `page`: what a page is (its kind and its view); `pages`: the one table of the pages (order,
//!   navigation, keys, how each opens);
//! - `app`: the application, the frame loop, `run_command` (`app/commands.rs`), job results
//!   (`app/job_results.rs`), saving what was typed and locking (`app/lock.rs`), file dialogs;
//! - `command`: what views send (through the `CommandSender` of their context), and what jobs report;
//! - `jobs`: background work on named threads, a panic caught and reported; `platform`: showing a
//!   folder in the system's file manager;
//! - `state`: what the window shows (screen, session and saves, notice); `view`: the context handed to
//!   every view; `shell`: the window's frame and the main window's navigation; `widgets`, `theme`.
//!
//! No module of `ui` imports one that imports it back (`tests/it/architecture.rs`).

pub mod app;
pub mod archive;
pub mod breaches;
pub mod checklist;
pub mod command;
pub mod dashboard;
pub mod jobs;
pub mod page;
pub mod pages;
pub mod plan;
pub mod platform;
pub mod processors;
pub mod profile;
pub mod register;
pub mod reports;
pub mod scan;
pub mod screen;
pub mod settings;
pub mod shell;
pub mod signed;
pub mod state;
pub mod system;
pub mod theme;
pub mod vault;
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
