//! A small PDF layout toolkit over printpdf: A4 pages, the embedded DejaVu fonts (subset at save time),
//! text placed from the top of the page, word wrapping measured with the font's own advances, rules and
//! filled boxes. Coordinates are millimetres from the top-left corner, as one thinks of a page.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, PdfWarnMsg, Point, Pt, Rect, Rgb, TextItem, WindingOrder,
};

/// The regular UI and document font.
pub static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The bold font.
pub static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The monospace font (codes, fingerprints).
pub static FONT_MONO: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");

/// A4 width in millimetres.
pub const PAGE_WIDTH: f32 = 210.0;
/// A4 height in millimetres.
pub const PAGE_HEIGHT: f32 = 297.0;

/// Why a document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be read (a broken build).
    #[error("the embedded font {0} could not be read")]
    Font(&'static str),
    /// printpdf reported an error while writing.
    #[error("the PDF could not be written: {0}")]
    Write(String),
    /// The document has nothing to report on (no folder scan recorded).
    #[error("{0}")]
    NothingToReport(String),
}

/// The three fonts of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// DejaVu Sans Mono.
    Mono,
}

/// An RGB colour, components 0–255.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb8(pub u8, pub u8, pub u8);

impl Rgb8 {
    /// Body text.
    pub const TEXT: Self = Self(0x1f, 0x29, 0x33);
    /// Secondary text.
    pub const MUTED: Self = Self(0x5f, 0x6b, 0x76);
    /// Vigie's accent.
    pub const ACCENT: Self = Self(0x1f, 0x5f, 0x8b);
    /// A light box background.
    pub const SHADE: Self = Self(0xec, 0xf2, 0xf7);

    fn color(self) -> Color {
        Color::Rgb(Rgb::new(
            f32::from(self.0) / 255.0,
            f32::from(self.1) / 255.0,
            f32::from(self.2) / 255.0,
            None,
        ))
    }
}

/// How a run of text looks: face, size in points, colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// The font.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb8,
}

impl Style {
    /// A style.
    pub const fn new(face: Face, size: f32, color: Rgb8) -> Self {
        Self { face, size, color }
    }

    /// Distance between two baselines, in millimetres.
    pub fn leading(&self) -> f32 {
        self.size * 0.3528 * 1.45
    }
}

/// A document being laid out.
pub struct Document {
    doc: PdfDocument,
    fonts: [(FontId, ParsedFont); 3],
    pages: Vec<Vec<Op>>,
    current: usize,
    /// Page width, millimetres (A4 unless [`Document::with_page_size`]).
    width: f32,
    /// Page height, millimetres.
    height: f32,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("pages", &self.pages.len())
            .finish_non_exhaustive()
    }
}

fn parse_font(bytes: &'static [u8], name: &'static str) -> Result<ParsedFont, PdfError> {
    let mut warnings = Vec::new();
    ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(PdfError::Font(name))
}

impl Document {
    /// A new document with one empty page; `created` goes into the metadata.
    pub fn new(title: &str, created: jiff::Timestamp) -> Result<Self, PdfError> {
        let mut doc = PdfDocument::new(title);
        let date = printpdf::OffsetDateTime::from_unix_timestamp(created.as_second())
            .map_err(|e| PdfError::Write(e.to_owned()))?;
        let info = &mut doc.metadata.info;
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
        info.creator = format!("Vigie {}", env!("CARGO_PKG_VERSION"));
        info.producer = "Vigie (printpdf)".to_owned();
        let faces = [
            (FONT_REGULAR, "DejaVuSans"),
            (FONT_BOLD, "DejaVuSans-Bold"),
            (FONT_MONO, "DejaVuSansMono"),
        ];
        let mut fonts = Vec::with_capacity(3);
        for (bytes, name) in faces {
            let parsed = parse_font(bytes, name)?;
            let id = doc.add_font(&parsed);
            fonts.push((id, parsed));
        }
        let fonts: [(FontId, ParsedFont); 3] =
            fonts.try_into().ok().ok_or(PdfError::Font("DejaVu"))?;
        Ok(Self {
            doc,
            fonts,
            pages: vec![Vec::new()],
            current: 0,
            width: PAGE_WIDTH,
            height: PAGE_HEIGHT,
        })
    }

    /// The same document on pages of `width` × `height` mm (A5: 148 × 210) instead of A4. Only for
    /// documents drawn directly: [`super::layout::Flow`] lays out A4 pages.
    #[must_use]
    pub fn with_page_size(mut self, width: f32, height: f32) -> Self {
        self.width = width;
        self.height = height;
        self
    }

    /// The page's size in millimetres (width, height).
    pub fn page_size(&self) -> (f32, f32) {
        (self.width, self.height)
    }

    fn font(&self, face: Face) -> &(FontId, ParsedFont) {
        &self.fonts[face as usize]
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        // `current` always indexes an existing page: pages start with one and only grow.
        &mut self.pages[self.current]
    }

    /// Starts a new page and draws on it.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.current = self.pages.len() - 1;
    }

    /// Draws on page `index` (from 0) again, e.g. to add "page n / N" once N is known.
    pub fn select_page(&mut self, index: usize) {
        self.current = index.min(self.pages.len() - 1);
    }

    /// The number of pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The width of `text` in millimetres.
    pub fn text_width(&self, text: &str, face: Face, size_pt: f32) -> f32 {
        let font = &self.font(face).1;
        let per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let units: f32 = text
            .chars()
            .map(|c| {
                f32::from(
                    font.get_horizontal_advance(font.lookup_glyph_index(c as u32).unwrap_or(0)),
                )
            })
            .sum();
        let points = units * size_pt / per_em;
        points * 25.4 / 72.0
    }

    /// Writes `text` with its baseline `top` mm below the top of the page.
    pub fn text(&mut self, x: f32, top: f32, text: &str, style: Style) {
        let Style { face, size, color } = style;
        let font = self.font(face).0.clone();
        let page_height = self.height;
        let ops = self.ops();
        ops.push(Op::SetFillColor { col: color.color() });
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font),
            size: Pt(size),
        });
        ops.push(Op::SetTextCursor {
            pos: Point::new(Mm(x), Mm(page_height - top)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        });
        ops.push(Op::EndTextSection);
    }

    /// Writes `text` centred on the page.
    pub fn text_centered(&mut self, top: f32, text: &str, style: Style) {
        let x = (self.width - self.text_width(text, style.face, style.size)) / 2.0;
        self.text(x, top, text, style);
    }

    /// Splits `text` into lines no wider than `width` mm (words longer than a line are cut).
    pub fn wrap(&self, text: &str, face: Face, size_pt: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            // Lines break at ordinary spaces only: the no-break spaces inside numbers (U+202F,
            // U+00A0) stay within their word, as they are.
            for word in paragraph
                .split(|c: char| {
                    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
                })
                .filter(|w| !w.is_empty())
            {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.text_width(&candidate, face, size_pt) <= width || line.is_empty() {
                    line = candidate;
                } else {
                    lines.push(std::mem::take(&mut line));
                    line = word.to_owned();
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Writes a wrapped paragraph from `top`; returns the position below it.
    pub fn paragraph(&mut self, x: f32, top: f32, width: f32, text: &str, style: Style) -> f32 {
        let mut y = top;
        for line in self.wrap(text, style.face, style.size, width) {
            self.text(x, y, &line, style);
            y += style.leading();
        }
        y
    }

    /// A filled box, `top` being its upper edge.
    pub fn fill_box(&mut self, x: f32, top: f32, width: f32, height: f32, color: Rgb8) {
        let page_height = self.height;
        let ops = self.ops();
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetFillColor { col: color.color() });
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                mode: Some(PaintMode::Fill),
                winding_order: Some(WindingOrder::NonZero),
                ..Rect::from_xywh(
                    Mm(x).into(),
                    Mm(page_height - top - height).into(),
                    Mm(width).into(),
                    Mm(height).into(),
                )
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    /// A horizontal rule.
    pub fn rule(&mut self, x: f32, top: f32, width: f32, color: Rgb8) {
        let y = Mm(self.height - top);
        let ops = self.ops();
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetOutlineColor { col: color.color() });
        ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
        ops.push(Op::DrawLine {
            line: Line {
                is_closed: false,
                points: vec![
                    LinePoint {
                        p: Point::new(Mm(x), y),
                        bezier: false,
                    },
                    LinePoint {
                        p: Point::new(Mm(x + width), y),
                        bezier: false,
                    },
                ],
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    /// Writes `subject` and `keywords` into the PDF's information dictionary (`/Subject`,
    /// `/Keywords`): a verification code a reader finds in the file's properties.
    pub fn set_subject(&mut self, subject: &str, keywords: &[&str]) {
        let info = &mut self.doc.metadata.info;
        subject.clone_into(&mut info.subject);
        info.keywords = keywords.iter().map(|&k| k.to_owned()).collect();
    }

    /// The finished PDF, fonts subset.
    pub fn finish(self) -> Result<Vec<u8>, PdfError> {
        let Self {
            mut doc,
            pages,
            width,
            height,
            ..
        } = self;
        let pages = pages
            .into_iter()
            .map(|ops| PdfPage::new(Mm(width), Mm(height), ops))
            .collect();
        let options = PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        };
        let mut warnings: Vec<PdfWarnMsg> = Vec::new();
        let bytes = doc.with_pages(pages).save(&options, &mut warnings);
        if let Some(w) = warnings
            .iter()
            .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
        {
            return Err(PdfError::Write(format!("page {}: {}", w.page, w.msg)));
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_do_not_break_inside_grouped_numbers() {
        let doc = Document::new("t", jiff::Timestamp::UNIX_EPOCH).expect("a document");
        let text = "48\u{202F}213 fichiers et 1\u{a0}234 dossiers";
        let lines = doc.wrap(text, Face::Regular, 10.0, 25.0);
        assert!(
            lines.iter().any(|l| l.contains("48\u{202F}213")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("1\u{a0}234")), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        if let Some(out) = std::env::var_os("VIGIE_PDF_SAMPLE") {
            let mut doc = doc;
            doc.text(
                20.0,
                30.0,
                text,
                Style::new(Face::Regular, 10.0, Rgb8::TEXT),
            );
            doc.text(20.0, 40.0, text, Style::new(Face::Bold, 10.0, Rgb8::TEXT));
            doc.text(20.0, 50.0, text, Style::new(Face::Mono, 10.0, Rgb8::TEXT));
            std::fs::write(out, doc.finish().expect("a PDF")).expect("written");
        }
    }
}
