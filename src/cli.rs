//! The command-line interface: clap definitions and their conversion into
//! the library's validated [`roundup::Config`]. Nothing here knows how an
//! article is parsed.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

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
    /// Feed articles into the knowledge base: each source is written in
    /// one transaction; identical bytes are skipped, new bytes from a known
    /// origin replace its facts.
    Ingest(IngestArgs),
    /// Write the knowledge base's datasets (sources, entities, mentions,
    /// claims, statistics, companies, their attributions, conflicts).
    Export(ExportArgs),
    /// List, show or remove the knowledge base's sources.
    Sources(SourcesArgs),
    /// Extract every source again from its stored bytes with the current
    /// rules.
    Rebuild(RebuildArgs),
    /// Which sources claim what: an entity, a source, a claim, the
    /// conflicts, the statistics.
    Audit(AuditArgs),
    /// Write the knowledge base as a static HTML site: an index with
    /// charts, a page per entity and per source, every fact linked to its
    /// highlighted quote.
    Report(ReportArgs),
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
    /// Print performance figures (hidden: a developer's tool).
    #[command(hide = true, subcommand)]
    Bench(Bench),
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
    /// Files, folders (read recursively), `http(s)://` URLs or `-` for
    /// standard input.
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
    /// How long fetching one URL may take, in seconds.
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = seconds)]
    pub timeout: Duration,
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

/// Where the knowledge base lives.
#[derive(Debug, Args)]
pub struct KbArg {
    /// The knowledge base file (SQLite).
    #[arg(
        long,
        value_name = "PATH",
        default_value = "output/roundup.db",
        global = true
    )]
    pub kb: PathBuf,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub kb: KbArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DataFormat {
    Csv,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub kb: KbArg,
    /// The file format of the datasets.
    #[arg(long, value_enum, default_value_t = DataFormat::Csv)]
    pub format: DataFormat,
    /// The folder the datasets are written into.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub kb: KbArg,
    /// The folder the site is written into; a previous report there is
    /// replaced whole, any other non-empty folder is refused.
    #[arg(long, value_name = "DIR", default_value = "output/report")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    #[command(flatten)]
    pub kb: KbArg,
    #[command(subcommand)]
    pub action: SourcesAction,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum SourcesAction {
    /// One line per source: id, published date, origin, title.
    List {
        /// Also list older versions replaced by a newer one.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// One source's metadata, history and fact counts.
    Show {
        /// A source id, a unique prefix of one (4+ digits), or an origin.
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Remove a source, its attributions and every fact left with no source.
    Remove {
        #[arg(value_name = "ID")]
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub kb: KbArg,
    /// `text` for people (tables), `json` for scripts.
    #[arg(long, value_enum, default_value_t = ListFormat::Text, global = true)]
    pub format: ListFormat,
    /// Extra catalog entities, for resolving names (TOML).
    #[arg(long, value_name = "FILE", global = true)]
    pub catalog: Option<PathBuf>,
    #[command(subcommand)]
    pub what: AuditWhat,
}

#[derive(Debug, Subcommand)]
pub enum AuditWhat {
    /// Pros, cons and features by aspect, statistics, company users and
    /// conflicts of one entity (slug, name or alias, any case).
    Entity {
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Everything one source claims (quote and span), and what was dropped
    /// as boilerplate and why.
    Source {
        /// A source id, a unique prefix (4+ digits), or an origin.
        #[arg(value_name = "ID|PATH")]
        id: String,
    },
    /// Every source stating one claim: quote, rule, surrounding sentence.
    Claim {
        /// A claim id or a unique prefix of one.
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Every contradiction, with both sides and their sources.
    Conflicts {
        /// Only this entity's (slug).
        #[arg(long, value_name = "SLUG")]
        entity: Option<String>,
    },
    /// Numbers, units, qualifiers, dates and cited origins; values that
    /// disagree for the same measure are flagged.
    Stats {
        #[arg(value_name = "NAME")]
        name: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct RebuildArgs {
    #[command(flatten)]
    pub kb: KbArg,
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
pub struct RunArgs {
    /// Files, folders or `http(s)://` URLs to read.
    #[arg(value_name = "PATH", default_value = "corpus")]
    pub inputs: Vec<String>,
    /// Where the results go.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// The knowledge base (default: roundup.db in the output folder).
    #[arg(long, value_name = "PATH")]
    pub kb: Option<PathBuf>,
    /// Extra boilerplate rules (TOML, same shape as the built-in file).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Extra catalog entities (TOML, same shape as data/catalog.toml).
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// How long fetching one URL may take, in seconds.
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = seconds)]
    pub timeout: Duration,
}

/// A positive number of seconds, fractions allowed (`0.5`).
fn seconds(arg: &str) -> Result<Duration, String> {
    let secs: f64 = arg
        .parse()
        .map_err(|_| format!("'{arg}' is not a number"))?;
    // NaN and infinity are refused by the conversion below.
    if secs <= 0.0 {
        return Err(format!("'{arg}' is not a positive number of seconds"));
    }
    Duration::try_from_secs_f64(secs).map_err(|e| format!("'{arg}': {e}"))
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

#[derive(Debug, Subcommand)]
pub enum Bench {
    /// Knowledge-base scale: build from `small` and `large` synthetic
    /// articles, add one article to the large KB, export it.
    Kb(BenchKbArgs),
    /// Report speed and size: build a KB from N synthetic articles, then
    /// time writing its report and measure the index page.
    Report(BenchReportArgs),
}

#[derive(Debug, Args)]
pub struct BenchReportArgs {
    /// Where the articles, the KB and the report go.
    #[arg(long, value_name = "DIR", default_value = "output/bench-report")]
    pub dir: PathBuf,
    /// How many synthetic articles.
    #[arg(long, default_value_t = 1000)]
    pub n: u64,
    /// Generator seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Timed report runs; the median is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
}

#[derive(Debug, Args)]
pub struct BenchKbArgs {
    /// Where the articles and the KBs go.
    #[arg(long, value_name = "DIR", default_value = "output/bench")]
    pub dir: PathBuf,
    #[arg(long, default_value_t = 1000)]
    pub small: u64,
    #[arg(long, default_value_t = 10000)]
    pub large: u64,
    /// Generator seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Single-article ingests timed; the median is reported.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}
