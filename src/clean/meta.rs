//! Metadata read from the lines cleaning drops: a date line becomes the
//! publication date (read by [`crate::dates::human_date`]), a
//! reading-time label the reading minutes, a byline the author.

/// The minutes a reading-time label states ("9 min read" → 9).
pub(crate) fn minutes(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|&m| m > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_minutes() {
        assert_eq!(minutes("9 min read"), Some(9));
        assert_eq!(minutes("11 mins"), Some(11));
        assert_eq!(minutes("Reading time: 0 min"), None);
    }
}
