//! The command-line interface: clap definitions and their conversion into
//! the library's validated [`roundup::Config`]. Nothing here knows how an
//! article is parsed.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turns "top backend frameworks" articles into an auditable knowledge base.
#[derive(Debug, Parser)]
#[command(name = "roundup", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each article's kept content, one block per line.
    Clean(CleanArgs),
    /// Print each article as one JSON object: source, content, dropped
    /// blocks and findings.
    Extract(ExtractArgs),
    /// The main job: clean every article under the inputs (default
    /// `corpus/`) and write the results under `--out` (default `output/`).
    Run(RunArgs),
    /// Score roundup against gold answers or the HTML extraction benchmark.
    Eval(EvalArgs),
    /// List every boilerplate rule id with why it drops a block.
    Rules {
        /// Also list the rules of this user file (same shape as
        /// data/boilerplate.toml).
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
    /// Write N synthetic articles for scale benchmarks (hidden: a tool
    /// for developers, not part of the job).
    #[command(hide = true)]
    Gen(GenArgs),
}

#[derive(Debug, Args)]
pub struct GenArgs {
    /// How many articles to write.
    #[arg(value_name = "N")]
    pub n: u64,
    /// The folder to write them to (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The seed: the same N and seed give the same files.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

/// Options shared by every command that reads articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<String>,
    /// Extra boilerplate rules (TOML, same shape as the built-in file).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Extra catalog entities (TOML, same shape as data/catalog.toml).
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// The largest input to read, in MiB (after gunzip).
    #[arg(long, value_name = "MIB", default_value_t = 256)]
    pub max_mib: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// List every block as KEEP or DROP with the rule that dropped it.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Json,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format: one JSON object per article, one per line.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
    /// Indent the JSON (one object spans several lines).
    #[arg(long)]
    pub pretty: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files or folders to read.
    #[arg(value_name = "PATH", default_value = "corpus")]
    pub inputs: Vec<String>,
    /// Where the results go.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Extra boilerplate rules (TOML, same shape as the built-in file).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Extra catalog entities (TOML, same shape as data/catalog.toml).
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub bench: Option<EvalBench>,
    /// Folder of gold files (`<article file name>.json`).
    #[arg(long, value_name = "DIR")]
    pub gold: Option<PathBuf>,
    /// Folder holding the articles the gold files name.
    #[arg(long, value_name = "DIR")]
    pub docs: Option<PathBuf>,
    /// Also print what each article missed and added.
    #[arg(long)]
    pub detail: bool,
}

#[derive(Debug, Subcommand)]
pub enum EvalBench {
    /// Score HTML main-content extraction on the article-extraction
    /// benchmark and time it (pages per second).
    Html(HtmlBenchArgs),
    /// Time each stage (parse, clean, extract) alone, one thread, on any
    /// inputs: extraction should cost no more than cleaning.
    Speed {
        #[arg(value_name = "PATH", default_value = "corpus")]
        inputs: Vec<String>,
        /// Timed runs; the median is reported.
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
}

#[derive(Debug, Args)]
pub struct HtmlBenchArgs {
    /// The benchmark folder (holds `ground-truth.json` and `html/`).
    #[arg(
        value_name = "DIR",
        default_value = "../shared/bench/article-extraction"
    )]
    pub dir: PathBuf,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Write each page's extracted text to DIR/<id>.txt.
    #[arg(long, value_name = "DIR")]
    pub dump: Option<PathBuf>,
    /// Print the worst pages with their precision and recall.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub worst: usize,
}
