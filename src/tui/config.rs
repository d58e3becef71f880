//! The user's config file, `config.toml` in whosaid's config directory:
//! keys remapped by action name (the names the help shows) and the theme's
//! colours. A file with any problem is reported, line and column, and the
//! browser runs on the defaults: half a config is a surprise, the defaults
//! are not.

use crate::model::diagnostic::did_you_mean;
use crate::model::{Diagnostic, Position, Severity};
use crate::tui::keymap::{Action, Context, KEYMAP, Key, Keymap};
use crate::tui::theme::Palette;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use toml::Spanned;

/// What a config file sets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Palette,
}

/// Where the config file is: `$XDG_CONFIG_HOME/whosaid/config.toml`, which
/// is `~/.config/whosaid/config.toml` unless set (on macOS and Windows, the
/// platform's config directory).
pub fn path() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("whosaid").join("config.toml"))
}

/// The user's config and what is wrong with it: no file is no problem; a
/// file with problems gives the defaults and its diagnostics.
pub fn load() -> (Config, Vec<Diagnostic>) {
    match path() {
        Some(path) if path.exists() => load_from(&path),
        _ => (Config::default(), Vec::new()),
    }
}

/// The config in `path`, or the defaults and why not.
pub fn load_from(path: &Path) -> (Config, Vec<Diagnostic>) {
    let name = path.display().to_string();
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => {
            let at = Position::of_byte(e.as_bytes(), e.utf8_error().valid_up_to());
            return (
                Config::default(),
                vec![problem(&name, at, "the file is not UTF-8 text; save it as UTF-8")],
            );
        }
        Err(e) => {
            let message = format!("cannot be read ({e}); whosaid runs on its defaults");
            return (Config::default(), vec![problem(&name, Position::START, &message)]);
        }
    };
    match parse(&text, &name) {
        Ok(config) => (config, Vec::new()),
        Err(problems) => (Config::default(), problems),
    }
}

/// A table of names and values, each with its place in the file.
type Placed = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// The file as TOML sees it, every name and value with its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Placed>>,
    #[serde(default)]
    theme: Placed,
}

/// The config a text sets, or everything wrong with it.
pub fn parse(text: &str, file: &str) -> Result<Config, Vec<Diagnostic>> {
    let at = |offset: usize| Position::of_byte(text.as_bytes(), offset);
    let parsed: File = toml::from_str(text).map_err(|e| {
        let position = e.span().map_or(Position::START, |span| at(span.start));
        vec![problem(file, position, e.message().trim_end())]
    })?;
    let mut problems = Vec::new();
    let mut config = Config::default();
    let mut given: Vec<(Context, Action, usize)> = Vec::new();
    for (context_name, table) in &parsed.keys {
        let Some(context) = Context::ALL.into_iter().find(|c| c.name() == context_name.get_ref()) else {
            let names = Context::ALL.map(Context::name);
            let message = format!(
                "there is no [keys.{}] table{}; the tables are {}",
                context_name.get_ref(),
                hint(did_you_mean(context_name.get_ref(), names)),
                names.map(|n| format!("[keys.{n}]")).join(", ")
            );
            problems.push(problem(file, at(context_name.span().start), &message));
            continue;
        };
        for (action_name, value) in table.get_ref() {
            let actions: Vec<&str> =
                KEYMAP.iter().filter(|b| b.context == context).map(|b| b.action.name()).collect();
            let Some(action) = KEYMAP
                .iter()
                .find(|b| b.context == context && b.action.name() == action_name.get_ref())
                .map(|b| b.action)
            else {
                let message = format!(
                    "[keys.{}] has no action `{}`{}; `whosaid config` lists every action",
                    context.name(),
                    action_name.get_ref(),
                    hint(did_you_mean(action_name.get_ref(), actions.iter().copied()))
                );
                problems.push(problem(file, at(action_name.span().start), &message));
                continue;
            };
            if action == Action::Type {
                let message = "`type` is every letter typed into the query and cannot be remapped";
                problems.push(problem(file, at(action_name.span().start), message));
                continue;
            }
            match keys(value, context) {
                Ok(keys) => {
                    config.keymap.rebind(context, action, keys);
                    given.push((context, action, value.span().start));
                }
                Err((offset, message)) => problems.push(problem(file, at(offset), &message)),
            }
        }
    }
    if let Some((context, key, first, second)) = config.keymap.clash() {
        let offset = given
            .iter()
            .rev()
            .find(|(c, a, _)| *c == context && (*a == first || *a == second))
            .map_or(0, |(_, _, offset)| *offset);
        let message = format!(
            "`{}` would both {} and {} in [keys.{}]; give one of them other keys",
            key.name(),
            first.name(),
            second.name(),
            context.name()
        );
        problems.push(problem(file, at(offset), &message));
    }
    for (name, value) in &parsed.theme {
        if let Err((offset, message)) = set_colour(&mut config.palette, name, value) {
            problems.push(problem(file, at(offset), &message));
        }
    }
    problems.sort_by_key(|p| p.position);
    if problems.is_empty() { Ok(config) } else { Err(problems) }
}

/// The keys a value names: one name or a list of them.
fn keys(value: &Spanned<toml::Value>, context: Context) -> Result<Vec<Key>, (usize, String)> {
    let names: Vec<(&str, usize)> = match value.get_ref() {
        toml::Value::String(name) => vec![(name.as_str(), value.span().start)],
        toml::Value::Array(items) => {
            let mut names = Vec::new();
            for item in items {
                match item.as_str() {
                    Some(name) => names.push((name, value.span().start)),
                    None => {
                        return Err((
                            value.span().start,
                            "each key is a string, as in [\"j\", \"Down\"]".into(),
                        ));
                    }
                }
            }
            names
        }
        _ => {
            return Err((
                value.span().start,
                "give a key name or a list of them, as in [\"j\", \"Down\"]".into(),
            ));
        }
    };
    if names.is_empty() {
        return Err((value.span().start, "an action needs at least one key".into()));
    }
    let mut keys = Vec::new();
    for (name, offset) in names {
        let Some(key) = Key::parse(name) else {
            return Err((
                offset,
                format!(
                    "`{name}` is not a key; name one as the help does: a letter, Ctrl-x, Tab, Shift-Tab, \
                     Enter, Esc, Up, Down, Left, Right, Home, End, PgUp, PgDn, Backspace, Space, F1–F12"
                ),
            ));
        };
        if context.types_letters() && matches!(key, Key::Char(_)) {
            return Err((offset, format!("`{name}` types here; give this action a Ctrl- or named key")));
        }
        keys.push(key);
    }
    Ok(keys)
}

/// Sets one colour of the palette (or the speakers' list) from the file.
fn set_colour(
    palette: &mut Palette,
    name: &Spanned<String>,
    value: &Spanned<toml::Value>,
) -> Result<(), (usize, String)> {
    let offset = value.span().start;
    if name.get_ref() == "speakers" {
        let Some(items) = value.get_ref().as_array() else {
            return Err((offset, "speakers is a list of colours, as in [\"cyan\", \"yellow\"]".into()));
        };
        if items.is_empty() || items.len() > palette.speakers.len() {
            return Err((offset, format!("give speakers 1 to {} colours", palette.speakers.len())));
        }
        let colours = items.iter().map(|item| colour(item, offset)).collect::<Result<Vec<_>, _>>()?;
        for (slot, colour) in palette.speakers.iter_mut().zip(colours.iter().cycle()) {
            *slot = *colour;
        }
        return Ok(());
    }
    let mut named = palette.named();
    let names: Vec<&str> = std::iter::once("speakers").chain(named.iter().map(|(n, _, _)| *n)).collect();
    let Some((_, _, slot)) = named.iter_mut().find(|(n, _, _)| *n == name.get_ref()) else {
        let message = format!(
            "[theme] has no colour `{}`{}; the colours are {}",
            name.get_ref(),
            hint(did_you_mean(name.get_ref(), names.iter().copied())),
            names.join(", ")
        );
        return Err((name.span().start, message));
    };
    **slot = colour(value.get_ref(), offset)?;
    Ok(())
}

fn colour(value: &toml::Value, offset: usize) -> Result<Color, (usize, String)> {
    // `focus = 42`: a number of the terminal's palette, written bare.
    if let Some(n) = value.as_integer() {
        return u8::try_from(n)
            .map(Color::Indexed)
            .map_err(|_| (offset, format!("{n} is not a colour of the palette; give 0–255")));
    }
    let name = value.as_str().unwrap_or_default();
    Color::from_str(name).map_err(|_| {
        (
            offset,
            format!(
                "`{name}` is not a colour; use a name (red, light-blue, dark-gray, …), #rrggbb, or 0–255{}",
                hint(did_you_mean(name, COLOUR_NAMES))
            ),
        )
    })
}

const COLOUR_NAMES: [&str; 17] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark-gray",
    "light-red",
    "light-green",
    "light-yellow",
    "light-blue",
    "light-magenta",
    "light-cyan",
    "white",
    "reset",
];

/// A colour as the config file writes it: `light-cyan`, `#1e90ff`, `42`.
fn colour_name(colour: Color) -> String {
    let shown = colour.to_string();
    if !shown.chars().all(|c| c.is_ascii_alphabetic()) {
        return shown.to_lowercase();
    }
    let mut name = String::new();
    for (i, c) in shown.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            name.push('-');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

fn hint(suggestion: Option<&str>) -> String {
    suggestion.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default()
}

fn problem(file: &str, position: Position, message: &str) -> Diagnostic {
    Diagnostic { file: file.to_string(), severity: Severity::Error, position, message: message.to_string() }
}

/// The default config file, every action and colour commented out, as
/// `whosaid config` prints it.
pub fn default_file() -> String {
    let keymap = Keymap::default();
    let mut out = String::from(
        "# whosaid's config file: $XDG_CONFIG_HOME/whosaid/config.toml\n\
         # (~/.config/whosaid/config.toml). Uncomment a line and change it.\n\
         # A file with a mistake is reported when the browser starts, and the\n\
         # browser then runs on these defaults.\n\
         #\n\
         # Keys are named as the help (?) shows them: a letter, Ctrl-x, Tab,\n\
         # Shift-Tab, Enter, Esc, Up, Down, Left, Right, Home, End, PgUp, PgDn,\n\
         # Backspace, Space, F1-F12. A key does one thing per table; in\n\
         # [keys.search] letters type into the query.\n",
    );
    for context in Context::ALL {
        out.push_str(&format!("\n[keys.{}]\n", context.name()));
        let bindings: Vec<_> =
            keymap.bindings().filter(|(b, _)| b.context == context && b.action != Action::Type).collect();
        let width =
            bindings.iter().map(|(b, keys)| b.action.name().len() + key_list(keys).len()).max().unwrap_or(0);
        for (binding, keys) in bindings {
            let line = format!("{} = {}", binding.action.name(), key_list(keys));
            out.push_str(&format!("# {line:<w$}  # {}\n", binding.help, w = width + 3));
        }
    }
    let mut palette = Palette::default();
    out.push_str(
        "\n[theme]\n\
         # Colours: a name (red, light-blue, dark-gray, ...), #rrggbb, or 0-255.\n\
         # NO_COLOR set in the environment turns colour off.\n",
    );
    let speakers: Vec<String> = palette.speakers.iter().map(|c| format!("\"{}\"", colour_name(*c))).collect();
    out.push_str(&format!("# speakers = [{}]  # one per speaker, in turn\n", speakers.join(", ")));
    for (name, what, colour) in palette.named() {
        out.push_str(&format!("# {:<28}  # {what}\n", format!("{name} = \"{}\"", colour_name(*colour))));
    }
    out
}

fn key_list(keys: &[Key]) -> String {
    let names: Vec<String> =
        keys.iter().map(|k| format!("\"{}\"", k.name().replace('\\', "\\\\").replace('"', "\\\""))).collect();
    format!("[{}]", names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uncommented(file: &str) -> String {
        file.lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest) if rest.contains(" = ") => rest,
                _ => line,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_default_file_reads_back_as_the_defaults_commented_or_not() {
        let file = default_file();
        assert_eq!(parse(&file, "config.toml"), Ok(Config::default()));
        let every_line = uncommented(&file);
        assert!(every_line.contains("\nquit = [\"q\", \"Ctrl-c\"]"), "{every_line}");
        assert_eq!(parse(&every_line, "config.toml"), Ok(Config::default()));
    }

    #[test]
    fn a_remapped_key_is_found_and_named() {
        let config =
            parse("[keys.browse]\nnext_pane = [\"Ctrl-n\", \"F2\"]\n[theme]\nfocus = \"#ff8800\"\n", "c")
                .unwrap();
        assert_eq!(config.keymap.lookup(Context::Browse, Key::Ctrl('n')), Some(Action::NextPane));
        assert_eq!(config.keymap.lookup(Context::Browse, Key::parse("Tab").unwrap()), None);
        assert_eq!(config.keymap.hints(Context::Browse)[0].0, "Ctrl-n");
        assert_eq!(config.palette.focus, Color::Rgb(0xff, 0x88, 0x00));
    }

    #[test]
    fn mistakes_are_located_and_say_what_to_do() {
        let cases = [
            (
                "[keys.browse]\nnext_pain = \"n\"\n",
                "c:2:1: error: [keys.browse] has no action `next_pain` (did you mean `next_pane`?)",
            ),
            ("[keys.brows]\n", "c:1:7: error: there is no [keys.brows] table (did you mean `browse`?)"),
            ("[keys.browse]\nquit = \"Ctrl-Q-x\"\n", "c:2:8: error: `Ctrl-Q-x` is not a key"),
            ("[keys.browse]\nquit = []\n", "c:2:8: error: an action needs at least one key"),
            (
                "[keys.browse]\nnext_pane = \"j\"\n",
                "c:2:13: error: `j` would both next_pane and down in [keys.browse]",
            ),
            (
                "[keys.search]\nclear = \"x\"\n",
                "c:2:9: error: `x` types here; give this action a Ctrl- or named key",
            ),
            ("[theme]\nfocus = \"purpel\"\n", "c:2:9: error: `purpel` is not a colour"),
            (
                "[theme]\nfocs = \"red\"\n",
                "c:2:1: error: [theme] has no colour `focs` (did you mean `focus`?)",
            ),
            ("[theme]\nspeakers = \"red\"\n", "c:2:12: error: speakers is a list of colours"),
            ("[thme]\n", "c:1:2: error: unknown field `thme`, expected `keys` or `theme`"),
            ("[keys.browse\n", "c:1:13: error:"),
        ];
        for (text, expected) in cases {
            let problems = parse(text, "c").unwrap_err();
            assert!(problems[0].render().starts_with(expected), "{text:?}: {}", problems[0].render());
        }
    }
}
