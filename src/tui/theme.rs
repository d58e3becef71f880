//! Styles. With `NO_COLOR` set every highlight stays visible through
//! reverse video, bold, underline and dim, never through colour alone.

use crate::model::SpeakerIx;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

/// One colour per speaker, cycling: the terminal's own palette, so they
/// suit light and dark themes alike.
const SPEAKER_COLORS: [Color; 8] = [
    Color::Cyan,
    Color::Yellow,
    Color::Magenta,
    Color::Green,
    Color::LightBlue,
    Color::LightRed,
    Color::LightGreen,
    Color::LightMagenta,
];

impl Theme {
    /// Colours unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    pub fn speaker(self, speaker: SpeakerIx) -> Style {
        if self.color {
            Style::new().fg(SPEAKER_COLORS[speaker.index() % SPEAKER_COLORS.len()])
        } else {
            Style::new()
        }
    }

    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// The selected row of a list: reverse video in the focused pane, bold
    /// elsewhere.
    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// A quote of the current filter, marked lightly in the article.
    pub fn quote_mark(self, speaker: SpeakerIx) -> Style {
        if self.color { self.speaker(speaker) } else { Style::new().add_modifier(Modifier::UNDERLINED) }
    }

    /// The selected quote in the article.
    pub fn quote_selected(self, speaker: SpeakerIx) -> Style {
        if self.color {
            Style::new()
                .bg(SPEAKER_COLORS[speaker.index() % SPEAKER_COLORS.len()])
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// The article's cursor row, when the article has focus.
    pub fn cursor_row(self) -> Style {
        if self.color { Style::new().bg(Color::DarkGray) } else { Style::new().add_modifier(Modifier::BOLD) }
    }

    /// A quote's own words, in Details and the reading view.
    pub fn words(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn banner(self) -> Style {
        if self.color {
            Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn error(self) -> Style {
        if self.color {
            Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The parts of a quote that match the search.
    pub fn search_match(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::LightYellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn key(self) -> Style {
        if self.color { Style::new().fg(Color::LightCyan) } else { Style::new().add_modifier(Modifier::BOLD) }
    }
}
