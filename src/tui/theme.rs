//! Styles, from a palette of named colours a config file may change. With
//! `NO_COLOR` set every highlight stays visible through reverse video,
//! bold, underline and dim, never through colour alone.

use crate::model::{SpeakerIx, Stance};
use ratatui::style::{Color, Modifier, Style};

/// The colours the browser uses, each with the name a config file gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// One colour per speaker, cycling.
    pub speakers: [Color; 8],
    pub focus: Color,
    pub key: Color,
    pub cursor_row: Color,
    pub search_match: Color,
    pub banner: Color,
    pub error: Color,
    pub support: Color,
    pub oppose: Color,
    pub mixed: Color,
    pub neutral: Color,
    pub uncovered: Color,
}

impl Default for Palette {
    /// The terminal's own colours, so that they suit light and dark themes alike.
    fn default() -> Palette {
        Palette {
            speakers: [
                Color::Cyan,
                Color::Yellow,
                Color::Magenta,
                Color::Green,
                Color::LightBlue,
                Color::LightRed,
                Color::LightGreen,
                Color::LightMagenta,
            ],
            focus: Color::LightCyan,
            key: Color::LightCyan,
            cursor_row: Color::DarkGray,
            search_match: Color::LightYellow,
            banner: Color::Red,
            error: Color::LightRed,
            support: Color::LightGreen,
            oppose: Color::LightRed,
            mixed: Color::Yellow,
            neutral: Color::LightBlue,
            uncovered: Color::LightMagenta,
        }
    }
}

impl Palette {
    /// Every single colour by its name in the config file, with what it is for.
    pub fn named(&mut self) -> [(&'static str, &'static str, &mut Color); 11] {
        [
            ("focus", "the border of the pane with focus", &mut self.focus),
            ("key", "keys in the status line and the help", &mut self.key),
            ("cursor_row", "the article's cursor row", &mut self.cursor_row),
            ("search_match", "the background of search matches", &mut self.search_match),
            ("banner", "the background of the reload banner", &mut self.banner),
            ("error", "what is wrong with a query", &mut self.error),
            ("support", "the matrix's support cells", &mut self.support),
            ("oppose", "the matrix's oppose cells", &mut self.oppose),
            ("mixed", "the matrix's mixed cells", &mut self.mixed),
            ("neutral", "the matrix's neutral cells", &mut self.neutral),
            ("uncovered", "what no quote covers yet (u)", &mut self.uncovered),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// The default palette, in colour or not.
    pub fn new(color: bool) -> Theme {
        Theme { color, palette: Palette::default() }
    }

    /// Colours unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    fn speaker_color(self, speaker: SpeakerIx) -> Color {
        self.palette.speakers[speaker.index() % self.palette.speakers.len()]
    }

    pub fn speaker(self, speaker: SpeakerIx) -> Style {
        if self.color { Style::new().fg(self.speaker_color(speaker)) } else { Style::new() }
    }

    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(self.palette.focus).add_modifier(Modifier::BOLD),
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
            Style::new().bg(self.speaker_color(speaker)).fg(Color::Black).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// The article's cursor row, when the article has focus.
    pub fn cursor_row(self) -> Style {
        if self.color {
            Style::new().bg(self.palette.cursor_row)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// A candidate no quote covers (after `u`): underlined and italic, in a
    /// colour of its own.
    pub fn uncovered(self) -> Style {
        let style = Style::new().add_modifier(Modifier::UNDERLINED | Modifier::ITALIC);
        if self.color { style.fg(self.palette.uncovered) } else { style }
    }

    /// The candidate `]` or `[` selected: reversed, as the selected quote is.
    pub fn candidate_selected(self) -> Style {
        self.uncovered().add_modifier(Modifier::REVERSED | Modifier::BOLD)
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
            Style::new().fg(Color::White).bg(self.palette.banner).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn error(self) -> Style {
        if self.color {
            Style::new().fg(self.palette.error).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The parts of a quote that match the search.
    pub fn search_match(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(self.palette.search_match).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn key(self) -> Style {
        if self.color { Style::new().fg(self.palette.key) } else { Style::new().add_modifier(Modifier::BOLD) }
    }

    /// A matrix or timeline cell: its stance's colour (bold without colour),
    /// dim when no stance is stated, plain when it is empty.
    pub fn stance(self, stance: Option<Stance>, empty: bool) -> Style {
        if empty {
            return Style::new();
        }
        if !self.color {
            return match stance {
                Some(_) => Style::new().add_modifier(Modifier::BOLD),
                None => self.dim(),
            };
        }
        let p = self.palette;
        match stance {
            Some(Stance::Support) => Style::new().fg(p.support).add_modifier(Modifier::BOLD),
            Some(Stance::Oppose) => Style::new().fg(p.oppose).add_modifier(Modifier::BOLD),
            Some(Stance::Mixed) => Style::new().fg(p.mixed).add_modifier(Modifier::BOLD),
            Some(Stance::Neutral) => Style::new().fg(p.neutral),
            None => self.dim(),
        }
    }
}
