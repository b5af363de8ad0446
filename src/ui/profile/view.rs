//! The practice profile form, asked at first run and editable at any time.

use egui::{RichText, Ui};

use crate::i18n::{Lang, Localize as _, T, names};
use crate::practice::{
    Exercise, Field, FieldError, Known, ProfileDraft, RecordsHosting, Specialty,
};
use crate::ui::command::Command;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// The profile form.
#[derive(Debug)]
pub struct ProfileForm {
    /// What is being typed.
    pub draft: ProfileDraft,
    /// The errors of the last attempt to save.
    pub errors: Vec<(Field, FieldError)>,
    /// Part of the first-run flow (saving goes on to the dashboard).
    pub first_run: bool,
    /// The last save succeeded and nothing changed since.
    pub saved: bool,
    /// A save was refused: bring the first field in error into view, with the keyboard in it.
    pub show_first_error: bool,
}

impl ProfileForm {
    /// A form filled with `draft`.
    pub fn new(draft: ProfileDraft, first_run: bool) -> Self {
        Self {
            draft,
            errors: Vec::new(),
            first_run,
            saved: false,
            show_first_error: false,
        }
    }

    /// After a change: the fields already in error are checked again, so that an error goes away as
    /// soon as its field is fixed (and changes as it is typed); no new error appears while typing.
    pub fn recheck(&mut self) {
        if self.errors.is_empty() {
            return;
        }
        let now = self.draft.validate().err().unwrap_or_default();
        self.errors = now
            .into_iter()
            .filter(|(f, _)| self.errors.iter().any(|(g, _)| g == f))
            .collect();
    }

    /// Refuses the save with these errors: shown at their fields, the first one brought into view.
    pub fn refuse(&mut self, errors: Vec<(Field, FieldError)>) {
        self.errors = errors;
        self.show_first_error = true;
    }
}

fn section(ui: &mut Ui, title: T, lang: Lang) {
    ui.add_space(10.0);
    ui.label(
        RichText::new(title.get(lang))
            .family(theme::bold())
            .size(17.0),
    );
}

/// A yes / no / "I don't know" question.
fn known(ui: &mut Ui, question: T, value: &mut Known, lang: Lang) {
    let label = ui.label(question.get(lang));
    ui.horizontal(|ui| {
        for (v, text) in [
            (Known::Yes, T::AnswerYes),
            (Known::No, T::AnswerNo),
            (Known::Unknown, T::AnswerDontKnow),
        ] {
            ui.radio_value(value, v, text.get(lang))
                .labelled_by(label.id);
        }
    });
}

/// Draws the profile form.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, form: &mut ProfileForm) {
    let lang = cx.lang;
    let stored = cx.vault().map(|v| v.contents().practice.to_draft());
    let commands = cx.commands;
    ui.heading(T::ProfileTitle.get(lang));
    ui.add(egui::Label::new(T::ProfileIntro.get(lang)).wrap());
    let before = form.draft.clone();

    section(ui, T::IdentityHeading, lang);
    let d = &mut form.draft;
    let first_error = form
        .show_first_error
        .then(|| form.errors.first().map(|(f, _)| *f))
        .flatten();
    form.show_first_error = false;
    let field = |ui: &mut Ui,
                 label: T,
                 value: &mut String,
                 which: Option<Field>,
                 errors: &[(Field, FieldError)]| {
        let response = widgets::labelled_field(ui, label.get(lang), value, None);
        if let Some(e) = which.and_then(|w| errors.iter().find(|(f, _)| *f == w)) {
            widgets::field_error(ui, &e.1.localize(lang));
            if which == first_error {
                response.request_focus();
                response.scroll_to_me(Some(egui::Align::Center));
            }
        }
    };
    let errors = form.errors.clone();
    field(
        ui,
        T::PracticeNameLabel,
        &mut d.name,
        Some(Field::Name),
        &errors,
    );
    field(ui, T::PractitionerLabel, &mut d.practitioner, None, &errors);
    field(ui, T::RppsLabel, &mut d.rpps, Some(Field::Rpps), &errors);
    // The doctor's signing key, once made (first signed assessment): the anchor a reader compares a
    // signed document's key with. Monospace, never wrapped.
    if let Some(fp) = cx
        .vault()
        .and_then(|v| v.contents().assessments.doctor_key.as_ref())
        .map(|k| k.identity.fingerprint())
    {
        ui.label(RichText::new(T::ProfileSigningKey.get(lang)).weak());
        ui.add(egui::Label::new(RichText::new(fp).monospace()).extend());
    }
    let label = ui.label(T::SpecialtyLabel.get(lang));
    egui::ComboBox::from_id_salt("specialty")
        .selected_text(names::specialty(d.specialty).get(lang))
        .show_ui(ui, |ui| {
            for s in Specialty::ALL {
                ui.selectable_value(&mut d.specialty, s, names::specialty(s).get(lang));
            }
        })
        .response
        .labelled_by(label.id);
    widgets::labelled_multiline(ui, T::AddressLabel.get(lang), &mut d.address);
    field(ui, T::SiretLabel, &mut d.siret, Some(Field::Siret), &errors);
    field(ui, T::EmailLabel, &mut d.email, Some(Field::Email), &errors);

    section(ui, T::StaffHeading, lang);
    ui.checkbox(&mut d.setup.staff.secretary, T::StaffSecretary.get(lang));
    ui.checkbox(&mut d.setup.staff.locums, T::StaffLocums.get(lang));
    ui.checkbox(&mut d.setup.staff.assistants, T::StaffAssistants.get(lang));

    section(ui, T::ImagingHeading, lang);
    if d.setup.imaging_to_confirm {
        ui.label(RichText::new(T::ImagingToConfirm.get(lang)).color(ui.visuals().warn_fg_color));
    }
    // Producing, keeping and receiving are separate facts: a GP may receive images and keep some.
    ui.checkbox(&mut d.setup.produces_images, T::HasImages.get(lang));
    ui.label(T::KeepsImagesLabel.get(lang));
    ui.indent("keeps_images", |ui| {
        ui.checkbox(
            &mut d.setup.keeps_images.on_pc,
            T::KeepsImagesOnPc.get(lang),
        );
        ui.checkbox(
            &mut d.setup.keeps_images.on_server,
            T::KeepsImagesOnServer.get(lang),
        );
        ui.checkbox(
            &mut d.setup.keeps_images.at_host,
            T::KeepsImagesAtHost.get(lang),
        );
    });
    ui.checkbox(&mut d.setup.receives_images, T::ReceivesImages.get(lang));
    let in_care = d.setup.produces_images || d.setup.keeps_images.any();
    ui.add_enabled_ui(in_care, |ui| {
        ui.checkbox(
            &mut d.setup.has_imaging_server,
            T::HasImagingServer.get(lang),
        );
    });
    if !in_care {
        d.setup.has_imaging_server = false;
    }

    section(ui, T::ServicesHeading, lang);
    ui.label(T::RecordsLabel.get(lang));
    for r in RecordsHosting::ALL {
        ui.radio_value(&mut d.setup.records, r, names::records(r).get(lang));
    }
    ui.checkbox(&mut d.setup.online_booking, T::OnlineBooking.get(lang));
    ui.checkbox(&mut d.setup.patient_wifi, T::PatientWifi.get(lang));
    ui.checkbox(&mut d.setup.remote_access, T::RemoteAccess.get(lang));
    ui.checkbox(&mut d.setup.teleconsultation, T::Teleconsultation.get(lang));
    ui.checkbox(
        &mut d.setup.video_surveillance,
        T::VideoSurveillance.get(lang),
    );
    ui.checkbox(&mut d.setup.own_email_domain, T::OwnEmailDomain.get(lang));
    field(ui, T::ItProviderLabel, &mut d.it_provider, None, &errors);
    field(
        ui,
        T::PatientsPerYear,
        &mut d.patients_per_year,
        Some(Field::PatientsPerYear),
        &errors,
    );

    section(ui, T::ProcessingHeading, lang);
    let p = &mut d.processing;
    let label = ui.label(T::ExerciseLabel.get(lang));
    ui.horizontal_wrapped(|ui| {
        for (value, text) in [
            (Exercise::Individual, T::ExerciseIndividual),
            (Exercise::Group, T::ExerciseGroup),
            (Exercise::Unknown, T::AnswerDontKnow),
        ] {
            ui.radio_value(&mut p.exercise, value, text.get(lang))
                .labelled_by(label.id);
        }
    });
    widgets::labelled_field(
        ui,
        T::RecordsVendorLabel.get(lang),
        &mut p.records_vendor,
        None,
    );
    widgets::labelled_field(ui, T::HostLabel.get(lang), &mut p.host, None);
    known(ui, T::HostHdsLabel, &mut p.host_hds, lang);
    widgets::labelled_field(
        ui,
        T::TeleconsultationVendorLabel.get(lang),
        &mut p.teleconsultation_vendor,
        None,
    );
    widgets::labelled_field(
        ui,
        T::ImagingPartnerLabel.get(lang),
        &mut p.imaging_partner,
        None,
    );
    known(ui, T::TransfersLabel, &mut p.transfers_outside_eu, lang);

    section(ui, T::DpoHeading, lang);
    ui.label(RichText::new(T::DpoAdvice.get(lang)).small().weak());
    field(ui, T::DpoName, &mut d.dpo_name, None, &errors);
    field(
        ui,
        T::DpoEmail,
        &mut d.dpo_email,
        Some(Field::DpoEmail),
        &errors,
    );
    field(ui, T::DpoPhone, &mut d.dpo_phone, None, &errors);

    if form.draft != before {
        form.saved = false;
        form.recheck();
    }
    ui.add_space(12.0);
    if !form.errors.is_empty() {
        widgets::field_error(ui, T::FixFields.get(lang));
    }
    ui.horizontal(|ui| {
        if widgets::primary_button(ui, T::SaveProfile.get(lang), true).clicked() {
            match form.draft.validate() {
                Ok(mut profile) => {
                    form.errors.clear();
                    // The doctor has seen the imaging answers derived from an older profile.
                    profile.setup.imaging_to_confirm = false;
                    form.draft.setup.imaging_to_confirm = false;
                    commands.send(Command::SaveProfile(Box::new(profile)));
                }
                Err(errors) => form.refuse(errors),
            }
        }
        let changed = stored.as_ref().is_some_and(|s| form.draft != *s);
        if form.saved && !changed {
            ui.label(RichText::new(format!("✓ {}", T::ProfileSaved.get(lang))).color(theme::OK));
        }
        // Changes not saved (the header says the same): they are saved on leaving the page; or put
        // back as they were.
        if let Some(stored) = stored
            && changed
        {
            ui.label(RichText::new(T::UnsavedEdits.get(lang)).color(theme::ERROR));
            if ui.button(T::ProfileRevert.get(lang)).clicked() {
                form.draft = stored;
                form.errors.clear();
            }
        }
    });
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    let draft = init
        .vault
        .map(|v| v.contents().practice.to_draft())
        .unwrap_or_default();
    crate::ui::page::Page::new(super::PAGE, ProfileForm::new(draft, false))
}

impl crate::ui::page::PageView for ProfileForm {
    fn unsaved(&self, cx: &ViewContext<'_>) -> bool {
        cx.vault()
            .is_some_and(|v| v.contents().practice.to_draft() != self.draft)
    }

    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
