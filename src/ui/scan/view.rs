//! The Scan screen: where to look (suggested places and added folders), start and stop, live progress,
//! a summary in plain words, and the findings in a virtualised table (only the visible rows are drawn, so
//! it stays smooth with 100,000 rows) that can be sorted and filtered by risk, kind and folder.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use jiff::Timestamp;

use crate::i18n::tr;
use crate::i18n::{Lang, T, format_datetime};
use crate::present::scan::{cloud_name, plain_summary, risk_name};
use crate::scan::places::{Place, PlaceKind};
use crate::scan::record::{Remediation, RiskCounts, ScanRecord};
use crate::scan::{Finding, Risk};
use crate::ui::command::{Command, CommandSender};
use crate::ui::jobs::JobKind;
use crate::ui::scan::live::LiveScan;
use crate::ui::scan::order::{
    KindFilter, OrderKey, OrderRequest, OrderResult, RowText, SortBy, Source, compute_order,
};

/// The most findings whose table is put in order on the window's thread (a millisecond or two); more
/// are put in order in a background job.
const ORDER_HERE_AT_MOST: usize = 2_000;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// The order of the rows shown, computed in a background job when the filter, the sort or the findings
/// change; the one last computed is drawn meanwhile.
#[derive(Debug, Default)]
struct Order {
    key: Option<OrderKey>,
    computed_at: Option<Instant>,
    shown: Vec<u32>,
    /// One text per finding of the source the order was computed on.
    rows: Arc<Vec<RowText>>,
    /// The order asked for and not come back yet.
    pending: Option<OrderKey>,
}

/// The Scan page's state.
#[derive(Debug)]
pub struct ScanView {
    /// Suggested places, and whether each is chosen.
    pub places: Vec<(Place, bool)>,
    /// Folders added by the user (always chosen).
    pub added: Vec<PathBuf>,
    /// Risk shown (`None`: all).
    pub risk: Option<Risk>,
    /// Kinds shown.
    pub kind: KindFilter,
    /// Text the folder or name must contain.
    pub folder: String,
    /// Sort column.
    pub sort: SortBy,
    /// Ascending order (risk and size sort descending by default).
    pub ascending: bool,
    /// Whether the suggested places came (they are looked for in a background job).
    places_loaded: bool,
    /// The summary of the recorded scan shown, kept while the scan and language are the same.
    summary: Option<(SummaryKey, Vec<String>, RiskCounts)>,
    /// What became of each finding of the recorded scan shown (archived, deleted), with the summary.
    remediations: Vec<Remediation>,
    /// The risk counts of the scan running, kept while no finding is added.
    live_counts: Option<((Timestamp, usize), RiskCounts)>,
    order: Order,
    /// The "encrypt these files" panel, when open.
    pub archive: Option<Box<crate::ui::archive::view::ArchivePanel>>,
}

impl Default for ScanView {
    fn default() -> Self {
        Self::with_places(Vec::new())
    }
}

impl ScanView {
    /// The page before the suggested places are known (the app looks for them in a background job and
    /// hands them over with [`ScanView::set_places`]).
    pub fn new() -> Self {
        let mut view = Self::with_places(Vec::new());
        view.places_loaded = false;
        view
    }

    /// The page with the given places, all chosen.
    pub fn with_places(places: Vec<Place>) -> Self {
        Self {
            places_loaded: true,
            summary: None,
            remediations: Vec::new(),
            live_counts: None,
            places: places.into_iter().map(|p| (p, true)).collect(),
            added: Vec::new(),
            risk: None,
            kind: KindFilter::All,
            folder: String::new(),
            sort: SortBy::Risk,
            ascending: false,
            order: Order::default(),
            archive: None,
        }
    }

    /// Takes the suggested places found (again): a place unticked before stays unticked, new ones come
    /// ticked.
    pub fn set_places(&mut self, places: &[Place]) {
        let unticked: Vec<PathBuf> = self
            .places
            .iter()
            .filter(|(_, on)| !*on)
            .map(|(p, _)| p.path.clone())
            .collect();
        self.places = places
            .iter()
            .map(|p| (p.clone(), !unticked.contains(&p.path)))
            .collect();
        self.added.retain(|a| !places.iter().any(|p| p.path == *a));
        self.places_loaded = true;
    }

    /// Whether the suggested places are known.
    pub fn places_loaded(&self) -> bool {
        self.places_loaded
    }

    /// The plain-words summary and the counts of what remains of a recorded scan, computed once per
    /// scan, language and archive note (an archive or a deletion changes them).
    fn recorded_summary(
        &mut self,
        last: &ScanRecord,
        imaging: crate::practice::Imaging,
        lang: Lang,
    ) -> (Vec<String>, RiskCounts) {
        let key = (
            last.started_at,
            lang,
            imaging,
            last.archived.len(),
            last.archived.iter().map(|n| n.originals_removed).sum(),
        );
        match &self.summary {
            Some((k, lines, counts)) if *k == key => (lines.clone(), *counts),
            _ => {
                let lines = plain_summary(last, imaging, lang);
                let counts = last.remaining();
                self.remediations = last.remediations();
                self.summary = Some((key, lines.clone(), counts));
                (lines, counts)
            }
        }
    }

    /// The counts of the scan running, computed again only when findings were added.
    fn live_counts(&mut self, live: &LiveScan) -> RiskCounts {
        let key = (live.started_at, live.findings.len());
        match &self.live_counts {
            Some((k, counts)) if *k == key => *counts,
            _ => {
                let counts = RiskCounts::of(live.findings.iter());
                self.live_counts = Some((key, counts));
                counts
            }
        }
    }

    /// Adds a folder to scan (once).
    pub fn add_folder(&mut self, path: PathBuf) {
        if !self.added.contains(&path) && !self.places.iter().any(|(p, _)| p.path == path) {
            self.added.push(path);
        }
    }

    /// The folders chosen.
    pub fn roots(&self) -> Vec<PathBuf> {
        self.places
            .iter()
            .filter(|(_, on)| *on)
            .map(|(p, _)| p.path.clone())
            .chain(self.added.iter().cloned())
            .collect()
    }

    /// The indices of the findings shown, in order (for tests).
    pub fn shown(&self) -> &[u32] {
        &self.order.shown
    }

    /// Asks for the table's order when the filter, the sort or the findings changed (computed in a
    /// background job: see [`compute_order`]); while a scan adds rows, a few times a second at most.
    fn request_order(
        &mut self,
        source: Source,
        findings: &Arc<Vec<Finding>>,
        lang: Lang,
        busy: bool,
        commands: &CommandSender,
    ) {
        let key = (
            source,
            findings.len(),
            self.risk,
            self.kind,
            self.folder.to_lowercase(),
            self.sort,
            self.ascending,
            lang,
        );
        if self.order.key.as_ref() == Some(&key) || self.order.pending.as_ref() == Some(&key) {
            return;
        }
        // One at a time: the next is asked for when this one comes back.
        if busy {
            return;
        }
        let same_view = self.order.key.as_ref().is_some_and(|k| {
            (k.0, k.2, k.3, &k.4, k.5, k.6, k.7)
                == (key.0, key.2, key.3, &key.4, key.5, key.6, key.7)
        });
        if source.1
            && same_view
            && self
                .order
                .computed_at
                .is_some_and(|t| t.elapsed() < Duration::from_millis(400))
        {
            return;
        }
        // The texts already made for these findings are extended, not made again.
        let rows = self
            .order
            .key
            .as_ref()
            .filter(|k| k.0 == source && k.7 == lang)
            .map(|_| Arc::clone(&self.order.rows));
        let request = OrderRequest {
            key: key.clone(),
            findings: Arc::clone(findings),
            rows,
        };
        // A few thousand rows are put in order in a millisecond or two: at once, so that a filter
        // clicked shows its rows in the same frame. More go to a background job.
        if findings.len() <= ORDER_HERE_AT_MOST {
            self.take_order(compute_order(request));
            return;
        }
        self.order.pending = Some(key);
        commands.send(Command::OrderScanTable(Box::new(request)));
    }

    /// Takes the order computed in the background (an order for an older request is taken all the
    /// same: it is drawn until the next one comes back).
    pub fn take_order(&mut self, result: OrderResult) {
        if self.order.pending.as_ref() == Some(&result.key) {
            self.order.pending = None;
        }
        self.order.key = Some(result.key);
        self.order.rows = result.rows;
        self.order.shown = result.shown;
        self.order.computed_at = Some(Instant::now());
    }

    /// The order was not computed (its job failed): ask again at the next frame.
    pub fn order_failed(&mut self) {
        self.order.pending = None;
    }

    /// The indices shown and the rows' texts, if they were computed on the findings of `source`.
    fn order_for(&self, source: Source) -> Option<(&[u32], &[RowText])> {
        self.order
            .key
            .as_ref()
            .filter(|k| k.0 == source)
            .map(|_| (self.order.shown.as_slice(), self.order.rows.as_slice()))
    }

    fn sort_by(&mut self, column: SortBy) {
        if self.sort == column {
            self.ascending = !self.ascending;
        } else {
            self.sort = column;
            self.ascending = !matches!(column, SortBy::Risk | SortBy::Size);
        }
    }
}

fn place_name(place: &Place, lang: Lang) -> String {
    match &place.kind {
        PlaceKind::Documents => T::PlaceDocuments.get(lang).to_owned(),
        PlaceKind::Desktop => T::PlaceDesktop.get(lang).to_owned(),
        PlaceKind::Downloads => T::PlaceDownloads.get(lang).to_owned(),
        PlaceKind::Pictures => T::PlacePictures.get(lang).to_owned(),
        PlaceKind::Cloud(c) => tr::place_cloud(lang, cloud_name(*c)),
        PlaceKind::Removable => T::PlaceRemovable.get(lang).to_owned(),
        PlaceKind::Imaging(software) => tr::place_imaging(lang, software),
    }
}

/// What the recorded summary depends on: the scan, the language, its archive notes and deletions.
type SummaryKey = (Timestamp, Lang, crate::practice::Imaging, usize, u64);

/// The colour of a risk.
pub fn risk_color(risk: Risk) -> Color32 {
    match risk {
        Risk::High => theme::ERROR,
        Risk::Medium => Color32::from_rgb(0xa8, 0x5a, 0x00),
        Risk::Low => theme::ACCENT,
        Risk::None => theme::OK,
    }
}

fn elapsed_text(d: Duration) -> String {
    let s = d.as_secs();
    format!("{:02}:{:02}", s / 60, s % 60)
}

/// Draws the Scan page.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut ScanView) {
    let lang = cx.lang;
    let Some(vault) = cx.vault() else {
        return;
    };
    if !view.places_loaded
        && let Some(places) = cx.places
    {
        view.set_places(places);
    }
    let history = &vault.contents().scans;
    let live_scan = cx.scan;
    let export_busy = cx.busy(JobKind::WriteDocument);
    let places_pending = cx.places.is_none();
    let panel_context = crate::ui::archive::view::PanelContext::of(cx);
    let commands = cx.commands;
    let has_results = live_scan.is_some() || history.last.is_some();
    if has_results {
        // With results below, the title and the scan's buttons share a line: the table keeps the room.
        ui.horizontal(|ui| {
            ui.heading(T::ScanTitle.get(lang));
            ui.add_space(16.0);
            start_buttons(ui, lang, view, live_scan.is_some(), commands);
        });
    } else {
        ui.heading(T::ScanTitle.get(lang));
        ui.add(egui::Label::new(RichText::new(T::ScanIntro.get(lang)).weak()).wrap());
        ui.add_space(6.0);
    }
    places(
        ui,
        lang,
        view,
        (live_scan.is_some(), has_results, places_pending),
        commands,
    );
    ui.add_space(6.0);

    let not_kept = history
        .last
        .as_ref()
        .filter(|_| live_scan.is_none())
        .map_or(0, |l| l.not_kept());
    let (source, findings, summary_lines, counts) = if let Some(live) = live_scan {
        progress(ui, lang, live, commands);
        let counts = view.live_counts(live);
        ((live.started_at, true), &live.findings, Vec::new(), counts)
    } else if let Some(last) = &history.last {
        let secs = crate::locale::format_number(last.summary.elapsed_ms as f64 / 1000.0, 1, lang);
        let busy = export_busy;
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr::scan_last_run(
                    lang,
                    format_datetime(last.started_at, lang),
                    last.summary.files_seen,
                    &secs,
                ))
                .strong(),
            );
            if ui
                .add_enabled(!busy, egui::Button::new(T::ScanExportPdf.get(lang)))
                .clicked()
            {
                commands.send(Command::ExportReport {
                    kind: crate::report::Document::Scan(crate::report::scan::Detail::Folders),
                    lang,
                    path: None,
                });
            }
            if busy {
                widgets::busy(ui, T::Exporting.get(lang));
            }
            // Encrypted archives: from the findings to a verified archive.
            if view.archive.is_none()
                && ui
                    .button(T::ArchiveOpen.get(lang))
                    .on_hover_text(T::ArchiveOpenHint.get(lang))
                    .clicked()
            {
                commands.send(Command::Archive(
                    crate::ui::archive::command::ArchiveCommand::Open(
                        crate::ui::archive::command::ArchiveScope::HighRisk,
                    ),
                ));
            }
        });
        for note in &last.archived {
            ui.label(
                RichText::new(tr::archive_scan_note(
                    lang,
                    format_datetime(note.at, lang),
                    note.findings.len() as u64,
                    note.originals_removed,
                ))
                .color(theme::OK),
            );
        }
        let imaging = vault.contents().practice.setup.imaging();
        let (lines, counts) = view.recorded_summary(last, imaging, lang);
        ((last.started_at, false), &last.findings, lines, counts)
    } else {
        ui.label(T::ScanNeverRun.get(lang));
        return;
    };

    if !summary_lines.is_empty() {
        egui::Frame::new()
            .fill(theme::CARD_BG)
            .inner_margin(8.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                // Whole: the page scrolls, so no line is cut and no second scroll bar is needed.
                for line in &summary_lines {
                    ui.add(egui::Label::new(format!("• {line}")).wrap());
                }
            });
    }
    ui.add_space(4.0);
    filters(ui, lang, view, counts);
    view.request_order(
        source,
        findings,
        lang,
        cx.busy(JobKind::OrderScanTable),
        commands,
    );
    let shown_count = view.order_for(source).map(|(shown, _)| shown.len());
    if let Some(panel) = view.archive.as_deref_mut()
        && live_scan.is_none()
    {
        let shown = view
            .order
            .key
            .as_ref()
            .filter(|k| k.0 == source)
            .map_or(&[][..], |_| view.order.shown.as_slice());
        crate::ui::archive::view::show(ui, &panel_context, panel, findings, shown, commands);
        ui.add_space(4.0);
    }
    match shown_count {
        Some(count) => {
            ui.label(
                RichText::new(tr::scan_shown(lang, count, findings.len()))
                    .small()
                    .weak(),
            );
        }
        None => widgets::busy(ui, T::ScanOrdering.get(lang)),
    }
    if not_kept > 0 {
        ui.label(
            RichText::new(tr::scan_not_kept(lang, not_kept))
                .small()
                .weak(),
        );
    }
    let remediations = if live_scan.is_none() {
        std::mem::take(&mut view.remediations)
    } else {
        Vec::new()
    };
    table(ui, lang, view, (source, findings), &remediations, commands);
    if live_scan.is_none() {
        view.remediations = remediations;
    }
}

fn places(
    ui: &mut Ui,
    lang: Lang,
    view: &mut ScanView,
    (running, has_results, pending): (bool, bool, bool),
    commands: &CommandSender,
) {
    let chosen = view.roots().len();
    egui::CollapsingHeader::new(
        RichText::new(format!(
            "{} ({})",
            T::ScanWhere.get(lang),
            tr::scan_chosen(lang, chosen)
        ))
        .strong(),
    )
    .id_salt("scan_where")
    .default_open(!has_results)
    .show(ui, |ui| {
        if pending {
            widgets::busy(ui, T::ScanFindingPlaces.get(lang));
        } else {
            choose_places(ui, lang, view, running, commands);
            if ui
                .add_enabled(
                    !running,
                    egui::Button::new(T::ScanRefreshPlaces.get(lang)).small(),
                )
                .clicked()
            {
                commands.send(Command::RefreshPlaces);
            }
        }
    });
    if !has_results {
        ui.horizontal(|ui| start_buttons(ui, lang, view, running, commands));
    }
}

/// "Lancer l'analyse" and "Ajouter un dossier…".
fn start_buttons(
    ui: &mut Ui,
    lang: Lang,
    view: &ScanView,
    running: bool,
    commands: &CommandSender,
) {
    let roots = view.roots();
    if !running && widgets::primary_button(ui, T::ScanStart.get(lang), !roots.is_empty()).clicked()
    {
        commands.send(Command::StartScan(roots));
    }
    if ui
        .add_enabled(!running, egui::Button::new(T::ScanAddFolder.get(lang)))
        .clicked()
    {
        commands.send(Command::AddScanFolder(None));
    }
}

fn choose_places(
    ui: &mut Ui,
    lang: Lang,
    view: &mut ScanView,
    running: bool,
    commands: &CommandSender,
) {
    if view.places.is_empty() && view.added.is_empty() {
        ui.label(RichText::new(T::ScanNoPlace.get(lang)).weak());
    }
    if !view.places.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for (place, on) in &mut view.places {
                ui.add_enabled(!running, egui::Checkbox::new(on, place_name(place, lang)))
                    .on_hover_text(place.path.display().to_string());
            }
        });
    }
    let mut remove = None;
    for (i, path) in view.added.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{} : {}", T::PlaceAdded.get(lang), path.display()));
            if ui
                .add_enabled(
                    !running,
                    egui::Button::new(T::ScanRemoveFolder.get(lang)).small(),
                )
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        // The settings forget it too.
        commands.send(Command::RemoveScanFolder(view.added.remove(i)));
    }
}

fn progress(ui: &mut Ui, lang: Lang, live: &LiveScan, commands: &CommandSender) {
    let p = &live.progress;
    widgets::card(ui, T::ScanRunning.get(lang), |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr::scan_progress(
                lang,
                p.files_seen,
                p.rate(),
                elapsed_text(p.elapsed),
                live.findings.len(),
            ));
        });
        if !p.current.as_os_str().is_empty() {
            ui.add(
                egui::Label::new(
                    RichText::new(tr::scan_current_folder(
                        lang,
                        p.current.display().to_string(),
                    ))
                    .small()
                    .weak(),
                )
                .truncate(),
            );
        }
        if p.errors > 0 {
            ui.label(
                RichText::new(tr::scan_errors_count(lang, p.errors))
                    .small()
                    .color(theme::ERROR),
            );
        }
        if ui
            .add_enabled(!live.stopping(), egui::Button::new(T::ScanStop.get(lang)))
            .clicked()
        {
            commands.send(Command::StopScan);
        }
    });
}

fn filters(ui: &mut Ui, lang: Lang, view: &mut ScanView, counts: RiskCounts) {
    ui.horizontal_wrapped(|ui| {
        ui.label(T::ScanFilterRisk.get(lang));
        ui.selectable_value(&mut view.risk, None, T::ScanFilterAll.get(lang));
        for (risk, n) in [
            (Risk::High, counts.high),
            (Risk::Medium, counts.medium),
            (Risk::Low, counts.low),
            (Risk::None, counts.none),
        ] {
            let n = crate::locale::format_int(n, lang);
            let text = RichText::new(format!("{} ({n})", risk_name(risk).get(lang)))
                .color(risk_color(risk));
            ui.selectable_value(&mut view.risk, Some(risk), text);
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(T::ScanFilterKind.get(lang));
        egui::ComboBox::from_id_salt("scan_kind")
            .selected_text(view.kind.text().get(lang))
            .show_ui(ui, |ui| {
                for k in KindFilter::ALL {
                    ui.selectable_value(&mut view.kind, k, k.text().get(lang));
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        let label = ui.label(T::ScanFilterFolder.get(lang));
        ui.add(egui::TextEdit::singleline(&mut view.folder).desired_width(220.0))
            .labelled_by(label.id);
    });
}

fn header_button(ui: &mut Ui, view: &mut ScanView, column: SortBy, text: &str) {
    let arrow = if view.sort == column {
        if view.ascending { " ▲" } else { " ▼" }
    } else {
        ""
    };
    if ui
        .add(egui::Button::new(RichText::new(format!("{text}{arrow}")).strong()).frame(false))
        .clicked()
    {
        view.sort_by(column);
    }
}

/// A new breach from a finding: its kind in the title (never the file's name, which may name a
/// patient), the first facts the scan tells (images, identifying, a synced folder's copy elsewhere).
fn breach_from_finding(f: &Finding, what: &str, lang: Lang) -> Command {
    let identifying = f.identifying.name || f.identifying.id || f.identifying.birth_date;
    let details = crate::breach::Details {
        how_discovered: tr::breach_from_finding_how(
            lang,
            crate::i18n::format_date(crate::i18n::today(), lang),
        ),
        confidentiality: true,
        data_images: true,
        data_health: true,
        data_identity: identifying,
        people_patients: true,
        encrypted: if f.encrypted || f.volume_encrypted == Some(true) {
            crate::breach::Known::Yes
        } else if f.volume_encrypted == Some(false) {
            crate::breach::Known::No
        } else {
            crate::breach::Known::Unknown
        },
        ..crate::breach::Details::default()
    };
    Command::Breach(crate::ui::command::BreachCommand::Open {
        title: tr::breach_from_finding_title(lang, what),
        by: String::new(),
        details: Some(Box::new(details)),
        evidence: None,
    })
}

fn table(
    ui: &mut Ui,
    lang: Lang,
    view: &mut ScanView,
    (source, findings): (Source, &[Finding]),
    remediations: &[Remediation],
    commands: &CommandSender,
) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    // The buttons' column as wide as its two buttons in this language, so that neither is cut.
    let text_width = |ui: &Ui, text: &str| {
        egui::WidgetText::from(text)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Button,
            )
            .size()
            .x
    };
    let buttons = text_width(ui, T::ScanOpen.get(lang))
        + text_width(ui, T::BreachFromFinding.get(lang))
        + 4.0 * ui.spacing().button_padding.x
        + ui.spacing().item_spacing.x
        + 8.0;
    // The order computed for these findings (none yet while it is computed for a new scan).
    let current = view.order.key.as_ref().is_some_and(|k| k.0 == source);
    let shown = if current {
        std::mem::take(&mut view.order.shown)
    } else {
        Vec::new()
    };
    let rows = Arc::clone(&view.order.rows);
    TableBuilder::new(ui)
        .id_salt("scan_findings")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(78.0))
        .column(Column::initial(130.0).at_least(70.0).clip(true))
        .column(Column::remainder().at_least(90.0).clip(true))
        .column(Column::remainder().at_least(90.0).clip(true))
        .column(Column::exact(70.0))
        .column(Column::exact(buttons))
        // No scrolling of its own: inside the page's scroll area, the rows drawn are still only the
        // visible ones (the body follows the page's clip rectangle), and the table is as tall as the
        // window once scrolled to.
        .vscroll(false)
        .header(row_height + 4.0, |mut header| {
            header.col(|ui| header_button(ui, view, SortBy::Risk, T::ScanColRisk.get(lang)));
            header.col(|ui| header_button(ui, view, SortBy::Name, T::ScanColName.get(lang)));
            header.col(|ui| header_button(ui, view, SortBy::Folder, T::ScanColFolder.get(lang)));
            header.col(|ui| header_button(ui, view, SortBy::Kind, T::ScanColFlags.get(lang)));
            header.col(|ui| header_button(ui, view, SortBy::Size, T::ScanColSize.get(lang)));
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(row_height, shown.len(), |mut row| {
                let i = shown[row.index()] as usize;
                let (f, t) = (&findings[i], &rows[i]);
                row.col(|ui| match remediations.get(i).copied() {
                    // Archived and deleted: no longer at risk where it was found.
                    Some(Remediation::Removed { at }) => {
                        ui.label(
                            RichText::new(T::ScanStateArchived.get(lang))
                                .color(theme::OK)
                                .strong(),
                        )
                        .on_hover_text(tr::scan_archived_on(lang, format_datetime(at, lang)));
                    }
                    Some(Remediation::Archived { at }) => {
                        ui.label(
                            RichText::new(risk_name(f.risk).get(lang))
                                .color(risk_color(f.risk))
                                .strong(),
                        )
                        .on_hover_text(tr::scan_archived_kept(lang, format_datetime(at, lang)));
                    }
                    _ => {
                        ui.label(
                            RichText::new(risk_name(f.risk).get(lang))
                                .color(risk_color(f.risk))
                                .strong(),
                        );
                    }
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(&t.name)
                            .truncate()
                            .show_tooltip_when_elided(false),
                    )
                    .on_hover_text(f.path.display().to_string());
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(&t.folder)
                            .truncate()
                            .show_tooltip_when_elided(false),
                    )
                    .on_hover_text(&t.folder);
                });
                row.col(|ui| {
                    let hover = match crate::present::scan::risk_explanation(f.risk) {
                        Some(e) => format!("{}\n\n{}", t.what, e.get(lang)),
                        None => t.what.clone(),
                    };
                    ui.add(
                        egui::Label::new(&t.what)
                            .truncate()
                            .show_tooltip_when_elided(false),
                    )
                    .on_hover_text(hover);
                });
                row.col(|ui| {
                    ui.label(&t.size);
                });
                row.col(|ui| {
                    if ui
                        .small_button(T::ScanOpen.get(lang))
                        .on_hover_text(T::ScanOpenFolder.get(lang))
                        .clicked()
                    {
                        commands.send(Command::OpenFolder(f.path.clone()));
                    }
                    // A finding can be the start of a breach.
                    if ui
                        .small_button(T::BreachFromFinding.get(lang))
                        .on_hover_text(T::BreachFromFindingHint.get(lang))
                        .clicked()
                    {
                        commands.send(breach_from_finding(f, &t.what, lang));
                    }
                });
            });
        });
    if current {
        view.order.shown = shown;
    }
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    let mut view = ScanView::new();
    if let Some(places) = init.places {
        view.set_places(places);
    }
    for folder in init.scan_folders {
        view.add_folder(folder.clone());
    }
    crate::ui::page::Page::new(super::PAGE, view)
}

impl crate::ui::page::PageView for ScanView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
