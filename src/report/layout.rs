//! Flowing layout on top of [`Document`]: a cursor that moves down the page and breaks to a new page when
//! needed, headings, paragraphs, tables that break across pages and repeat their header, bar charts, and
//! the running header and footer ("page n / N") added once the page count is known.

use super::pdf::{Document, Face, PAGE_HEIGHT, PAGE_WIDTH, PdfError, Rgb8, Style};

/// Page margins, in millimetres.
pub const MARGIN: f32 = 18.0;
const TOP: f32 = 24.0;
const BOTTOM: f32 = PAGE_HEIGHT - 20.0;

/// Body text.
pub const BODY: Style = Style::new(Face::Regular, 9.5, Rgb8::TEXT);
/// Small print.
pub const SMALL: Style = Style::new(Face::Regular, 8.0, Rgb8::MUTED);
/// Table headers and emphasis.
pub const STRONG: Style = Style::new(Face::Bold, 9.5, Rgb8::TEXT);

/// A column of a table: its title and its share of the width.
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    /// Header text.
    pub title: &'a str,
    /// Share of the table's width (the shares add up to 1).
    pub share: f32,
}

/// A document being filled from top to bottom.
#[derive(Debug)]
pub struct Flow {
    doc: Document,
    /// Current position, millimetres from the top of the page.
    pub y: f32,
}

impl Flow {
    /// Starts at the top of the first page.
    pub fn new(doc: Document) -> Self {
        Self { doc, y: TOP }
    }

    /// The usable width.
    pub fn width(&self) -> f32 {
        PAGE_WIDTH - 2.0 * MARGIN
    }

    /// The document, for direct drawing.
    pub fn doc(&mut self) -> &mut Document {
        &mut self.doc
    }

    /// Breaks to a new page.
    pub fn page_break(&mut self) {
        self.doc.new_page();
        self.y = TOP;
    }

    /// Makes sure `height` mm fit below the cursor, breaking the page otherwise.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.page_break();
        }
    }

    /// Vertical space.
    pub fn space(&mut self, mm: f32) {
        self.y += mm;
    }

    /// A section heading with a rule under it (kept with what follows).
    pub fn heading(&mut self, text: &str, size: f32) {
        self.ensure(size * 0.35 + 18.0);
        self.y += size * 0.3528;
        self.doc.text(
            MARGIN,
            self.y,
            text,
            Style::new(Face::Bold, size, Rgb8::ACCENT),
        );
        self.y += 2.5;
        let w = self.width();
        self.doc.rule(MARGIN, self.y, w, Rgb8::ACCENT);
        self.y += 5.0;
    }

    /// A wrapped paragraph.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        let w = self.width();
        for line in self.doc.wrap(text, style.face, style.size, w) {
            self.ensure(style.leading());
            self.y += style.leading() * 0.8;
            self.doc.text(MARGIN, self.y, &line, style);
            self.y += style.leading() * 0.2;
        }
        self.y += 1.5;
    }

    /// One line never wrapped (a fingerprint, a code): made smaller until it fits the width.
    pub fn line(&mut self, text: &str, style: Style) {
        let w = self.width();
        let mut style = style;
        while style.size > 5.0 && self.doc.text_width(text, style.face, style.size) > w {
            style.size -= 0.5;
        }
        self.ensure(style.leading());
        self.y += style.leading() * 0.8;
        self.doc.text(MARGIN, self.y, text, style);
        self.y += style.leading() * 0.2 + 1.5;
    }

    /// A label and its value on one line, the value wrapped beside the label.
    pub fn field(&mut self, label: &str, value: &str) {
        let label_w = 45.0;
        let lines = self
            .doc
            .wrap(value, BODY.face, BODY.size, self.width() - label_w);
        self.ensure(BODY.leading() * lines.len() as f32);
        self.y += BODY.leading() * 0.8;
        self.doc.text(
            MARGIN,
            self.y,
            label,
            Style::new(Face::Regular, BODY.size, Rgb8::MUTED),
        );
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.y += BODY.leading();
            }
            self.doc.text(MARGIN + label_w, self.y, line, BODY);
        }
        self.y += BODY.leading() * 0.2 + 1.0;
    }

    /// The header's style and each title's lines: titles wrap within their column, and the header's
    /// letters get smaller (down to 7 pt) until every word fits its column: a title never runs into
    /// the next one ("medium" into "low") nor past the margin.
    fn header_lines(&self, columns: &[Column<'_>]) -> (Style, Vec<Vec<String>>) {
        let w = self.width();
        let mut style = STRONG;
        while style.size > 7.0
            && columns.iter().any(|c| {
                c.title.split_whitespace().any(|word| {
                    self.doc.text_width(word, style.face, style.size) > c.share * w - 3.0
                })
            })
        {
            style = Style::new(style.face, style.size - 0.5, style.color);
        }
        let lines = columns
            .iter()
            .map(|c| {
                self.doc
                    .wrap(c.title, style.face, style.size, c.share * w - 3.0)
            })
            .collect();
        (style, lines)
    }

    fn header_height(&self, columns: &[Column<'_>]) -> f32 {
        let (style, lines) = self.header_lines(columns);
        lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * style.leading() + 2.0
    }

    fn table_header(&mut self, columns: &[Column<'_>]) {
        let w = self.width();
        let (style, lines) = self.header_lines(columns);
        let h = self.header_height(columns);
        self.doc.fill_box(MARGIN, self.y, w, h, Rgb8::SHADE);
        let mut x = MARGIN;
        for (c, title) in columns.iter().zip(&lines) {
            for (i, line) in title.iter().enumerate() {
                self.doc.text(
                    x + 1.5,
                    self.y + style.leading() * (i as f32 + 0.8) + 1.0,
                    line,
                    style,
                );
            }
            x += c.share * w;
        }
        self.y += h + 1.0;
    }

    /// A table whose cells wrap; rows never split, and the header is repeated on every page.
    pub fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], style: Style) {
        let w = self.width();
        self.ensure(self.header_height(columns) + STRONG.leading() + 4.0 + style.leading());
        self.table_header(columns);
        for row in rows {
            let wrapped: Vec<Vec<String>> = columns
                .iter()
                .zip(row)
                .map(|(c, cell)| {
                    self.doc
                        .wrap(cell, style.face, style.size, c.share * w - 3.0)
                })
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = lines as f32 * style.leading() + 2.0;
            if self.y + h > BOTTOM {
                self.page_break();
                self.table_header(columns);
            }
            let mut x = MARGIN;
            for (c, cell) in columns.iter().zip(&wrapped) {
                for (i, line) in cell.iter().enumerate() {
                    let y = self.y + style.leading() * (i as f32 + 0.8) + 0.5;
                    self.doc.text(x + 1.5, y, line, style);
                }
                x += c.share * w;
            }
            self.y += h;
            self.doc.rule(MARGIN, self.y - 0.8, w, Rgb8::SHADE);
        }
        self.y += 3.0;
    }

    /// `text` shortened with "…" so that it fits in `width` mm.
    pub fn fit(&self, text: &str, style: Style, width: f32) -> String {
        if self.doc.text_width(text, style.face, style.size) <= width {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let mut candidate = chars.iter().collect::<String>().trim_end().to_owned();
            candidate.push('…');
            if self.doc.text_width(&candidate, style.face, style.size) <= width {
                return candidate;
            }
        }
        "…".to_owned()
    }

    /// Horizontal bars (0–100 %) with a label on the left and the value on the right; `None` bars are
    /// drawn empty with a dash.
    pub fn bar_chart(&mut self, bars: &[(String, Option<f64>)], lang: crate::i18n::Lang) {
        let label_w = 70.0;
        let value_w = 14.0;
        let bar_w = self.width() - label_w - value_w;
        let row = 7.0;
        // A long theme name goes on as many lines as it needs, never cut ("Hébergement des données
        // de santé (…"): its row grows, the bar stays level with its first line.
        let labels: Vec<Vec<String>> = bars
            .iter()
            .map(|(label, _)| self.doc.wrap(label, BODY.face, BODY.size, label_w - 3.0))
            .collect();
        let height =
            |lines: &Vec<String>| row + lines.len().saturating_sub(1) as f32 * BODY.leading();
        self.ensure(labels.iter().map(height).sum::<f32>() + 2.0);
        for ((_, value), lines) in bars.iter().zip(&labels) {
            let y = self.y;
            for (i, line) in lines.iter().enumerate() {
                self.doc
                    .text(MARGIN, y + 4.8 + i as f32 * BODY.leading(), line, BODY);
            }
            self.doc
                .fill_box(MARGIN + label_w, y + 1.0, bar_w, 4.5, Rgb8::SHADE);
            let text = match value {
                Some(v) => {
                    let color = if *v >= 0.8 {
                        Rgb8(0x1e, 0x7b, 0x3a)
                    } else if *v >= 0.5 {
                        Rgb8(0xc7, 0x7c, 0x02)
                    } else {
                        Rgb8(0xb0, 0x1e, 0x1e)
                    };
                    let filled = (bar_w * *v as f32).max(0.4);
                    self.doc
                        .fill_box(MARGIN + label_w, y + 1.0, filled, 4.5, color);
                    crate::locale::format_percent(
                        f64::from(crate::checklist::scoring::percent(*v)),
                        0,
                        lang,
                    )
                }
                None => "—".to_owned(),
            };
            self.doc
                .text(MARGIN + label_w + bar_w + 2.0, y + 4.8, &text, STRONG);
            self.y += height(lines);
        }
        self.y += 3.0;
    }

    /// Finishes a letter: no running header, only "n / total" at the foot when it has several pages.
    pub fn finish_letter(mut self) -> Result<Vec<u8>, PdfError> {
        let total = self.doc.page_count();
        if total > 1 {
            for i in 0..total {
                self.doc.select_page(i);
                let text = format!("{} / {total}", i + 1);
                let tw = self.doc.text_width(&text, SMALL.face, SMALL.size);
                self.doc
                    .text(PAGE_WIDTH - MARGIN - tw, PAGE_HEIGHT - 10.0, &text, SMALL);
            }
        }
        self.doc.finish()
    }

    /// Adds the running header (`left`) and footer (`footer(n, total)`) to every page, and finishes.
    pub fn finish(
        mut self,
        left: &str,
        footer: impl Fn(usize, usize) -> String,
    ) -> Result<Vec<u8>, PdfError> {
        let total = self.doc.page_count();
        let w = self.width();
        for i in 0..total {
            self.doc.select_page(i);
            self.doc.text(MARGIN, 12.0, left, SMALL);
            self.doc.rule(MARGIN, 14.5, w, Rgb8::SHADE);
            let text = footer(i + 1, total);
            let tw = self.doc.text_width(&text, SMALL.face, SMALL.size);
            self.doc
                .text(PAGE_WIDTH - MARGIN - tw, PAGE_HEIGHT - 10.0, &text, SMALL);
        }
        self.doc.finish()
    }
}
