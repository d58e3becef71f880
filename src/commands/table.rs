//! Plain-text tables with columns aligned by display width.

use crate::text;

pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns aligned to the right (numbers).
    right: Vec<bool>,
}

impl Table {
    pub fn new(header: &[&str], right: &[bool]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            right: right.to_vec(),
        }
    }

    /// Adds a row; cells are made safe, line breaks becoming spaces.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells.into_iter().map(|c| text::sanitize(&c).replace(['\n', '\t'], " ")).collect());
    }

    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths = vec![0; columns];
        for row in std::iter::once(&self.header).chain(&self.rows) {
            for (c, cell) in row.iter().enumerate() {
                widths[c] = widths[c].max(text::width(cell));
            }
        }
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let pad = " ".repeat(widths[c] - text::width(cell));
                let last = c + 1 == columns;
                if self.right.get(c).copied().unwrap_or(false) {
                    line.push_str(&pad);
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if !last {
                        line.push_str(&pad);
                    }
                }
                if !last {
                    line.push_str("  ");
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_width() {
        let mut t = Table::new(&["NAME", "N"], &[false, true]);
        t.row(vec!["Ryabkov".into(), "5".into()]);
        t.row(vec!["Ян".into(), "12".into()]);
        assert_eq!(t.render(), "NAME      N\nRyabkov   5\nЯн       12\n");
    }
}
