//! `roundup audit`: renders the library's audit answers for a terminal
//! (tables that fit 80 columns, colour only on a terminal and never with
//! `NO_COLOR`) or as JSON for scripts. Article text is data: every string
//! from an article goes through [`safe`], so no escape sequence it carries
//! reaches the terminal.

use crate::cli::{AuditArgs, AuditWhat, ListFormat};
use crate::kb_cmd;
use anstyle::{AnsiColor, Style};
use anyhow::{Context, Result};
use comfy_table::{presets, ContentArrangement, Table};
use roundup::audit::{Audit, ClaimItem, StatisticItem};
use roundup::kb::conflicts::Conflict;
use roundup::kb::KnowledgeBase;
use std::io::Write;
use std::process::ExitCode;

/// Article text made safe for a terminal: control characters (ESC above
/// all) become spaces, runs of white space one space.
fn safe(text: &str) -> String {
    kb_cmd::one_line(text)
}

/// Cuts a string to `max` characters, marking the cut.
fn cut(text: &str, max: usize) -> String {
    let text = safe(text);
    if text.chars().count() <= max {
        return text;
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(80)
        .set_header(header.iter().copied());
    t
}

const HEAD: Style = Style::new().bold();
const PRO: Style = AnsiColor::Green.on_default().bold();
const CON: Style = AnsiColor::Red.on_default().bold();

/// Writes to stdout, stripping colour when stdout is not a terminal or
/// `NO_COLOR` is set (anstream's rules).
struct Out {
    w: anstream::AutoStream<std::io::StdoutLock<'static>>,
}

impl Out {
    fn new() -> Out {
        Out {
            w: anstream::AutoStream::auto(std::io::stdout().lock()),
        }
    }

    fn styled(&mut self, style: Style, text: &str) -> std::io::Result<()> {
        writeln!(self.w, "{style}{text}{style:#}")
    }

    fn line(&mut self, text: impl std::fmt::Display) -> std::io::Result<()> {
        writeln!(self.w, "{text}")
    }
}

pub fn run(args: AuditArgs) -> Result<ExitCode> {
    let kb = KnowledgeBase::open_existing(&args.kb.kb)
        .with_context(|| format!("opening the knowledge base '{}'", args.kb.kb.display()))?;
    let audit = Audit::new(&kb).context("reading the knowledge base")?;
    let json = matches!(args.format, ListFormat::Json);
    let mut out = Out::new();
    match args.what {
        AuditWhat::Entity { name } => {
            let catalog = match &args.catalog {
                Some(path) => roundup::catalog::Catalog::with_user_file(path)?,
                None => roundup::catalog::Catalog::builtin()?,
            };
            let slug = audit.resolve_entity(&catalog, &name)?;
            let Some(report) = audit.entity(&slug) else {
                anyhow::bail!("no entity '{slug}' in the knowledge base");
            };
            if json {
                return print_json(&report);
            }
            let e = &report.entity;
            out.styled(
                HEAD,
                &format!(
                    "{} ({}, {}): {} mention(s) in {} source(s)",
                    safe(&e.name),
                    e.slug,
                    e.kind,
                    e.mentions,
                    e.sources
                ),
            )?;
            for g in &report.aspects {
                out.line("")?;
                out.styled(
                    HEAD,
                    &format!(
                        "{}: {} pro(s), {} con(s), {} feature(s)",
                        g.aspect,
                        g.pros.len(),
                        g.cons.len(),
                        g.features.len()
                    ),
                )?;
                out.line(claims_table(
                    g.pros
                        .iter()
                        .chain(&g.cons)
                        .chain(&g.features)
                        .collect::<Vec<_>>()
                        .as_slice(),
                ))?;
            }
            if !report.statistics.is_empty() {
                out.line("")?;
                out.styled(HEAD, "Statistics")?;
                out.line(stats_table(&report.statistics, false))?;
            }
            if !report.companies.is_empty() {
                out.line("")?;
                out.styled(HEAD, "Companies using it")?;
                let mut t = table(&["company", "sources"]);
                for c in &report.companies {
                    t.add_row(vec![safe(&c.company), source_list(&c.sources)]);
                }
                out.line(t)?;
            }
            if !report.conflicts.is_empty() {
                out.line("")?;
                out.styled(HEAD, "Conflicts")?;
                conflicts(&mut out, &audit, &report.conflicts)?;
            }
        }
        AuditWhat::Source { id } => {
            let id = kb.resolve(&id)?;
            let report = audit.source(&id)?;
            if json {
                return print_json(&report);
            }
            let s = &report.source;
            out.styled(
                HEAD,
                &format!(
                    "{} ({})",
                    safe(s.title.as_deref().unwrap_or("(no title)")),
                    safe(&s.origin)
                ),
            )?;
            out.line(format!(
                "id {}  format {}  published {}  {} mention(s)",
                s.id,
                s.format,
                s.published.as_deref().unwrap_or("-"),
                report.mentions
            ))?;
            if let Some(original) = &s.duplicate_of {
                out.line(format!("a copy of {original}"))?;
            }
            out.line("")?;
            out.styled(HEAD, "Findings")?;
            let mut t = table(&["span", "kind", "entity", "what", "quote", "rule"]);
            for f in &report.findings {
                t.add_row(vec![
                    format!("{}-{}", f.start, f.end),
                    f.kind.clone(),
                    f.entity.clone().unwrap_or_default(),
                    safe(&f.what),
                    cut(&f.quote, 60),
                    f.rule.clone(),
                ]);
            }
            out.line(t)?;
            out.line("")?;
            out.styled(HEAD, "Dropped as boilerplate")?;
            let mut t = table(&["span", "rule", "text"]);
            for d in &report.dropped {
                t.add_row(vec![
                    format!("{}-{}", d.block.start, d.block.end),
                    d.block.rule.clone(),
                    cut(&d.text, 50),
                ]);
            }
            out.line(t)?;
        }
        AuditWhat::Claim { id } => {
            let report = audit.claim(&id)?;
            if json {
                return print_json(&report);
            }
            let c = &report.claim;
            let style = if c.polarity == "con" { CON } else { PRO };
            out.styled(
                style,
                &format!(
                    "{} {} of {} on {}: {}",
                    c.id,
                    c.polarity,
                    c.entity,
                    c.aspect,
                    safe(&c.statement)
                ),
            )?;
            out.line(format!(
                "stated by {} source(s), {} attribution(s)",
                c.sources, c.attributions
            ))?;
            for a in &report.attributions {
                out.line("")?;
                out.styled(
                    HEAD,
                    &format!(
                        "{} ({})",
                        safe(a.source.title.as_deref().unwrap_or(&a.source.origin)),
                        &a.source.id[..16.min(a.source.id.len())]
                    ),
                )?;
                out.line(format!("  span {}-{}, rule {}", a.start, a.end, a.rule))?;
                out.line(format!("  quote:   {}", safe(&a.quote)))?;
                out.line(format!("  context: {}", safe(&a.context)))?;
            }
        }
        AuditWhat::Conflicts { entity } => {
            let list = audit.conflicts(entity.as_deref());
            if json {
                return print_json(&list);
            }
            out.styled(HEAD, &format!("{} conflict(s)", list.len()))?;
            conflicts(&mut out, &audit, &list)?;
        }
        AuditWhat::Stats { name } => {
            let slug = match &name {
                Some(n) => {
                    let catalog = roundup::catalog::Catalog::builtin()?;
                    Some(audit.resolve_entity(&catalog, n)?)
                }
                None => None,
            };
            let list = audit.statistics(slug.as_deref());
            if json {
                return print_json(&list);
            }
            out.styled(
                HEAD,
                &format!(
                    "{} statistic(s); * = another value is reported for the same measure",
                    list.len()
                ),
            )?;
            out.line(stats_table(&list, slug.is_none()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<ExitCode> {
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut w, value)?;
    writeln!(w)?;
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn source_list(sources: &[roundup::audit::SourceRef]) -> String {
    sources
        .iter()
        .map(|s| cut(s.title.as_deref().unwrap_or(&s.origin), 40))
        .collect::<Vec<_>>()
        .join("\n")
}

fn claims_table(items: &[&ClaimItem]) -> Table {
    let mut t = table(&["", "claim", "statement", "n", "sources"]);
    for c in items {
        t.add_row(vec![
            c.polarity.clone(),
            c.id.clone(),
            cut(&c.statement, 70),
            c.support.to_string(),
            source_list(&c.sources),
        ]);
    }
    t
}

fn stats_table(items: &[StatisticItem], with_entity: bool) -> Table {
    let mut header = vec!["value", "measure", "when", "cited", "sources"];
    if with_entity {
        header.insert(0, "entity");
    }
    let mut t = table(&header);
    for s in items {
        let mark = if s.disputed { " *" } else { "" };
        let mut row = vec![
            format!("{} {}{mark}", roundup::kb::keys::value(s.value), s.unit),
            safe(s.measure.as_deref().unwrap_or("")),
            safe(&s.times.join("; ")),
            safe(&s.cited.join("; ")),
            source_list(&s.sources),
        ];
        if with_entity {
            row.insert(0, s.entity.clone().unwrap_or_default());
        }
        t.add_row(row);
    }
    t
}

fn conflicts(out: &mut Out, audit: &Audit, list: &[Conflict]) -> std::io::Result<()> {
    for c in list {
        out.line("")?;
        out.styled(
            HEAD,
            &format!("{} {} of {}: {}", c.id, c.kind, c.entity, safe(&c.topic)),
        )?;
        for (style, label, says, sources) in [
            (PRO, "a", &c.a_label, &c.a_sources),
            (CON, "b", &c.b_label, &c.b_sources),
        ] {
            for s in says {
                out.styled(style, &format!("  {label}: {}", cut(s, 74)))?;
            }
            for id in sources {
                out.line(format!("       {}", cut(&audit.source_label(id), 70)))?;
            }
        }
    }
    Ok(())
}
