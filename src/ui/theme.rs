//! Fonts and colours. The embedded `DejaVu` fonts cover French and every symbol the interface uses, so no
//! glyph is ever missing whatever the machine has installed (the tests keep kittest's missing-glyph
//! check on).

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

/// Vigie's accent colour (a calm blue).
pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0x8b);
/// Text for errors.
pub const ERROR: Color32 = Color32::from_rgb(0xb0, 0x1e, 0x1e);
/// Text for success.
pub const OK: Color32 = Color32::from_rgb(0x1e, 0x7b, 0x3a);
/// Background of a warning strip.
pub const WARN_BG: Color32 = Color32::from_rgb(0xfd, 0xf1, 0xd6);
/// Background of cards.
pub const CARD_BG: Color32 = Color32::from_rgb(0xf6, 0xf8, 0xfa);

/// The family of the bold face.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// The font definitions: `DejaVu` Sans, Sans Bold and Sans Mono, nothing else.
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    let faces = [
        (
            "DejaVuSans",
            crate::report::pdf::FONT_REGULAR,
            FontFamily::Proportional,
        ),
        ("DejaVuSans-Bold", crate::report::pdf::FONT_BOLD, bold()),
        (
            "DejaVuSansMono",
            crate::report::pdf::FONT_MONO,
            FontFamily::Monospace,
        ),
    ];
    for (name, bytes, family) in faces {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        fonts.families.insert(family, vec![name.to_owned()]);
    }
    fonts
}

/// Installs fonts, text sizes and colours.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(24.0, bold())),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 8.0);
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.interact_size.y = 28.0;
        // Unticked check boxes and radio buttons are drawn with the inactive widgets' fill and
        // stroke: egui's light grey on the light panel left them nearly invisible. A visible box and
        // outline (buttons use the weak fill and keep their look).
        style.visuals.widgets.inactive.bg_fill = Color32::WHITE;
        style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(120));
        style.visuals.selection.bg_fill = ACCENT;
        // Text on a selected (accent) background is white, for contrast.
        style.visuals.selection.stroke = egui::Stroke::new(1.0, Color32::WHITE);
        style.visuals.hyperlink_color = ACCENT;
    });
}
