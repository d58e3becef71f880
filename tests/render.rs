//! Rendering tests: the App driven with real key and mouse events, drawn on
//! ratatui's TestBackend, and the screen read back.

mod common;

use common::*;
use ratatui::style::{Color, Modifier};
use whosaid::text::fold_whitespace;
use whosaid::tui::app::Event;
use whosaid::tui::layout::Pane;

#[test]
fn first_screen() {
    let app = app(120, 36);
    assert_eq!(app.focus, Pane::Speakers);
    assert_eq!(app.speakers.selected, 0, "All speakers selected");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn speaker_selection_filters_quotes_and_recounts_issues() {
    let mut app = app(120, 36);
    press(&mut app, "j j");
    let s = screen(&app);
    assert!(s.contains("Quotes · @ryabkov · 5 of 43"), "{s}");
    assert!(s.contains("Issues · @ryabkov"));
    let left = |l: &str| l.chars().take(40).collect::<String>();
    assert!(s.lines().any(
        |l| left(l).contains("▶ All issues") && left(l).trim_end_matches('│').trim_end().ends_with(" 5")
    ));
    // Issues Ryabkov did not speak on are dimmed with a zero count.
    let buffer = draw(&app);
    let row = row_of(&s, "Forces back to 1997 positions").unwrap() as u16;
    let line: String = (0..40).map(|x| buffer[(x, row)].symbol()).collect();
    assert!(line.trim_end_matches('│').trim_end().ends_with(" 0"), "{line}");
    assert!(buffer[(5, row)].modifier.contains(Modifier::DIM));
    // Every quote listed is Ryabkov's.
    assert_eq!(app.list.quotes.len(), 5);
    let ryabkov = app.corpus.speaker_by_id("ryabkov").unwrap();
    assert!(app.list.quotes.iter().all(|&q| app.corpus.quotes[q].speaker == ryabkov));
}

#[test]
fn issue_and_speaker_filters_combine() {
    let mut app = app(120, 36);
    press(&mut app, "Tab j j");
    let s = screen(&app);
    assert!(s.contains("Quotes · #nato-expansion · 13 of 43"), "{s}");
    assert!(s.contains("Speakers · #nato-expansion"));
    assert!(s.lines().any(|l| l.contains("Wendy Sherman") && l.contains(" 4")), "{s}");
    press(&mut app, "BackTab j");
    let s = screen(&app);
    assert!(s.contains("Quotes · @sherman · #nato-expansion · 4 of 43"), "{s}");
    press(&mut app, "Esc");
    assert!(screen(&app).contains("Quotes · 43 of 43"));
}

#[test]
fn enter_on_a_speaker_goes_to_its_quotes() {
    let mut app = app(120, 36);
    press(&mut app, "j Enter");
    assert_eq!(app.focus, Pane::Quotes);
    assert!(screen(&app).contains("Quotes · @sherman · 6 of 43"));
}

/// The text of every cell drawn in the selected-quote style.
fn highlighted(app: &whosaid::tui::app::App) -> String {
    let buffer = draw(app);
    let area = app.panes().unwrap().article.unwrap();
    let mut out = String::new();
    for y in area.y + 1..area.bottom() - 1 {
        let mut row = String::new();
        for x in area.x + 1..area.right() - 1 {
            let cell = &buffer[(x, y)];
            if cell.bg != Color::Reset && cell.bg != Color::DarkGray {
                row.push_str(cell.symbol());
            }
        }
        if !row.is_empty() {
            out.push_str(&row);
            out.push(' ');
        }
    }
    fold_whitespace(&out).into_owned()
}

#[test]
fn the_selected_quote_is_highlighted_whole_after_scrolling() {
    let mut app = app(120, 36);
    press(&mut app, "Tab Tab G");
    let q = app.selected_quote().unwrap();
    let quote = &app.corpus.quotes[q];
    assert_eq!(quote.id, "koshkin-military-technical");
    assert_eq!(highlighted(&app), written(&app, q), "the whole span, across wrapped rows");
    // A long quote in the middle, from the Quotes pane moving one by one.
    press(&mut app, "g");
    for _ in 0..20 {
        press(&mut app, "j");
        let q = app.selected_quote().unwrap();
        let quote = &app.corpus.quotes[q];
        let lit = highlighted(&app);
        assert_eq!(lit, written(&app, q), "quote {}", quote.id);
    }
}

#[test]
fn other_quotes_of_the_filter_are_marked_in_their_speakers_colours() {
    let mut app = app(120, 36);
    press(&mut app, "Tab Tab j j j j");
    let buffer = draw(&app);
    let area = app.panes().unwrap().article.unwrap();
    let coloured = (area.y..area.bottom())
        .flat_map(|y| (area.x + 1..area.right() - 1).map(move |x| (x, y)))
        .filter(|&p| buffer[p].fg != Color::Reset && buffer[p].bg == Color::Reset)
        .count();
    assert!(coloured > 0, "lighter marks are drawn");
}

#[test]
fn details_show_the_exchange_and_a_jumps_between_question_and_answer() {
    let mut app = app(120, 40);
    let question = app.corpus.quote_by_id("sp-progress").unwrap();
    press(&mut app, "Tab Tab");
    while app.selected_quote() != Some(question) {
        press(&mut app, "j");
    }
    let s = screen(&app);
    assert!(s.contains("question · line"), "{s}");
    assert!(s.contains("answered by Alexander"), "{s}");
    press(&mut app, "a");
    assert_eq!(app.corpus.quotes[app.selected_quote().unwrap()].id, "bartosh-progress");
    let s = screen(&app);
    assert!(s.contains("answers SP interviewer"), "{s}");
    press(&mut app, "a");
    assert_eq!(app.selected_quote(), Some(question));
}

#[test]
fn details_follow_the_focus() {
    let mut app = app(120, 36);
    press(&mut app, "j j");
    assert!(screen(&app).contains("also Sergei Ryabkov"));
    press(&mut app, "Tab j");
    let s = screen(&app);
    assert!(s.contains("proposition The US and"), "{s}");
}

#[test]
fn help_lists_every_key_of_the_keymap() {
    let mut app = app(120, 70);
    press(&mut app, "?");
    let s = screen(&app);
    for binding in whosaid::tui::keymap::KEYMAP {
        assert!(s.contains(binding.help), "help shows {:?}", binding.help);
    }
    insta::assert_snapshot!(s);
    // On a smaller screen it scrolls to its end.
    app.handle(Event::Resize(120, 30));
    press(&mut app, &"j ".repeat(60));
    assert!(screen(&app).contains("close help"));
    press(&mut app, "Esc");
    assert!(!screen(&app).contains("Keys · Esc closes"));
}

#[test]
fn status_hints_come_from_the_keymap() {
    let app = app(120, 36);
    let s = screen(&app);
    let status = s.lines().last().unwrap();
    for (key, word) in whosaid::tui::keymap::hints(whosaid::tui::keymap::Context::Browse) {
        assert!(status.contains(&format!("{key} {word}")), "{status}");
    }
    assert!(status.trim_end().ends_with("1/9"));
}

#[test]
fn article_keys_scroll_jump_and_select() {
    let mut app = app(120, 36);
    press(&mut app, "Tab Tab Tab");
    assert_eq!(app.focus, Pane::Article);
    let before = app.article.scroll.selected;
    press(&mut app, "j j");
    assert_eq!(app.article.scroll.selected, before + 2);
    press(&mut app, "g ]");
    assert_eq!(app.corpus.quotes[app.selected_quote().unwrap()].id, "sherman-no-restrictions");
    press(&mut app, "]");
    assert_eq!(app.corpus.quotes[app.selected_quote().unwrap()].id, "sherman-firm");
    press(&mut app, "[");
    assert_eq!(app.corpus.quotes[app.selected_quote().unwrap()].id, "sherman-no-restrictions");
    // Enter selects the quote under the cursor; again, the next one on that row.
    press(&mut app, "G ^u ^u");
    let koshkin_row = app
        .article
        .layout
        .row_of(app.corpus.quotes[app.corpus.quote_by_id("koshkin-cheated").unwrap()].span.start);
    while app.article.scroll.selected > koshkin_row {
        press(&mut app, "k");
    }
    while app.article.scroll.selected < koshkin_row {
        press(&mut app, "j");
    }
    press(&mut app, "Enter");
    assert_eq!(app.corpus.quotes[app.selected_quote().unwrap()].id, "koshkin-cheated");
    press(&mut app, "Enter");
    assert_eq!(app.corpus.quotes[app.selected_quote().unwrap()].id, "sherman-first-two");
    assert_eq!(app.focus, Pane::Article);
}

#[test]
fn paging_and_first_last_in_lists() {
    let mut app = app(120, 36);
    press(&mut app, "Tab Tab G");
    assert_eq!(app.quotes.selected, 42);
    press(&mut app, "g");
    assert_eq!(app.quotes.selected, 0);
    // The Quotes pane shows 6 quotes at this size: half a page is 3.
    let shown = (app.panes().unwrap().quotes.unwrap().height as usize - 2) / 2;
    press(&mut app, "^d");
    assert_eq!(app.quotes.selected, shown / 2);
    press(&mut app, "PgDn");
    assert_eq!(app.quotes.selected, shown / 2 + shown);
    press(&mut app, "PgUp ^u");
    assert_eq!(app.quotes.selected, 0);
    press(&mut app, "End");
    assert_eq!(app.quotes.selected, 42);
    let s = screen(&app);
    assert!(s.contains("▶ The answer was clear"), "the last quote is scrolled into view:\n{s}");
}

#[test]
fn h_and_l_move_between_columns() {
    let mut app = app(120, 36);
    press(&mut app, "Tab l");
    assert_eq!(app.focus, Pane::Quotes);
    press(&mut app, "Tab h");
    assert_eq!(app.focus, Pane::Issues, "back to the left pane last used");
    press(&mut app, "Right Left");
    assert_eq!(app.focus, Pane::Issues);
}

#[test]
fn mouse_click_selects_and_focuses_and_wheel_scrolls() {
    let mut app = app(120, 36);
    let s = screen(&app);
    let row = row_of(&s, "Andrey Koshkin").unwrap() as u16;
    click(&mut app, 5, row);
    assert_eq!(app.filters.speaker, app.corpus.speaker_by_id("koshkin"));
    assert!(screen(&app).contains("Quotes · @koshkin · 14 of 43"));
    let quotes = app.panes().unwrap().quotes.unwrap();
    click(&mut app, quotes.x + 5, quotes.y + 1 + 2);
    assert_eq!(app.focus, Pane::Quotes);
    assert_eq!(app.quotes.selected, 1);
    wheel(&mut app, quotes.x + 5, quotes.y + 2, true);
    assert_eq!(app.quotes.selected, 2);
    let article = app.panes().unwrap().article.unwrap();
    let top = app.article.scroll.offset;
    wheel(&mut app, article.x + 5, article.y + 2, true);
    assert_eq!(app.article.scroll.offset, top + 3);
}

#[test]
fn every_size_draws_without_panicking() {
    for width in 1..=90 {
        for height in 1..=30 {
            let mut app = app(width, height);
            let _ = draw(&app);
            press(&mut app, "j Tab G Tab ] Tab ?");
            let _ = draw(&app);
        }
    }
    for (w, h) in [(2, 200), (300, 3), (500, 100), (39, 9), (40, 10), (79, 24), (80, 24)] {
        let mut app = app(w, h);
        let _ = draw(&app);
        app.handle(Event::Resize(h.min(300), w.min(300)));
        let _ = draw(&app);
    }
}

#[test]
fn too_small_says_what_it_needs() {
    let app = app(30, 8);
    let s = screen(&app);
    assert!(s.contains("terminal too small"), "{s}");
    assert!(s.contains("40×10"), "{s}");
}

#[test]
fn narrow_terminals_show_the_focused_list_above_the_article() {
    let mut app = app(60, 24);
    insta::assert_snapshot!("narrow_speakers", screen(&app));
    press(&mut app, "Tab");
    let s = screen(&app);
    assert!(s.contains("Issues"), "{s}");
    assert!(!s.contains("Speakers"));
    press(&mut app, "Tab");
    assert!(screen(&app).contains("Quotes · 43 of 43"));
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut app = app(120, 36);
    press(&mut app, "Tab Tab G");
    app.handle(Event::Resize(90, 20));
    let s = screen(&app);
    assert!(s.contains("▶ The answer was clear"), "{s}");
    assert_eq!(highlighted(&app), written(&app, app.selected_quote().unwrap()));
}

#[test]
fn no_color_keeps_every_highlight_visible() {
    let mut app = app_without_color(120, 36);
    press(&mut app, "Tab Tab j");
    let buffer = draw(&app);
    for cell in &buffer.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "no colour at all");
    }
    let area = app.panes().unwrap().article.unwrap();
    let reversed: String = (area.y + 1..area.bottom() - 1)
        .flat_map(|y| (area.x + 1..area.right() - 1).map(move |x| (x, y)))
        .filter(|&p| buffer[p].modifier.contains(Modifier::REVERSED))
        .map(|p| buffer[p].symbol().to_string())
        .collect();
    let quote = written(&app, app.selected_quote().unwrap());
    assert_eq!(fold_whitespace(&reversed.replace("  ", " ")).replace(' ', ""), quote.replace(' ', ""));
    let underlined = buffer.content.iter().filter(|c| c.modifier.contains(Modifier::UNDERLINED)).count();
    assert!(underlined > 0, "other quotes are underlined");
    insta::assert_snapshot!("no_color", screen(&app));
}

#[test]
fn copy_gives_the_quote_with_its_citation() {
    let mut app = app(120, 36);
    press(&mut app, "Tab Tab j j j j");
    let effect = app.handle(Event::Key(key("y")));
    assert_eq!(
        effect,
        Some(whosaid::tui::app::Effect::Copy(
            "“On the main issue of NATO’s non-expansion, I would say no, no improvement has been achieved” \
             — Sergey Ryabkov, Svobodnaya Pressa, 2022-01-11"
                .into()
        ))
    );
    assert!(screen(&app).contains("copied the quote"));
}

#[test]
fn reload_keeps_the_selection_by_id_and_a_broken_edit_keeps_the_last_good_state() {
    let mut app = app(120, 36);
    press(&mut app, "j j Tab Tab j");
    let chosen = app.corpus.quotes[app.selected_quote().unwrap()].id.clone();
    // A broken edit: banner, same state.
    app.handle(Event::Reloaded(Err(vec!["f.yaml:3:1: error: something broke".into()])));
    let s = screen(&app);
    assert!(s.contains("reload failed"), "{s}");
    assert!(s.contains("f.yaml:3:1: error: something broke"));
    assert!(s.contains("Quotes · @ryabkov · 5 of 43"));
    // A good edit: a quote inserted before; selection follows the id.
    let edited = builtin_edited(|yaml| {
        let first = yaml.find("  - id: sherman-no-restrictions").unwrap();
        let next = first + yaml[first + 1..].find("  - id:").unwrap() + 1;
        format!("{}{}", &yaml[..first], &yaml[next..])
    });
    assert_eq!(edited.quotes.len(), builtin().quotes.len() - 1);
    app.handle(Event::Reloaded(Ok(Box::new(edited))));
    let s = screen(&app);
    assert!(!s.contains("reload failed"));
    assert_eq!(app.corpus.quotes[app.selected_quote().unwrap()].id, chosen);
    assert!(s.contains("@ryabkov"));
}

#[test]
fn control_characters_from_the_file_are_drawn_as_placeholders() {
    let evil = "\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J\\u009b31m\\u202e";
    let yaml = format!(
        "article:\n  title: \"T{evil}\"\n  text: \"say{evil} so\"\nspeakers:\n  - id: a\n    name: \"A{evil}\"\n    role: \"R{evil}\"\nissues:\n  - id: i\n    title: \"I{evil}\"\nquotes:\n  - speaker: a\n    issues: [i]\n    note: \"N{evil}\"\n    text: \"say{evil}\"\n"
    );
    let annotation = from_yaml(&yaml);
    let mut app = whosaid::tui::app::App::new(
        annotation,
        "evil.yaml".into(),
        whosaid::tui::theme::Theme { color: true },
        100,
        30,
    );
    for keys in ["", "j", "Tab j", "Tab Tab", "Tab Tab Tab", "?"] {
        press(&mut app, keys);
        let buffer = draw(&app);
        for cell in &buffer.content {
            assert!(
                !cell.symbol().chars().any(whosaid::text::is_unsafe),
                "raw control in {:?}",
                cell.symbol()
            );
        }
    }
    assert!(
        screen(&app).contains('␛') || {
            press(&mut app, "Esc");
            screen(&app).contains('␛')
        }
    );
}

/// Quotes whose article text has a word starting with `prefix` (case and
/// accents folded): the brute-force answer a search must give.
fn quotes_with_word_starting(app: &whosaid::tui::app::App, prefix: &str) -> Vec<whosaid::model::QuoteIx> {
    let a = &app.corpus;
    let mut out: Vec<whosaid::model::QuoteIx> = a
        .quotes
        .ids()
        .filter(|&q| {
            let text = whosaid::query::fold(&a.words(q), false);
            let mut prev_alnum = false;
            text.char_indices().any(|(i, c)| {
                let starts = c.is_alphanumeric() && !prev_alnum && text[i..].starts_with(prefix);
                prev_alnum = c.is_alphanumeric();
                starts
            })
        })
        .collect();
    out.sort();
    out
}

/// Cells drawn in the search-match style inside a pane.
fn search_marked(app: &whosaid::tui::app::App, pane: Pane) -> String {
    let buffer = draw(app);
    let area = app.panes().unwrap().get(pane).unwrap();
    let style = app.theme.search_match();
    (area.y..area.bottom())
        .flat_map(|y| (area.x..area.right()).map(move |x| (x, y)))
        .filter(|&p| buffer[p].bg == style.bg.unwrap())
        .map(|p| buffer[p].symbol().to_string())
        .collect()
}

#[test]
fn searching_expan_lists_exactly_the_quotes_with_such_a_word_highlighted_in_both_panes() {
    let mut app = app(120, 36);
    press(&mut app, "/");
    type_text(&mut app, "expan");
    let mut listed = app.list.quotes.clone();
    listed.sort();
    assert_eq!(listed, quotes_with_word_starting(&app, "expan"));
    assert_eq!(listed.len(), 3);
    let s = screen(&app);
    assert!(s.lines().last().unwrap().starts_with("/expan"), "{s}");
    assert!(s.lines().last().unwrap().trim_end().ends_with("3 of 43"));
    assert!(s.contains("Quotes · /expan · 3 of 43"));
    assert_eq!(search_marked(&app, Pane::Quotes), "expan".repeat(3));
    assert!(search_marked(&app, Pane::Article).contains("expan"));
    // Counts follow the search.
    assert!(
        s.lines().any(|l| l.contains("Sergey Ryabkov")
            && l.chars().take(40).collect::<String>().trim_end_matches('┃').trim_end().ends_with(" 1")),
        "{s}"
    );
    press(&mut app, "Enter");
    assert_eq!(app.focus, Pane::Quotes);
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(status.trim_end().ends_with("/expan 1/3"), "{status}");
}

#[test]
fn n_and_n_step_through_hits_and_wrap() {
    let mut app = app(120, 36);
    press(&mut app, "/");
    type_text(&mut app, "expan");
    press(&mut app, "Enter n");
    assert_eq!(app.quotes.selected, 1);
    press(&mut app, "n n");
    assert_eq!(app.quotes.selected, 0);
    assert!(screen(&app).contains("search wrapped to the first hit"));
    press(&mut app, "N");
    assert_eq!(app.quotes.selected, 2);
    assert!(screen(&app).contains("search wrapped to the last hit"));
    press(&mut app, "Esc");
    assert_eq!(app.list.quotes.len(), 43, "Esc clears the search");
    press(&mut app, "n");
    assert!(screen(&app).contains("no search"));
}

#[test]
fn esc_while_typing_restores_the_list_and_selection_from_before() {
    let mut app = app(120, 36);
    press(&mut app, "Tab Tab j j j");
    let before = (app.list.quotes.clone(), app.selected_quote());
    press(&mut app, "/");
    type_text(&mut app, "nato");
    assert_ne!(app.list.quotes, before.0);
    press(&mut app, "Esc");
    assert_eq!((app.list.quotes.clone(), app.selected_quote()), before);
    // And a kept search comes back after a cancelled new one.
    press(&mut app, "/");
    type_text(&mut app, "russia");
    press(&mut app, "Enter");
    let kept = (app.list.quotes.clone(), app.selected_quote());
    press(&mut app, "/");
    type_text(&mut app, "sanctions");
    press(&mut app, "Esc");
    assert_eq!((app.list.quotes.clone(), app.selected_quote()), kept);
    assert!(screen(&app).contains("/russia"));
}

#[test]
fn a_malformed_query_is_shown_and_the_list_keeps_its_last_good_result() {
    let mut app = app(120, 36);
    press(&mut app, "/");
    type_text(&mut app, "open ");
    let good = app.list.quotes.clone();
    type_text(&mut app, "\"door");
    let s = screen(&app);
    assert!(s.lines().last().unwrap().contains("unclosed \" in the query"), "{s}");
    assert_eq!(app.list.quotes, good);
    type_text(&mut app, "\"");
    assert_eq!(app.list.quotes.len(), 1);
    press(&mut app, "^u");
    type_text(&mut app, "@nobody");
    assert!(screen(&app).lines().last().unwrap().contains("no speaker matches @nobody"));
    press(&mut app, "^w");
    type_text(&mut app, "colour:red");
    assert!(screen(&app).contains("unknown field colour:"));
}

#[test]
fn the_query_line_edits_and_fields_combine_with_the_panes() {
    let mut app = app(120, 36);
    press(&mut app, "j");
    press(&mut app, "/");
    type_text(&mut app, "#nato stance:opp");
    assert_eq!(app.list.quotes.len(), 4, "Sherman's quotes opposing non-expansion");
    press(&mut app, "Backspace");
    assert!(
        app.mode.search_line().unwrap().line.input.ends_with("stance:op"),
        "{:?}",
        app.mode.search_line().map(|l| &l.line)
    );
    press(&mut app, "Left Left Right");
    assert_eq!(app.mode.search_line().unwrap().line.cursor, "#nato stance:o".len());
    press(&mut app, "Home");
    type_text(&mut app, "kind:indirect ");
    assert_eq!(app.list.quotes.len(), 3, "two of them reported, plus Koshkin's account");
    let s = screen(&app);
    assert!(s.contains("Quotes · @sherman · /kind:indirect #nato stance:op · 3 of 43"), "{s}");
}

#[test]
fn typos_fall_back_to_close_matches_and_say_so() {
    let mut app = app(120, 36);
    press(&mut app, "/");
    type_text(&mut app, "expnasion");
    let s = screen(&app);
    assert!(s.lines().last().unwrap().contains("no exact match · 3 close"), "{s}");
    press(&mut app, "Enter");
    assert!(screen(&app).lines().last().unwrap().contains("no exact match · 3 close"));
}

#[test]
fn the_matrix_shows_who_stands_where_and_enter_lands_on_those_quotes() {
    let mut app = app(120, 30);
    press(&mut app, "m");
    let s = screen(&app);
    insta::assert_snapshot!("matrix", s);
    let row = |name: &str| s.lines().find(|l| l.contains(name)).unwrap().to_string();
    // Column 2 is NATO non-expansion: Sherman opposes, Ryabkov supports.
    let nato_col = s.lines().nth(1).unwrap().find("↳NATO").unwrap();
    let at = |line: String| {
        line.chars().skip(s.lines().nth(1).unwrap()[..nato_col].chars().count()).take(4).collect::<String>()
    };
    assert_eq!(at(row("Wendy Sherman")).trim(), "−4");
    assert_eq!(at(row("Sergey Ryabkov")).trim(), "+2");
    press(&mut app, "j l");
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(status.contains("Sergey Ryabkov · NATO non-expansion · support · 2 quotes"), "{status}");
    press(&mut app, "Enter");
    assert!(app.mode.matrix().is_none());
    assert_eq!(app.focus, Pane::Quotes);
    let s = screen(&app);
    assert!(s.contains("Quotes · @ryabkov · #nato-expansion · 2 of 43"), "{s}");
    assert_eq!(app.corpus.quotes[app.selected_quote().unwrap()].id, "ryabkov-no-progress");
    assert_eq!(highlighted(&app), written(&app, app.selected_quote().unwrap()));
}

#[test]
fn the_matrix_scrolls_both_ways_keeping_names_and_titles() {
    let mut app = app(60, 12);
    press(&mut app, "m");
    let s = screen(&app);
    assert!(s.contains("more →") || s.contains("↓ more"), "{s}");
    press(&mut app, "G");
    for _ in 0..12 {
        press(&mut app, "l");
    }
    let s = screen(&app);
    assert!(s.contains("Total"), "{s}");
    assert!(s.contains("← more"), "{s}");
    let m = app.mode.matrix().unwrap();
    assert_eq!((m.rows.selected, m.cols.selected), (m.row_count() - 1, m.column_count() - 1));
    assert!(m.rows.offset > 0 && m.cols.offset > 0);
    assert!(s.lines().last().unwrap().contains("All speakers · all issues"), "{s}");
    press(&mut app, "g");
    assert!(screen(&app).contains("Wendy Sherman"));
}

#[test]
fn folding_the_matrix_keeps_the_counts_and_m_returns_unchanged() {
    let mut app = app(120, 30);
    press(&mut app, "j");
    let before = (app.speakers.selected, app.issues.selected, app.list.quotes.clone());
    press(&mut app, "m l f");
    let m = app.mode.matrix().unwrap();
    assert!(m.grid.folded);
    assert_eq!(m.grid.columns.len(), 4, "top-level issues only");
    assert_eq!(
        m.grid.columns[m.cols.selected],
        app.corpus.issue_by_id("security-guarantees").unwrap(),
        "NATO non-expansion folded into its parent"
    );
    assert!(screen(&app).contains("sub-issues folded"));
    press(&mut app, "f m");
    assert!(app.mode.matrix().is_none());
    assert_eq!((app.speakers.selected, app.issues.selected, app.list.quotes.clone()), before);
    press(&mut app, "m");
    assert!(!app.mode.matrix().unwrap().grid.folded, "fold state kept between openings");
}

#[test]
fn matrix_cells_are_clicked_and_no_color_keeps_the_glyphs() {
    let mut app = app_without_color(120, 30);
    press(&mut app, "m");
    let s = screen(&app);
    let y = s.lines().position(|l| l.contains("Andrey Koshkin")).unwrap() as u16;
    let x = s.lines().nth(1).unwrap().chars().position(|c| c == '↳').unwrap() as u16 + 1;
    click(&mut app, x, y);
    let m = app.mode.matrix().unwrap();
    assert_eq!((m.rows.selected, m.cols.selected), (6, 1));
    let buffer = draw(&app);
    assert!(buffer.content.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    let s = screen(&app);
    assert!(s.contains("+6") && s.contains("−4") && s.contains("±6") && s.contains("·2"));
    assert!(s.contains(whosaid::matrix::LEGEND));
}

#[test]
fn every_size_draws_the_matrix_without_panicking() {
    for width in [1, 2, 10, 39, 40, 41, 50, 79, 80, 200] {
        for height in [1, 2, 9, 10, 11, 15, 40] {
            let mut app = app(width, height);
            press(&mut app, "m");
            let _ = draw(&app);
            press(&mut app, "G l l l l l l l l l l l f ?");
            let _ = draw(&app);
        }
    }
}
