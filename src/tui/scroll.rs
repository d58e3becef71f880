//! A selection in a scrolling list and the first row shown: the one place
//! that keeps a cursor inside its list and on screen, for the lists, the
//! article's cursor row and the stance matrix alike.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

impl Scroll {
    /// Moves the selection by `delta`, within `len` rows.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.selected = (self.selected as isize).saturating_add(delta).clamp(0, last) as usize;
    }

    /// Scrolls so that the selection is among the `visible` rows shown,
    /// and no further than the last screenful.
    pub fn keep_visible(&mut self, visible: usize, len: usize) {
        let visible = visible.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }

    /// The same, for rows of varying size: `fits(offset)` is how many rows
    /// fit on screen when `offset` is the first shown.
    pub fn keep_visible_by(&mut self, len: usize, fits: impl Fn(usize) -> usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = self.offset.min(self.selected);
        while self.selected >= self.offset + fits(self.offset).max(1) {
            self.offset += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_inside_and_on_screen() {
        let mut s = Scroll::default();
        s.step(5, 10);
        s.keep_visible(3, 10);
        assert_eq!(s, Scroll { selected: 5, offset: 3 });
        s.step(-100, 10);
        s.keep_visible(3, 10);
        assert_eq!(s, Scroll { selected: 0, offset: 0 });
        s.step(100, 10);
        s.keep_visible(20, 10);
        assert_eq!(s, Scroll { selected: 9, offset: 0 });
        let mut v = Scroll { selected: 4, offset: 0 };
        v.keep_visible_by(10, |offset| if offset == 0 { 2 } else { 3 });
        assert_eq!(v.offset, 2);
        let mut empty = Scroll { selected: 3, offset: 2 };
        empty.keep_visible(5, 0);
        assert_eq!(empty, Scroll::default());
    }
}
