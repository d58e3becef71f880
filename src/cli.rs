//! The command line, as clap parses it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  whosaid                                  browse the built-in article
  whosaid nato.yaml                        browse an annotation file
  whosaid check nato.yaml other.yaml       validate files (exit 1 on errors)
  whosaid quotes --speaker ryabkov         Ryabkov's quotes, in article order
  whosaid quotes --issue nato-expansion --format json
  whosaid quotes --search 'expan @sherman' quotes that match a search, best first
  whosaid speakers nato.yaml --format csv
  whosaid matrix                           who stands where on every issue
  whosaid report --format html > report.html

With no FILE, the built-in article (a January 2022 report on the
Russia–NATO security-guarantee talks) is used.";

/// How a command or the browser ended, and the exit status it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exit 0: clean, or warnings only.
    Clean,
    /// Exit 1: the files have errors.
    Errors,
    /// Exit 2: a usage error, or a file that cannot be read.
    Usage,
    /// Exit 128 + the signal: the browser was stopped by a signal.
    Signal(u8),
}

impl Status {
    pub fn code(self) -> u8 {
        match self {
            Status::Clean => 0,
            Status::Errors => 1,
            Status::Usage => 2,
            Status::Signal(signal) => 128u8.saturating_add(signal),
        }
    }
}

impl From<Status> for std::process::ExitCode {
    fn from(status: Status) -> Self {
        std::process::ExitCode::from(status.code())
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Browse an annotated article: who said what, on which issue, with which stance",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Annotation files, directories or a corpus file to open (default: the built-in article)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Leave the mouse to the terminal (for native text selection)
    #[arg(long)]
    pub no_mouse: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate annotation files and print their diagnostics
    #[command(
        after_help = "Exit status: 0 clean or warnings only, 1 errors found, 2 usage error or unreadable file."
    )]
    Check {
        /// Annotation files, directories or a corpus file, checked as one corpus
        /// (default: the built-in article)
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Also say how many of the candidates `suggest` finds in each article the quotes cover,
        /// and list those they do not
        #[arg(long)]
        coverage: bool,
    },
    /// The quotes that match, in article order (with --search: best first)
    Quotes(QuotesArgs),
    /// Speakers with their statements and what they relayed
    Speakers(ListArgs),
    /// Issues with their propositions, statements and stances
    Issues(ListArgs),
    /// The stance matrix: speakers × issues
    Matrix(MatrixArgs),
    /// A shareable document of the analysis (Markdown or HTML)
    Report(ReportArgs),
    /// Who changed position: a speaker's stance on an issue that differs between two
    /// consecutive dated articles, with a quote from each
    Changes(ChangesArgs),
    /// A draft annotation of a raw text: speakers and quotes, each with its confidence
    #[command(after_help = "\
Examples:
  whosaid suggest article.txt > article.yaml     a draft to check and complete
  whosaid suggest article.txt --into article.yaml   add what the annotation does not cover yet
  whosaid suggest article.txt --min-confidence 80   only the surest candidates")]
    Suggest(SuggestArgs),
    /// Print the default config file (keys and colours), or check yours
    #[command(
        after_help = "whosaid config > ~/.config/whosaid/config.toml   start a config file of your own"
    )]
    Config {
        /// Check your config file instead: print its problems (exit 1 when there are some)
        #[arg(long)]
        check: bool,
    },
    /// Print a shell's completion script for whosaid
    #[command(
        after_help = "bash: whosaid completions bash > ~/.local/share/bash-completion/completions/whosaid\n\
                             zsh:  whosaid completions zsh > ~/.zfunc/_whosaid  (with fpath+=~/.zfunc before compinit)\n\
                             fish: whosaid completions fish > ~/.config/fish/completions/whosaid.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    #[command(after_help = "whosaid man > ~/.local/share/man/man1/whosaid.1   then: man whosaid")]
    Man,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The article's raw text (UTF-8); with --batch, a directory of texts (default: paths on stdin)
    #[arg(value_name = "ARTICLE.txt", required_unless_present = "batch")]
    pub article: Option<PathBuf>,
    /// Draft many texts: the *.txt files of the directory given, or the paths
    /// read from stdin (one a line); one JSON Lines record a text on stdout
    #[arg(long, conflicts_with = "into")]
    pub batch: bool,
    /// With --batch: write a YAML draft per text into this directory instead
    /// (NAME.txt → DIR/NAME.yaml), and a JSON Lines line a text saying where
    #[arg(long, value_name = "DIR", requires = "batch")]
    pub out: Option<PathBuf>,
    /// Add the candidates no quote covers to this annotation of the same text
    /// (its contents stay byte for byte; it is replaced atomically)
    #[arg(long, value_name = "FILE")]
    pub into: Option<PathBuf>,
    /// Leave out candidates less sure than this (0–100)
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_confidence: u8,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Annotation files, directories or a corpus file (default: the built-in article)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Keep quotes by this speaker id (repeat for several)
    #[arg(long, value_name = "ID")]
    pub speaker: Vec<String>,
    /// Keep quotes on this issue id or its sub-issues (repeat for several)
    #[arg(long, value_name = "ID")]
    pub issue: Vec<String>,
    /// Keep quotes matching a search, best first (the syntax of `/` in the browser)
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,
    #[arg(long, value_enum, default_value_t = QuotesFormat::Text)]
    pub format: QuotesFormat,
}

/// What `quotes` writes: the formats of every listing, and two for data
/// tools past one machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    Text,
    Json,
    Csv,
    Markdown,
    /// One self-contained JSON record a line (DuckDB, Spark, Polars)
    Jsonl,
    /// W3C Web Annotation JSON-LD, with text quote and position selectors
    WebAnnotation,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Annotation files, directories or a corpus file (default: the built-in article)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// Annotation files, directories or a corpus file (default: the built-in article)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Fold sub-issues into their top-level issue's column
    #[arg(long)]
    pub fold: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Annotation files, directories or a corpus file (default: the built-in article)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// Annotation files, directories or a corpus file (default: the built-in article)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ChangesFormat::Text)]
    pub format: ChangesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChangesFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
    Markdown,
}
