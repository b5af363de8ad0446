//! The recovery sheet: the recovery code with the practice it belongs to, as text or as a printable page.

use std::path::PathBuf;

use super::pdf::{Document, Face, PAGE_WIDTH, PdfError, Rgb8, Style};
use crate::i18n::{Lang, T, format_datetime, tr};
use crate::vault::RecoveryCode;

/// What the sheet shows.
#[derive(Debug, Clone)]
pub struct RecoverySheet {
    /// Practice name.
    pub practice: String,
    /// When the vault was created.
    pub created_at: jiff::Timestamp,
    /// Where the vault file is.
    pub vault_path: PathBuf,
    /// The code.
    pub code: RecoveryCode,
    /// The practice's archive key (`AGE-SECRET-KEY-1…`), printed under the code.
    pub archive_key: Option<String>,
    /// The fingerprint of the doctor's signing key (`SHA256:…`), once there is one: the anchor a reader
    /// compares a signed document's key with (`vigie verify --expect-fingerprint`).
    pub signing_key: Option<String>,
    /// Language of the sheet.
    pub lang: Lang,
}

impl RecoverySheet {
    /// The file name offered for the sheet of the practice `practice`, in `lang`:
    /// `cabinet-du-dr-martin-code-de-secours.pdf`, `cabinet-du-dr-martin-recovery-code.txt`.
    pub fn file_name(practice: &str, lang: Lang, extension: &str) -> String {
        format!(
            "{}{}.{extension}",
            crate::paths::slug(practice),
            T::RecoverySheetFileSuffix.get(lang)
        )
    }

    fn lines(&self) -> [String; 3] {
        let lang = self.lang;
        [
            tr::recovery_doc_practice(lang, &self.practice),
            tr::recovery_doc_created(lang, format_datetime(self.created_at, lang)),
            tr::recovery_doc_vault(lang, self.vault_path.display()),
        ]
    }

    /// The sheet as plain text.
    pub fn text(&self) -> String {
        let lang = self.lang;
        let [practice, created, vault] = self.lines();
        let archive = self.archive_key.as_ref().map_or_else(String::new, |key| {
            format!("{}\n    {key}\n\n", T::RecoveryDocArchiveKey.get(lang))
        });
        let signing = self.signing_key.as_ref().map_or_else(String::new, |fp| {
            format!("{}\n    {fp}\n\n", T::RecoveryDocSigningKey.get(lang))
        });
        format!(
            "{title}\n\n{practice}\n{created}\n{vault}\n\n    {code}\n\n{archive}{signing}{advice}\n\n{footer}\n",
            title = T::RecoveryDocTitle.get(lang),
            code = self.code.to_text().as_str(),
            advice = T::RecoveryDocAdvice.get(lang),
            footer = tr::recovery_doc_footer(lang, env!("CARGO_PKG_VERSION")),
        )
    }

    /// The sheet as a one-page PDF to print.
    pub fn pdf(&self) -> Result<Vec<u8>, PdfError> {
        let lang = self.lang;
        let margin = 20.0;
        let width = PAGE_WIDTH - 2.0 * margin;
        let body = Style::new(Face::Regular, 11.0, Rgb8::TEXT);
        let code = Style::new(Face::Mono, 20.0, Rgb8::TEXT);
        let mut doc = Document::new(T::RecoveryDocTitle.get(lang), jiff::Timestamp::now())?;
        let title = Style::new(Face::Bold, 20.0, Rgb8::ACCENT);
        doc.text(margin, 30.0, T::RecoveryDocTitle.get(lang), title);
        doc.rule(margin, 35.0, width, Rgb8::ACCENT);
        let mut y = 47.0;
        for line in self.lines() {
            y = doc.paragraph(margin, y, width, &line, body) + 1.0;
        }
        let box_top = y + 8.0;
        doc.fill_box(margin, box_top, width, 34.0, Rgb8::SHADE);
        let groups = self.code.groups();
        let (first, second) = groups.split_at(groups.len() / 2);
        doc.text_centered(box_top + 14.0, &first.join("  "), code);
        doc.text_centered(box_top + 26.0, &second.join("  "), code);
        let mut y = box_top + 46.0;
        if let Some(key) = &self.archive_key {
            y = doc.paragraph(margin, y, width, T::RecoveryDocArchiveKey.get(lang), body) + 2.0;
            let mono = Style::new(Face::Mono, 9.5, Rgb8::TEXT);
            doc.fill_box(margin, y, width, 10.0, Rgb8::SHADE);
            doc.text_centered(y + 6.5, key, mono);
            y += 18.0;
        }
        if let Some(fp) = &self.signing_key {
            y = doc.paragraph(margin, y, width, T::RecoveryDocSigningKey.get(lang), body) + 2.0;
            // Monospace, on one line: I and l, O and 0 must not be confused.
            let mono = Style::new(Face::Mono, 11.0, Rgb8::TEXT);
            doc.fill_box(margin, y, width, 10.0, Rgb8::SHADE);
            doc.text_centered(y + 6.5, fp, mono);
            y += 18.0;
        }
        doc.paragraph(margin, y, width, T::RecoveryDocAdvice.get(lang), body);
        let footer = tr::recovery_doc_footer(lang, env!("CARGO_PKG_VERSION"));
        doc.text(
            margin,
            282.0,
            &footer,
            Style::new(Face::Regular, 8.0, Rgb8::MUTED),
        );
        doc.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(lang: Lang) -> RecoverySheet {
        RecoverySheet {
            practice: "Cabinet du Dr Lefèvre".into(),
            created_at: jiff::Timestamp::from_second(1_796_000_000).expect("timestamp"),
            vault_path: PathBuf::from("/données/cabinet.vigie"),
            code: RecoveryCode::generate().expect("rng"),
            archive_key: Some(
                "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"
                    .into(),
            ),
            signing_key: Some("SHA256:Il0OabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM".into()),
            lang,
        }
    }

    #[test]
    fn text_sheet_holds_the_code_and_the_practice() {
        let s = sheet(Lang::Fr);
        let text = s.text();
        assert!(text.contains(s.code.to_text().as_str()));
        assert!(text.contains("Cabinet\u{a0}: Cabinet du Dr Lefèvre"));
        assert!(sheet(Lang::En).text().contains("Vigie vault recovery code"));
        assert!(text.contains("    SHA256:Il0OabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM\n"));
        assert!(text.contains("clé de signature du médecin"));
    }

    #[test]
    fn pdf_sheet_is_a_small_pdf_with_subset_fonts() {
        let bytes = sheet(Lang::Fr).pdf().expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(
            bytes.len() < 120_000,
            "{} bytes: fonts must be subset",
            bytes.len()
        );
    }
}
