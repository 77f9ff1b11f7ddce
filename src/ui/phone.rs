//! Phone numbers as Danes read them.

/// `tel:` link target for an E.164 number.
pub fn tel_href(e164: &str) -> String {
    format!("tel:{e164}")
}

/// A Danish E.164 number grouped in pairs, as Danes write it: `+4570200000` → `70 20 00 00`.
/// Other numbers are shown as given.
pub fn grouped(e164: &str) -> String {
    match e164.strip_prefix("+45") {
        // Char by char, not `&local[a..b]`: a slice by byte index can panic, and its message
        // alone pulls in `char`'s Debug formatting and Unicode's printable tables (~2 KB brotli).
        Some(local) if local.len() == 8 && local.bytes().all(|b| b.is_ascii_digit()) => {
            let mut grouped = String::with_capacity(11);
            for (index, digit) in local.chars().enumerate() {
                if index > 0 && index % 2 == 0 {
                    grouped.push(' ');
                }
                grouped.push(digit);
            }
            grouped
        }
        _ => e164.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_numbers_in_pairs() {
        assert_eq!(grouped("+4570200000"), "70 20 00 00");
        assert_eq!(grouped("+4529204355"), "29 20 43 55");
        assert_eq!(tel_href("+4570200000"), "tel:+4570200000");
    }

    #[test]
    fn other_numbers_as_given() {
        assert_eq!(grouped("+46812345678"), "+46812345678");
        assert_eq!(grouped("+45702000"), "+45702000");
    }
}
