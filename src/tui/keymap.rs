//! The one table of keys. It dispatches key presses, writes the status-line
//! hints and fills the help overlay, so the three can never disagree. The
//! table built in is [`KEYMAP`]; a [`Keymap`] is that table with the keys a
//! config file gives to actions by name.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as the table names it. Letters are matched as typed, so `G` and
/// `?` match whatever modifiers the terminal reports with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// Any character without Ctrl: the query line types it.
    AnyChar,
}

impl Key {
    /// The key of a terminal event; releases and repeats-as-release are
    /// ignored, so each press acts once.
    pub fn of(event: &KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        Some(match event.code {
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                Key::Ctrl(c.to_ascii_lowercase())
            }
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => Key::Code(KeyCode::BackTab),
            code => Key::Code(code),
        })
    }

    /// A key from its name, as [`Key::name`] writes it (and a few more:
    /// `Up`, `Down`, `Left`, `Right` for the arrows).
    pub fn parse(name: &str) -> Option<Key> {
        let code = |c| Some(Key::Code(c));
        match name {
            "Tab" => code(KeyCode::Tab),
            "Shift-Tab" | "BackTab" => code(KeyCode::BackTab),
            "Enter" => code(KeyCode::Enter),
            "Esc" => code(KeyCode::Esc),
            "Up" | "↑" => code(KeyCode::Up),
            "Down" | "↓" => code(KeyCode::Down),
            "Left" | "←" => code(KeyCode::Left),
            "Right" | "→" => code(KeyCode::Right),
            "Home" => code(KeyCode::Home),
            "End" => code(KeyCode::End),
            "PgUp" | "PageUp" => code(KeyCode::PageUp),
            "PgDn" | "PageDown" => code(KeyCode::PageDown),
            "Backspace" => code(KeyCode::Backspace),
            "Space" => Some(Key::Char(' ')),
            _ => {
                if let Some(rest) =
                    name.get(..5).filter(|p| p.eq_ignore_ascii_case("ctrl-")).map(|_| &name[5..])
                {
                    let mut chars = rest.chars();
                    return match (chars.next(), chars.next()) {
                        (Some(c), None) if c.is_ascii_alphabetic() => Some(Key::Ctrl(c.to_ascii_lowercase())),
                        _ => None,
                    };
                }
                if let Some(n) =
                    name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=12).contains(n))
                {
                    return code(KeyCode::F(n));
                }
                let mut chars = name.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() && !c.is_whitespace() => Some(Key::Char(c)),
                    _ => None,
                }
            }
        }
    }

    pub fn name(self) -> String {
        match self {
            Key::AnyChar => "letters…".into(),
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Code(code) => match code {
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            },
        }
    }
}

/// What a key press asks for. Mouse, resize and reload outcomes arrive as
/// other [`super::app::Event`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    NextPane,
    PrevPane,
    LeftColumn,
    RightColumn,
    Down,
    Up,
    First,
    Last,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Enter,
    Escape,
    NextSpan,
    PrevSpan,
    Exchange,
    Copy,
    Reload,
    Help,
    Quit,
    Suspend,
    Edit,
    Search,
    NextHit,
    PrevHit,
    Matrix,
    Fold,
    Timeline,
    /// Back to where the reader was before the last jump.
    Back,
    /// The selected quote, full screen, with its paragraph.
    Read,
    /// A speaker's relayed quotes, or back to what it said.
    Relayed,
    /// Marks the candidates of `suggest` that no quote covers.
    Uncovered,
    /// Annotating (see [`super::annotate`]):
    Accept,
    Reject,
    Stances,
    ChangeSpeaker,
    CycleKind,
    Delete,
    StartLeft,
    StartRight,
    EndLeft,
    EndRight,
    Undo,
    Retry,
    /// In the forms (see [`super::form`]):
    Support,
    Oppose,
    Neutral,
    Mixed,
    NoStance,
    ToggleIssue,
    Yes,
    /// In the query line:
    Type,
    DeleteBack,
    DeleteWord,
    ClearLine,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
}

impl Action {
    /// The action's name, as a config file and the help write it.
    pub fn name(self) -> &'static str {
        match self {
            Action::NextPane => "next_pane",
            Action::PrevPane => "previous_pane",
            Action::LeftColumn => "left",
            Action::RightColumn => "right",
            Action::Down => "down",
            Action::Up => "up",
            Action::First => "first",
            Action::Last => "last",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::Enter => "enter",
            Action::Escape => "escape",
            Action::NextSpan => "next_quote_in_article",
            Action::PrevSpan => "previous_quote_in_article",
            Action::Exchange => "answers",
            Action::Copy => "copy",
            Action::Reload => "reload",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::Edit => "edit",
            Action::Search => "search",
            Action::NextHit => "next_hit",
            Action::PrevHit => "previous_hit",
            Action::Matrix => "matrix",
            Action::Fold => "fold",
            Action::Timeline => "timeline",
            Action::Back => "back",
            Action::Read => "read",
            Action::Relayed => "relayed",
            Action::Uncovered => "uncovered",
            Action::Accept => "accept",
            Action::Reject => "reject",
            Action::Stances => "stance",
            Action::ChangeSpeaker => "change_speaker",
            Action::CycleKind => "kind",
            Action::Delete => "delete",
            Action::StartLeft => "span_start_left",
            Action::StartRight => "span_start_right",
            Action::EndLeft => "span_end_left",
            Action::EndRight => "span_end_right",
            Action::Undo => "undo",
            Action::Retry => "retry_write",
            Action::Support => "support",
            Action::Oppose => "oppose",
            Action::Neutral => "neutral",
            Action::Mixed => "mixed",
            Action::NoStance => "no_stance",
            Action::ToggleIssue => "toggle_issue",
            Action::Yes => "yes",
            Action::Type => "type",
            Action::DeleteBack => "delete_char",
            Action::DeleteWord => "delete_word",
            Action::ClearLine => "clear",
            Action::CursorLeft => "cursor_left",
            Action::CursorRight => "cursor_right",
            Action::CursorHome => "cursor_home",
            Action::CursorEnd => "cursor_end",
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The browser's panes.
    Browse,
    /// The query line of a search.
    Search,
    /// The stance matrix.
    Matrix,
    /// A speaker's stances over time.
    Timeline,
    /// One quote, full screen.
    Reading,
    /// The help overlay.
    Help,
    /// The speaker picker of the accept form: typing filters.
    Speaker,
    /// The issues-and-stances picker (and the rest of the accept form).
    Stances,
    /// A question to answer yes or no.
    Confirm,
}

impl Context {
    pub const ALL: [Context; 9] = [
        Context::Browse,
        Context::Search,
        Context::Matrix,
        Context::Timeline,
        Context::Reading,
        Context::Help,
        Context::Speaker,
        Context::Stances,
        Context::Confirm,
    ];

    /// Whether letters type here (into the query, the speaker's name).
    pub fn types_letters(self) -> bool {
        matches!(self, Context::Search | Context::Speaker)
    }

    /// The context's name: its table in a config file, `[keys.browse]`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Browse => "browse",
            Context::Search => "search",
            Context::Matrix => "matrix",
            Context::Timeline => "timeline",
            Context::Reading => "reading",
            Context::Help => "help",
            Context::Speaker => "speaker",
            Context::Stances => "stances",
            Context::Confirm => "confirm",
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub context: Context,
    /// The line in the help overlay.
    pub help: &'static str,
    /// The word in the status line, for the few keys shown there.
    pub hint: Option<&'static str>,
}

use Key::{Char, Code, Ctrl};

const fn b(
    keys: &'static [Key],
    action: Action,
    context: Context,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding { keys, action, context, help, hint }
}

pub const KEYMAP: &[Binding] = &[
    b(&[Code(KeyCode::Tab)], Action::NextPane, Context::Browse, "next pane", Some("next pane")),
    b(&[Code(KeyCode::BackTab)], Action::PrevPane, Context::Browse, "previous pane", None),
    b(&[Char('h'), Code(KeyCode::Left)], Action::LeftColumn, Context::Browse, "left column", None),
    b(&[Char('l'), Code(KeyCode::Right)], Action::RightColumn, Context::Browse, "right column", None),
    b(
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        Context::Browse,
        "move down (article: scroll)",
        Some("move"),
    ),
    b(&[Char('k'), Code(KeyCode::Up)], Action::Up, Context::Browse, "move up (article: scroll)", None),
    b(&[Char('g'), Code(KeyCode::Home)], Action::First, Context::Browse, "first", None),
    b(&[Char('G'), Code(KeyCode::End)], Action::Last, Context::Browse, "last", None),
    b(&[Ctrl('d')], Action::HalfPageDown, Context::Browse, "half a page down", None),
    b(&[Ctrl('u')], Action::HalfPageUp, Context::Browse, "half a page up", None),
    b(&[Code(KeyCode::PageDown)], Action::PageDown, Context::Browse, "a page down", None),
    b(&[Code(KeyCode::PageUp)], Action::PageUp, Context::Browse, "a page up", None),
    b(
        &[Code(KeyCode::Enter)],
        Action::Enter,
        Context::Browse,
        "speaker, issue or article: go to its quotes · quote: go to the article · article: select the quote under the cursor (again: the next one there)",
        None,
    ),
    b(
        &[Char(']')],
        Action::NextSpan,
        Context::Browse,
        "next quote of the list further down the article (article order)",
        None,
    ),
    b(
        &[Char('[')],
        Action::PrevSpan,
        Context::Browse,
        "previous quote of the list further up the article (article order)",
        None,
    ),
    b(
        &[Char('a')],
        Action::Exchange,
        Context::Browse,
        "through a question's answers (and the answers to a reply that asks back), then back to the question",
        None,
    ),
    b(
        &[Char('z')],
        Action::Read,
        Context::Browse,
        "read the quote full screen, with its paragraph",
        Some("read"),
    ),
    b(
        &[Char('v')],
        Action::Relayed,
        Context::Browse,
        "speaker: the quotes it relayed, or back to those it said",
        None,
    ),
    b(
        &[Char('u')],
        Action::Uncovered,
        Context::Browse,
        "underline what suggest finds in the article that no quote covers yet (again: stop)",
        None,
    ),
    b(
        &[Char('A')],
        Action::Accept,
        Context::Browse,
        "accept the candidate selected with ] or [ (after u): speaker, kind, issues and stances",
        None,
    ),
    b(&[Char('X')], Action::Reject, Context::Browse, "reject the selected candidate (into rejected:)", None),
    b(
        &[Char('S')],
        Action::Stances,
        Context::Browse,
        "the quote's issues and stances, recommendations marked",
        None,
    ),
    b(
        &[Char('W')],
        Action::ChangeSpeaker,
        Context::Browse,
        "who said the quote: another speaker, or a new one",
        None,
    ),
    b(&[Char('K')], Action::CycleKind, Context::Browse, "the quote's kind: direct, indirect, question", None),
    b(&[Char('D')], Action::Delete, Context::Browse, "delete the quote (asks first)", None),
    b(&[Char('<')], Action::StartLeft, Context::Browse, "the quote's span starts a word earlier", None),
    b(&[Char('>')], Action::StartRight, Context::Browse, "the quote's span starts a word later", None),
    b(&[Char('{')], Action::EndLeft, Context::Browse, "the quote's span ends a word earlier", None),
    b(&[Char('}')], Action::EndRight, Context::Browse, "the quote's span ends a word later", None),
    b(
        &[Char('U')],
        Action::Undo,
        Context::Browse,
        "undo the last change written (again: the one before)",
        None,
    ),
    b(
        &[Char('R')],
        Action::Retry,
        Context::Browse,
        "try again a change refused because its file had changed on disk",
        None,
    ),
    b(&[Ctrl('o')], Action::Back, Context::Browse, "back to before the last jump", Some("back")),
    b(&[Char('/')], Action::Search, Context::Browse, "search quotes as you type", Some("search")),
    b(&[Char('n')], Action::NextHit, Context::Browse, "next search hit", None),
    b(&[Char('N')], Action::PrevHit, Context::Browse, "previous search hit", None),
    b(
        &[Code(KeyCode::Esc)],
        Action::Escape,
        Context::Browse,
        "go back (as Ctrl-o), else clear the search, else the filters",
        None,
    ),
    b(&[Char('m')], Action::Matrix, Context::Browse, "stance matrix: speakers × issues", Some("matrix")),
    b(
        &[Char('t')],
        Action::Timeline,
        Context::Browse,
        "the selected speaker's stances over time (issues × articles)",
        None,
    ),
    b(&[Char('y')], Action::Copy, Context::Browse, "copy the quote with its citation", Some("copy")),
    b(&[Char('r')], Action::Reload, Context::Browse, "reload the file", None),
    b(&[Char('?')], Action::Help, Context::Browse, "help", Some("help")),
    b(&[Ctrl('z')], Action::Suspend, Context::Browse, "suspend to the shell (fg resumes)", None),
    b(
        &[Char('e')],
        Action::Edit,
        Context::Browse,
        "edit the quote in $VISUAL or $EDITOR, at its line; the browser reloads after",
        None,
    ),
    b(&[Char('q'), Ctrl('c')], Action::Quit, Context::Browse, "quit", Some("quit")),
    b(
        &[Code(KeyCode::Enter)],
        Action::Enter,
        Context::Search,
        "keep the result, go to the quotes",
        Some("keep"),
    ),
    b(
        &[Code(KeyCode::Esc)],
        Action::Escape,
        Context::Search,
        "cancel: the list as it was before",
        Some("cancel"),
    ),
    b(&[Code(KeyCode::Down), Ctrl('n')], Action::Down, Context::Search, "next quote in the list", None),
    b(&[Code(KeyCode::Up), Ctrl('p')], Action::Up, Context::Search, "previous quote in the list", None),
    b(&[Code(KeyCode::Backspace)], Action::DeleteBack, Context::Search, "delete a character", None),
    b(&[Ctrl('w')], Action::DeleteWord, Context::Search, "delete a word", None),
    b(&[Ctrl('u')], Action::ClearLine, Context::Search, "clear the query", None),
    b(&[Code(KeyCode::Left)], Action::CursorLeft, Context::Search, "cursor left", None),
    b(&[Code(KeyCode::Right)], Action::CursorRight, Context::Search, "cursor right", None),
    b(&[Code(KeyCode::Home), Ctrl('a')], Action::CursorHome, Context::Search, "start of the query", None),
    b(&[Code(KeyCode::End), Ctrl('e')], Action::CursorEnd, Context::Search, "end of the query", None),
    b(&[Ctrl('c')], Action::Quit, Context::Search, "quit", None),
    b(&[Key::AnyChar], Action::Type, Context::Search, "type into the query", None),
    b(&[Char('h'), Code(KeyCode::Left)], Action::LeftColumn, Context::Matrix, "issue to the left", None),
    b(&[Char('l'), Code(KeyCode::Right)], Action::RightColumn, Context::Matrix, "issue to the right", None),
    b(&[Char('j'), Code(KeyCode::Down)], Action::Down, Context::Matrix, "next speaker", Some("move")),
    b(&[Char('k'), Code(KeyCode::Up)], Action::Up, Context::Matrix, "previous speaker", None),
    b(&[Char('g'), Code(KeyCode::Home)], Action::First, Context::Matrix, "first speaker", None),
    b(&[Char('G'), Code(KeyCode::End)], Action::Last, Context::Matrix, "the totals row", None),
    b(
        &[Code(KeyCode::Enter)],
        Action::Enter,
        Context::Matrix,
        "show the quotes of this cell",
        Some("quotes"),
    ),
    b(
        &[Char('f')],
        Action::Fold,
        Context::Matrix,
        "fold sub-issues into their parents, or unfold",
        Some("fold"),
    ),
    b(
        &[Char('m'), Char('q'), Code(KeyCode::Esc)],
        Action::Escape,
        Context::Matrix,
        "back to the browser",
        Some("back"),
    ),
    b(&[Char('?')], Action::Help, Context::Matrix, "help", None),
    b(&[Ctrl('c')], Action::Quit, Context::Matrix, "quit", None),
    b(&[Char('h'), Code(KeyCode::Left)], Action::LeftColumn, Context::Timeline, "earlier article", None),
    b(&[Char('l'), Code(KeyCode::Right)], Action::RightColumn, Context::Timeline, "later article", None),
    b(&[Char('j'), Code(KeyCode::Down)], Action::Down, Context::Timeline, "next issue", Some("move")),
    b(&[Char('k'), Code(KeyCode::Up)], Action::Up, Context::Timeline, "previous issue", None),
    b(
        &[Code(KeyCode::Enter)],
        Action::Enter,
        Context::Timeline,
        "show the quotes of this cell",
        Some("quotes"),
    ),
    b(
        &[Char('t'), Char('q'), Code(KeyCode::Esc)],
        Action::Escape,
        Context::Timeline,
        "back to the browser",
        Some("back"),
    ),
    b(&[Char('?')], Action::Help, Context::Timeline, "help", None),
    b(&[Ctrl('c')], Action::Quit, Context::Timeline, "quit", None),
    b(&[Char('j'), Code(KeyCode::Down)], Action::Down, Context::Reading, "scroll down", Some("scroll")),
    b(&[Char('k'), Code(KeyCode::Up)], Action::Up, Context::Reading, "scroll up", None),
    b(&[Char('g'), Code(KeyCode::Home)], Action::First, Context::Reading, "top", None),
    b(&[Char('G'), Code(KeyCode::End)], Action::Last, Context::Reading, "bottom", None),
    b(&[Ctrl('d')], Action::HalfPageDown, Context::Reading, "half a page down", None),
    b(&[Ctrl('u')], Action::HalfPageUp, Context::Reading, "half a page up", None),
    b(&[Code(KeyCode::PageDown)], Action::PageDown, Context::Reading, "a page down", None),
    b(&[Code(KeyCode::PageUp)], Action::PageUp, Context::Reading, "a page up", None),
    b(&[Char('y')], Action::Copy, Context::Reading, "copy the quote with its citation", Some("copy")),
    b(&[Char('e')], Action::Edit, Context::Reading, "edit the quote in $VISUAL or $EDITOR", None),
    b(
        &[Char('a')],
        Action::Exchange,
        Context::Reading,
        "the next quote of its exchange: the answers, a reply's own answers, back to the question",
        Some("answers"),
    ),
    b(
        &[Char('z'), Char('q'), Code(KeyCode::Esc)],
        Action::Escape,
        Context::Reading,
        "back to the browser",
        Some("back"),
    ),
    b(&[Char('?')], Action::Help, Context::Reading, "help", None),
    b(&[Ctrl('c')], Action::Quit, Context::Reading, "quit", None),
    b(&[Char('j'), Code(KeyCode::Down)], Action::Down, Context::Help, "scroll down", Some("scroll")),
    b(&[Char('k'), Code(KeyCode::Up)], Action::Up, Context::Help, "scroll up", None),
    b(&[Char('g'), Code(KeyCode::Home)], Action::First, Context::Help, "top", None),
    b(&[Char('G'), Code(KeyCode::End)], Action::Last, Context::Help, "bottom", None),
    b(&[Ctrl('d')], Action::HalfPageDown, Context::Help, "half a page down", None),
    b(&[Ctrl('u')], Action::HalfPageUp, Context::Help, "half a page up", None),
    b(&[Code(KeyCode::PageDown)], Action::PageDown, Context::Help, "a page down", None),
    b(&[Code(KeyCode::PageUp)], Action::PageUp, Context::Help, "a page up", None),
    b(
        &[Char('?'), Char('q'), Code(KeyCode::Esc)],
        Action::Escape,
        Context::Help,
        "close help",
        Some("close"),
    ),
    b(&[Ctrl('c')], Action::Quit, Context::Help, "quit", None),
    b(&[Code(KeyCode::Enter)], Action::Enter, Context::Speaker, "choose this speaker", Some("choose")),
    b(&[Code(KeyCode::Esc)], Action::Escape, Context::Speaker, "cancel: nothing is written", Some("cancel")),
    b(&[Code(KeyCode::Down), Ctrl('n')], Action::Down, Context::Speaker, "next speaker", None),
    b(&[Code(KeyCode::Up), Ctrl('p')], Action::Up, Context::Speaker, "previous speaker", None),
    b(&[Code(KeyCode::Backspace)], Action::DeleteBack, Context::Speaker, "delete a character", None),
    b(&[Ctrl('c')], Action::Quit, Context::Speaker, "quit", None),
    b(&[Key::AnyChar], Action::Type, Context::Speaker, "type to find a speaker, or a new one's name", None),
    b(&[Char('j'), Code(KeyCode::Down)], Action::Down, Context::Stances, "next issue", Some("move")),
    b(&[Char('k'), Code(KeyCode::Up)], Action::Up, Context::Stances, "previous issue", None),
    b(&[Char('s')], Action::Support, Context::Stances, "on this issue: support", Some("support")),
    b(&[Char('o')], Action::Oppose, Context::Stances, "on this issue: oppose", Some("oppose")),
    b(&[Char('n')], Action::Neutral, Context::Stances, "on this issue: neutral", None),
    b(&[Char('m')], Action::Mixed, Context::Stances, "on this issue: mixed", None),
    b(&[Char('-')], Action::NoStance, Context::Stances, "on this issue, no stance", None),
    b(&[Char(' ')], Action::ToggleIssue, Context::Stances, "this issue on or off", Some("on/off")),
    b(&[Char('K')], Action::CycleKind, Context::Stances, "the kind: direct, indirect, question", None),
    b(&[Code(KeyCode::Enter)], Action::Enter, Context::Stances, "write it", Some("write")),
    b(&[Code(KeyCode::Esc)], Action::Escape, Context::Stances, "cancel: nothing is written", Some("cancel")),
    b(&[Ctrl('c')], Action::Quit, Context::Stances, "quit", None),
    b(&[Char('y'), Code(KeyCode::Enter)], Action::Yes, Context::Confirm, "yes", Some("yes")),
    b(&[Char('n'), Code(KeyCode::Esc)], Action::Escape, Context::Confirm, "no", Some("no")),
    b(&[Ctrl('c')], Action::Quit, Context::Confirm, "quit", None),
];

/// The keys in use: the built-in table, with the keys a config file gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    /// The keys of each binding of [`KEYMAP`], in the same order.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap { keys: KEYMAP.iter().map(|b| b.keys.to_vec()).collect() }
    }
}

impl Keymap {
    /// Every binding with the keys it has here.
    pub fn bindings(&self) -> impl Iterator<Item = (&Binding, &[Key])> {
        KEYMAP.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// Gives `action` in `context` these keys instead of its own; false
    /// when the action has no key in that context.
    pub fn rebind(&mut self, context: Context, action: Action, keys: Vec<Key>) -> bool {
        match KEYMAP.iter().position(|b| b.context == context && b.action == action) {
            Some(i) => {
                self.keys[i] = keys;
                true
            }
            None => false,
        }
    }

    /// A key bound to two actions of one context, if any.
    pub fn clash(&self) -> Option<(Context, Key, Action, Action)> {
        let all: Vec<(&Binding, &[Key])> = self.bindings().collect();
        for (i, (a, keys)) in all.iter().enumerate() {
            for (b, others) in &all[i + 1..] {
                if a.context == b.context
                    && let Some(k) = keys.iter().find(|k| others.contains(k))
                {
                    return Some((a.context, *k, a.action, b.action));
                }
            }
        }
        None
    }

    /// The action bound to `key` in `context`.
    pub fn lookup(&self, context: Context, key: Key) -> Option<Action> {
        let bound = |k: &Key| *k == key || (*k == Key::AnyChar && matches!(key, Key::Char(_)));
        self.bindings()
            .find(|(b, keys)| b.context == context && keys.iter().any(bound))
            .map(|(b, _)| b.action)
    }

    /// The names of a binding's keys here, as the help shows them.
    pub fn key_names(&self, binding: &Binding) -> String {
        self.bindings()
            .find(|(b, _)| b.context == binding.context && b.action == binding.action)
            .map(|(_, keys)| keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }

    /// The first key of an action in a context, by name (`q` for quit).
    pub fn first_key(&self, context: Context, action: Action) -> Option<String> {
        self.bindings().find(|(b, _)| b.context == context && b.action == action)?.1.first().map(|k| k.name())
    }

    /// `key word` pairs for the status line, in table order; keys of one
    /// action pair are joined (`j/k move`, `hjkl move`).
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        let first = |action: Action| {
            self.bindings()
                .find(|(b, _)| b.context == context && b.action == action)
                .and_then(|(_, keys)| keys.first().map(|k| k.name()))
        };
        self.bindings()
            .filter(|(b, _)| b.context == context)
            .filter_map(|(b, keys)| {
                let hint = b.hint?;
                let key = match b.action {
                    Action::Down if matches!(context, Context::Matrix | Context::Timeline) => {
                        let names: Vec<String> =
                            [Action::LeftColumn, Action::Down, Action::Up, Action::RightColumn]
                                .map(first)
                                .into_iter()
                                .flatten()
                                .collect();
                        if names.iter().all(|n| n.chars().count() == 1) {
                            names.concat()
                        } else {
                            names.join("/")
                        }
                    }
                    Action::Down => {
                        let down = keys.first()?.name();
                        first(Action::Up).map_or(down.clone(), |up| format!("{down}/{up}"))
                    }
                    _ => keys.first()?.name(),
                };
                Some((key, hint))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_letters_and_ctrl_are_found() {
        let keymap = Keymap::default();
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::of(&shifted), Some(Char('G')));
        assert_eq!(keymap.lookup(Context::Browse, Char('G')), Some(Action::Last));
        let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(keymap.lookup(Context::Browse, Key::of(&question).unwrap()), Some(Action::Help));
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(keymap.lookup(Context::Browse, Key::of(&ctrl_d).unwrap()), Some(Action::HalfPageDown));
        let mut release = ctrl_d;
        release.kind = KeyEventKind::Release;
        assert_eq!(Key::of(&release), None);
    }

    #[test]
    fn each_action_has_one_binding_per_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                assert!(
                    a.context != b.context || a.action != b.action,
                    "{:?} twice in {:?}",
                    a.action,
                    a.context
                );
            }
        }
    }

    #[test]
    fn key_names_read_back() {
        for binding in KEYMAP {
            for &key in binding.keys.iter().filter(|k| **k != Key::AnyChar) {
                assert_eq!(Key::parse(&key.name()), Some(key), "{key:?}");
            }
        }
        assert_eq!(Key::parse("Ctrl-X"), Some(Ctrl('x')));
        assert_eq!(Key::parse("F5"), Some(Code(KeyCode::F(5))));
        for bad in ["", "Ctrl-", "Ctrl-ab", "jj", "Shift-Q", "F13"] {
            assert_eq!(Key::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_rebound_action_answers_to_its_new_keys_in_hints_and_lookup() {
        let mut keymap = Keymap::default();
        assert!(keymap.rebind(Context::Browse, Action::Search, vec![Char('s')]));
        assert_eq!(keymap.lookup(Context::Browse, Char('s')), Some(Action::Search));
        assert_eq!(keymap.lookup(Context::Browse, Char('/')), None);
        assert!(keymap.hints(Context::Browse).contains(&("s".to_string(), "search")));
        assert!(
            !keymap.rebind(Context::Search, Action::Matrix, vec![Char('x')]),
            "no matrix in the query line"
        );
        keymap.rebind(Context::Browse, Action::Copy, vec![Char('s')]);
        assert!(keymap.clash().is_some());
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} bound twice");
                    }
                }
            }
        }
    }
}
