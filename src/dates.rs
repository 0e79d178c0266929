//! Dates as articles print them ("Jun 26, 2024", "26 June 2024",
//! "Updated: 2024-06-26"), normalised to ISO `YYYY-MM-DD`. Shared by the
//! cleaning stage (date lines) and the HTML parser (visible post dates).

use chrono::NaiveDate;

const MONTHS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The ISO date (`YYYY-MM-DD`) a date line states: "Jun 26, 2024",
/// "26 June 2024", "Updated: 2024-06-26". `None` unless it is a real date.
pub(crate) fn human_date(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let date = words.iter().find_map(|w| {
        let mut parts = w.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 {
            return None;
        }
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    });
    let date = date.or_else(|| {
        let month = words.iter().find_map(|w| {
            let name = w.trim_end_matches('.');
            MONTHS
                .iter()
                .find(|(m, _)| name.starts_with(m) && name.len() <= 9)
                .map(|&(_, n)| n)
        })?;
        let numbers: Vec<u32> = words
            .iter()
            .filter_map(|w| {
                w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                    .parse()
                    .ok()
            })
            .collect();
        let year = numbers
            .iter()
            .copied()
            .find(|n| (1990..=2100).contains(n))?;
        let day = numbers.iter().copied().find(|n| (1..=31).contains(n))?;
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    })?;
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_articles_use() {
        assert_eq!(human_date("Jun 26, 2024").as_deref(), Some("2024-06-26"));
        assert_eq!(human_date("26 June 2024").as_deref(), Some("2024-06-26"));
        assert_eq!(
            human_date("Updated: 2024-02-01").as_deref(),
            Some("2024-02-01")
        );
        assert_eq!(
            human_date("Published on March 3rd, 2023").as_deref(),
            Some("2023-03-03")
        );
        assert_eq!(human_date("Feb 30, 2024"), None);
        assert_eq!(human_date("2024"), None);
    }
}
