//! The geometry of the report's inline SVG charts. Rust computes every
//! coordinate (whole pixels, so pages are byte-for-byte reproducible); the
//! templates draw the shapes and escape the labels, so no text reaches an
//! SVG without escaping.

use serde::Serialize;

/// Layout constants shared by both charts, in pixels.
const ROW: u32 = 22;
const BAR: u32 = 16;
const LABEL: u32 = 190;
const PLOT: u32 = 520;
const VALUE: u32 = 70;

/// One bar of a horizontal bar chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bar {
    pub label: String,
    pub href: String,
    pub value: usize,
    /// Top of the bar's row.
    pub y: u32,
    pub width: u32,
}

/// A chart of horizontal bars, one row per item, the largest value as
/// wide as the plot: [`Bar`] rows for counts, [`Balance`] rows for
/// stacked pros and cons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chart<Row> {
    pub width: u32,
    pub height: u32,
    /// Where bars start (after the labels).
    pub plot_x: u32,
    pub bar_height: u32,
    pub rows: Vec<Row>,
}

impl<Row> Chart<Row> {
    fn new(rows: Vec<Row>) -> Chart<Row> {
        Chart {
            width: LABEL + PLOT + VALUE,
            height: rows.len() as u32 * ROW,
            plot_x: LABEL,
            bar_height: BAR,
            rows,
        }
    }
}

/// One row of a stacked pro/con bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub label: String,
    pub href: String,
    pub pros: usize,
    pub cons: usize,
    pub y: u32,
    pub pro_width: u32,
    pub con_width: u32,
}

/// `value` of `max` as a width on the plot; a non-zero value is at least
/// one pixel wide, so it never looks like zero.
fn scale(value: usize, max: usize) -> u32 {
    if value == 0 || max == 0 {
        return 0;
    }
    let w = (value as u128 * u128::from(PLOT) / max as u128) as u32;
    w.clamp(1, PLOT)
}

/// A bar chart of `(label, link, value)` items, in the order given.
pub fn bars(items: Vec<(String, String, usize)>) -> Chart<Bar> {
    let max = items.iter().map(|i| i.2).max().unwrap_or(0);
    Chart::new(
        items
            .into_iter()
            .enumerate()
            .map(|(i, (label, href, value))| Bar {
                label,
                href,
                value,
                y: i as u32 * ROW,
                width: scale(value, max),
            })
            .collect(),
    )
}

/// A stacked chart of `(label, link, pros, cons)` items, in the order
/// given, all rows on the scale of the largest total.
pub fn balance(items: Vec<(String, String, usize, usize)>) -> Chart<Balance> {
    let max = items.iter().map(|i| i.2 + i.3).max().unwrap_or(0);
    Chart::new(
        items
            .into_iter()
            .enumerate()
            .map(|(i, (label, href, pros, cons))| Balance {
                label,
                href,
                pros,
                cons,
                y: i as u32 * ROW,
                pro_width: scale(pros, max),
                con_width: scale(cons, max),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, value: usize) -> (String, String, usize) {
        (label.to_string(), format!("{label}.html"), value)
    }

    #[test]
    fn the_longest_bar_fills_the_plot_and_rows_stack_down() {
        let chart = bars(vec![item("a", 10), item("b", 5), item("c", 0)]);
        let widths: Vec<u32> = chart.rows.iter().map(|b| b.width).collect();
        assert_eq!(widths, vec![PLOT, PLOT / 2, 0]);
        let ys: Vec<u32> = chart.rows.iter().map(|b| b.y).collect();
        assert_eq!(ys, vec![0, ROW, 2 * ROW]);
        assert_eq!(chart.height, 3 * ROW);
        assert_eq!(chart.width, LABEL + PLOT + VALUE);
    }

    #[test]
    fn tiny_values_stay_visible_and_empty_charts_are_empty() {
        let chart = bars(vec![item("big", 1_000_000), item("small", 1)]);
        assert_eq!(chart.rows[1].width, 1);
        let empty = bars(Vec::new());
        assert_eq!((empty.height, empty.rows.len()), (0, 0));
    }

    #[test]
    fn balance_rows_share_one_scale() {
        let chart = balance(vec![
            ("a".into(), "a.html".into(), 3, 1),
            ("b".into(), "b.html".into(), 0, 2),
        ]);
        assert_eq!(chart.rows[0].pro_width + chart.rows[0].con_width, PLOT);
        assert_eq!(chart.rows[0].pro_width, PLOT * 3 / 4);
        assert_eq!(
            (chart.rows[1].pro_width, chart.rows[1].con_width),
            (0, PLOT / 2)
        );
    }

    #[test]
    fn labels_are_kept_verbatim_for_the_template_to_escape() {
        let chart = bars(vec![item("<script>", 1)]);
        assert_eq!(chart.rows[0].label, "<script>");
    }
}
