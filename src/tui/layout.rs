//! Where each pane goes for a terminal size. Pure: the views draw into these
//! rectangles, and `update` uses the same ones for paging and mouse clicks.

use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Articles,
    Speakers,
    Issues,
    Details,
    Quotes,
    Article,
}

impl Pane {
    /// The order of `Tab`. Articles, shown only for a corpus, comes last.
    pub const ORDER: [Pane; 6] =
        [Pane::Speakers, Pane::Issues, Pane::Quotes, Pane::Article, Pane::Details, Pane::Articles];

    pub fn is_left(self) -> bool {
        matches!(self, Pane::Articles | Pane::Speakers | Pane::Issues | Pane::Details)
    }

    /// The lists whose selection is a filter.
    pub fn is_filter(self) -> bool {
        matches!(self, Pane::Articles | Pane::Speakers | Pane::Issues)
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
    pub articles: Option<Rect>,
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
            Pane::Articles => self.articles,
            Pane::Speakers => self.speakers,
            Pane::Issues => self.issues,
            Pane::Details => self.details,
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

/// How many rows each pane's content would like: the lists' lengths (with
/// their "All" rows; no Articles list for a single article) and Details'.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wanted {
    pub articles: Option<usize>,
    pub speakers: usize,
    pub issues: usize,
    pub details: usize,
}

/// The width of Details' text at a terminal size.
pub fn details_width(area: Rect) -> usize {
    let outer = if area.width >= WIDE { (area.width / 3).clamp(26, 40) } else { area.width };
    outer.saturating_sub(2) as usize
}

/// Lays out the browser. Short lists take no more room than they need;
/// Details takes what is left of the left column (more when it has focus);
/// `banner` is the height of the reload-problem banner.
pub fn compute(area: Rect, focus: Pane, wanted: Wanted, banner: u16) -> Screen {
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
        left_column(&mut panes, left, focus, wanted);
        let quotes = (right.height * 2 / 5).max(4);
        panes.quotes = Some(Rect { height: quotes, ..right });
        panes.article = Some(Rect { y: right.y + quotes, height: right.height - quotes, ..right });
    } else {
        // One column: the focused list (or Details) above the article,
        // Details between them when there is room.
        let shown =
            if matches!(focus, Pane::Article) || (focus == Pane::Articles && wanted.articles.is_none()) {
                Pane::Quotes
            } else {
                focus
            };
        let top = (body.height * 2 / 5).max(4);
        let details = if body.height >= 30 && shown != Pane::Details { 7 } else { 0 };
        let top_rect = Rect { height: top, ..body };
        match shown {
            Pane::Articles => panes.articles = Some(top_rect),
            Pane::Speakers => panes.speakers = Some(top_rect),
            Pane::Issues => panes.issues = Some(top_rect),
            Pane::Details => panes.details = Some(top_rect),
            _ => panes.quotes = Some(top_rect),
        }
        if details > 0 {
            panes.details = Some(Rect { y: body.y + top, height: details, ..body });
        }
        panes.article = Some(Rect { y: body.y + top + details, height: body.height - top - details, ..body });
    }
    Screen::Panes(panes)
}

/// The left column: the lists at the size they want where there is room,
/// Details below them with the rest.
fn left_column(panes: &mut Panes, left: Rect, focus: Pane, wanted: Wanted) {
    let fit = |n: usize| (n as u16).saturating_add(2);
    let lists: Vec<(Pane, u16)> = [
        wanted.articles.map(|n| (Pane::Articles, fit(n))),
        Some((Pane::Speakers, fit(wanted.speakers))),
        Some((Pane::Issues, fit(wanted.issues))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let least = 3u16;
    // Details: what its content wants, within a quarter of the column
    // (most of it when it has focus), and at least a few rows; the lists
    // come first when they would otherwise be cut.
    let want: u16 = lists.iter().map(|(_, h)| *h).sum();
    let details_share = if focus == Pane::Details { left.height * 3 / 4 } else { left.height / 4 };
    let details_least = fit(wanted.details).min(details_share).max(4.min(left.height / 2));
    let details_least =
        if focus != Pane::Details && want + 4 <= left.height && want + details_least > left.height {
            left.height - want
        } else {
            details_least
        };
    let room = left.height.saturating_sub(details_least);
    let heights: Vec<u16> = if want <= room {
        lists.iter().map(|(_, h)| *h).collect()
    } else {
        // Share the room: the shortest lists whole when they fit in an
        // equal share, the rest shared equally, each at least `least`.
        let mut hs = vec![0u16; lists.len()];
        let mut order: Vec<usize> = (0..lists.len()).collect();
        order.sort_by_key(|&i| lists[i].1);
        let mut left = room;
        for (n, &i) in order.iter().enumerate() {
            let share = left / (order.len() - n) as u16;
            hs[i] = lists[i].1.min(share).max(least.min(share.max(1)));
            left = left.saturating_sub(hs[i]);
        }
        hs
    };
    let mut y = left.y;
    for ((pane, _), h) in lists.iter().zip(heights) {
        let h = h.min(left.bottom().saturating_sub(y));
        let rect = Rect { y, height: h, ..left };
        match pane {
            Pane::Articles => panes.articles = Some(rect),
            Pane::Speakers => panes.speakers = Some(rect),
            _ => panes.issues = Some(rect),
        }
        y += h;
    }
    panes.details = Some(Rect { y, height: left.bottom().saturating_sub(y), ..left });
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
                    for articles in [None, Some(6)] {
                        let wanted = Wanted { articles, speakers: 9, issues: 10, details: 12 };
                        let Screen::Panes(p) = compute(area, focus, wanted, 2) else { continue };
                        let rects = [
                            p.banner,
                            p.articles,
                            p.speakers,
                            p.issues,
                            p.details,
                            p.quotes,
                            p.article,
                            Some(p.status),
                        ];
                        for r in rects.into_iter().flatten() {
                            assert!(area.contains(r.as_position()) || r.area() == 0, "{width}x{height}");
                            assert!(
                                r.right() <= area.right() && r.bottom() <= area.bottom(),
                                "{width}x{height} {r:?}"
                            );
                        }
                        let shown = p.get(focus).is_some() || focus == Pane::Article || articles.is_none();
                        assert!(shown, "{focus:?} at {width}x{height}");
                    }
                }
            }
        }
    }

    #[test]
    fn details_take_what_the_lists_leave() {
        let area = Rect::new(0, 0, 160, 45);
        let wanted = Wanted { articles: None, speakers: 9, issues: 10, details: 30 };
        let Screen::Panes(p) = compute(area, Pane::Speakers, wanted, 0) else { panic!() };
        assert_eq!(p.speakers.unwrap().height, 11);
        assert_eq!(p.issues.unwrap().height, 12);
        assert_eq!(p.details.unwrap().height, 44 - 23, "the rest of the column");
        let Screen::Panes(p) = compute(area, Pane::Details, wanted, 0) else { panic!() };
        assert!(p.details.unwrap().height >= 32, "with focus, Details takes most of the column");
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
    /// The width of an issue's column: wider when there is room, so that
    /// titles break between words.
    pub column: u16,
    /// Rows of the grid that fit.
    pub rows: usize,
}

/// The widest an issue's column grows.
pub const MATRIX_COLUMN_MAX: u16 = 24;

impl MatrixGrid {
    /// The grid for `columns` columns (the totals included).
    pub fn new(area: Rect, longest_name: usize, columns: usize) -> MatrixGrid {
        let inner = Rect {
            x: area.x + 1,
            y: area.y + 1,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        };
        let name_width = (longest_name as u16 + 1).clamp(8, 27).min(inner.width / 3);
        let rows = inner.height.saturating_sub(MATRIX_HEADER + MATRIX_FOOTER) as usize;
        let room = inner.width.saturating_sub(name_width + MATRIX_TOTAL);
        let column = (room / columns.saturating_sub(1).max(1) as u16).clamp(MATRIX_COLUMN, MATRIX_COLUMN_MAX);
        MatrixGrid { inner, name_width, column, rows: rows.max(1) }
    }

    /// The width of grid column `c` of `columns` (the last is the totals).
    pub fn column_width(&self, c: usize, columns: usize) -> u16 {
        if c + 1 == columns { MATRIX_TOTAL } else { self.column }
    }

    /// How many columns, from `left` on, fit beside the names.
    pub fn columns_from(&self, left: usize, columns: usize) -> usize {
        let mut room = self.inner.width.saturating_sub(self.name_width);
        let mut n = 0;
        for c in left..columns {
            let w = self.column_width(c, columns);
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
            let w = self.column_width(c, columns);
            if x < w {
                return Some((top + y, c));
            }
            x -= w;
        }
        None
    }
}
