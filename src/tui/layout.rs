//! Where each pane goes for a terminal size. Pure: the views draw into these
//! rectangles, and `update` uses the same ones for paging and mouse clicks.

use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Speakers,
    Issues,
    Quotes,
    Article,
}

impl Pane {
    pub const ORDER: [Pane; 4] = [Pane::Speakers, Pane::Issues, Pane::Quotes, Pane::Article];

    pub fn is_left(self) -> bool {
        matches!(self, Pane::Speakers | Pane::Issues)
    }
}

/// Below this size the screen only says how large a terminal it needs.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width on, lists and article sit side by side.
pub const WIDE: u16 = 80;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub banner: Option<Rect>,
    pub speakers: Option<Rect>,
    pub issues: Option<Rect>,
    pub details: Option<Rect>,
    pub quotes: Option<Rect>,
    pub article: Option<Rect>,
    pub status: Rect,
}

impl Panes {
    pub fn get(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Speakers => self.speakers,
            Pane::Issues => self.issues,
            Pane::Quotes => self.quotes,
            Pane::Article => self.article,
        }
    }

    /// The pane under a screen cell.
    pub fn at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ORDER.into_iter().find(|&p| self.get(p).is_some_and(|r| r.contains((column, row).into())))
    }
}

/// What the screen holds at a size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    TooSmall,
    Panes(Panes),
}

/// Lays out the browser. `rows` are the speaker and issue list lengths
/// (with their "All" rows), so short lists do not take more room than they
/// need; `banner` is the height of the reload-problem banner.
pub fn compute(area: Rect, focus: Pane, rows: (usize, usize), banner: u16) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen::TooSmall;
    }
    let mut panes = Panes::default();
    let mut body = area;
    let banner = banner.min(body.height / 3);
    if banner > 0 {
        panes.banner = Some(Rect { height: banner, ..body });
        body.y += banner;
        body.height -= banner;
    }
    panes.status = Rect { y: body.bottom() - 1, height: 1, ..body };
    body.height -= 1;

    if area.width >= WIDE {
        let left_width = (area.width / 3).clamp(26, 40);
        let left = Rect { width: left_width, ..body };
        let right = Rect { x: body.x + left_width, width: body.width - left_width, ..body };
        let fit = |n: usize| (n as u16).saturating_add(2);
        let details = (left.height / 4).clamp(4, 10);
        let lists = left.height.saturating_sub(details);
        let (want_speakers, want_issues) = (fit(rows.0), fit(rows.1));
        let speakers = if want_speakers + want_issues <= lists {
            want_speakers
        } else {
            want_speakers.min((lists / 2).max(lists.saturating_sub(want_issues)))
        };
        let at_least = 3.min(lists);
        let speakers = speakers.clamp(at_least, lists.saturating_sub(3).max(at_least));
        let issues = lists - speakers;
        panes.speakers = Some(Rect { height: speakers, ..left });
        panes.issues = Some(Rect { y: left.y + speakers, height: issues, ..left });
        panes.details = Some(Rect { y: left.y + lists, height: left.height - lists, ..left });
        let quotes = (right.height * 2 / 5).max(4);
        panes.quotes = Some(Rect { height: quotes, ..right });
        panes.article = Some(Rect { y: right.y + quotes, height: right.height - quotes, ..right });
    } else {
        // One column: the focused list above the article, Details between
        // them when there is room.
        let list = if focus == Pane::Article { Pane::Quotes } else { focus };
        let top = (body.height * 2 / 5).max(4);
        let details = if body.height >= 30 { 7 } else { 0 };
        let top_rect = Rect { height: top, ..body };
        match list {
            Pane::Speakers => panes.speakers = Some(top_rect),
            Pane::Issues => panes.issues = Some(top_rect),
            _ => panes.quotes = Some(top_rect),
        }
        if details > 0 {
            panes.details = Some(Rect { y: body.y + top, height: details, ..body });
        }
        panes.article = Some(Rect { y: body.y + top + details, height: body.height - top - details, ..body });
    }
    Screen::Panes(panes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_lays_out_inside_the_screen() {
        for width in 0..140 {
            for height in 0..60 {
                let area = Rect::new(0, 0, width, height);
                for focus in Pane::ORDER {
                    let Screen::Panes(p) = compute(area, focus, (9, 10), 2) else { continue };
                    let rects =
                        [p.banner, p.speakers, p.issues, p.details, p.quotes, p.article, Some(p.status)];
                    for r in rects.into_iter().flatten() {
                        assert!(area.contains(r.as_position()) || r.area() == 0, "{width}x{height}");
                        assert!(
                            r.right() <= area.right() && r.bottom() <= area.bottom(),
                            "{width}x{height} {r:?}"
                        );
                    }
                    assert!(p.get(focus).is_some() || focus == Pane::Article);
                }
            }
        }
    }
}

/// Cells of a stance-matrix column, and of its totals column.
pub const MATRIX_COLUMN: u16 = 13;
pub const MATRIX_TOTAL: u16 = 15;
/// Rows above the grid (issue titles on two lines) and below it (legend).
pub const MATRIX_HEADER: u16 = 2;
pub const MATRIX_FOOTER: u16 = 1;

/// The stance matrix on screen: a frozen column of speaker names and a
/// frozen header of issue titles, around a grid that scrolls both ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixGrid {
    /// Inside the border.
    pub inner: Rect,
    pub name_width: u16,
    /// Rows of the grid that fit.
    pub rows: usize,
}

impl MatrixGrid {
    pub fn new(area: Rect, longest_name: usize) -> MatrixGrid {
        let inner = Rect {
            x: area.x + 1,
            y: area.y + 1,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        };
        let name_width = (longest_name as u16 + 1).clamp(8, 27).min(inner.width / 3);
        let rows = inner.height.saturating_sub(MATRIX_HEADER + MATRIX_FOOTER) as usize;
        MatrixGrid { inner, name_width, rows: rows.max(1) }
    }

    /// The width of grid column `c` of `columns` (the last is the totals).
    pub fn column_width(c: usize, columns: usize) -> u16 {
        if c + 1 == columns { MATRIX_TOTAL } else { MATRIX_COLUMN }
    }

    /// How many columns, from `left` on, fit beside the names.
    pub fn columns_from(&self, left: usize, columns: usize) -> usize {
        let mut room = self.inner.width.saturating_sub(self.name_width);
        let mut n = 0;
        for c in left..columns {
            let w = Self::column_width(c, columns);
            if w > room {
                break;
            }
            room -= w;
            n += 1;
        }
        n.max(1)
    }

    /// The grid cell under a screen position, given the first row and column shown.
    pub fn cell_at(
        &self,
        column: u16,
        row: u16,
        top: usize,
        left: usize,
        columns: usize,
    ) -> Option<(usize, usize)> {
        let y = row.checked_sub(self.inner.y + MATRIX_HEADER)? as usize;
        if y >= self.rows {
            return None;
        }
        let mut x = column.checked_sub(self.inner.x + self.name_width)?;
        for c in left..columns {
            let w = Self::column_width(c, columns);
            if x < w {
                return Some((top + y, c));
            }
            x -= w;
        }
        None
    }
}
