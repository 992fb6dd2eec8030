//! Exact decimal numbers: counts are integers, 万元 amounts are fixed-point.
//!
//! Invariant: no floating point anywhere; arithmetic is checked and saturates into `None`
//! instead of overflowing, so a 50-digit "number" in garbage input can never panic.

use std::cmp::Ordering;
use std::fmt;

/// An exact decimal: `mantissa × 10^-scale`.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Number {
    mantissa: i64,
    scale: u8,
}

/// The largest number of significant digits a cell may have before it is treated as text.
const MAX_DIGITS: usize = 15;

impl Number {
    /// An integer.
    pub const fn int(value: i64) -> Number {
        Number { mantissa: value, scale: 0 }
    }

    /// Parses ASCII digits with an optional leading `-`/`+` and one decimal point:
    /// `12`, `-185`, `4068.208`, `0.00`. Anything else, or more than 15 digits, is `None`.
    pub fn parse(text: &str) -> Option<Number> {
        let (negative, digits) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (int_part, frac_part) = match digits.split_once('.') {
            Some((int_part, frac_part)) => (int_part, frac_part),
            None => (digits, ""),
        };
        if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !frac_part.bytes().all(|b| b.is_ascii_digit()) || digits.ends_with('.') {
            return None;
        }
        if int_part.len() + frac_part.len() > MAX_DIGITS {
            return None;
        }
        let mut mantissa: i64 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            mantissa = mantissa * 10 + i64::from(b - b'0');
        }
        let scale = u8::try_from(frac_part.len()).ok()?;
        Some(Number { mantissa: if negative { -mantissa } else { mantissa }, scale })
    }

    /// True when the value has no fractional part (`3`, `3.00`).
    pub fn is_integer(self) -> bool {
        self.scale == 0 || self.mantissa % pow10(self.scale) == 0
    }

    /// The value as an integer, when it is one.
    pub fn as_int(self) -> Option<i64> {
        if self.is_integer() { Some(self.mantissa / pow10(self.scale)) } else { None }
    }

    /// True for values below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// True for zero (`0`, `0.00`).
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// How many decimal places were written.
    pub fn scale(self) -> u8 {
        self.scale
    }

    /// Exact sum, or `None` on overflow.
    pub fn checked_add(self, other: Number) -> Option<Number> {
        let scale = self.scale.max(other.scale);
        let a = self.rescaled(scale)?;
        let b = other.rescaled(scale)?;
        Some(Number { mantissa: a.checked_add(b)?, scale })
    }

    /// Exact difference, or `None` on overflow.
    pub fn checked_sub(self, other: Number) -> Option<Number> {
        self.checked_add(Number { mantissa: other.mantissa.checked_neg()?, scale: other.scale })
    }

    /// Exact product with an integer, or `None` on overflow.
    pub fn checked_mul_int(self, factor: i64) -> Option<Number> {
        Some(Number { mantissa: self.mantissa.checked_mul(factor)?, scale: self.scale })
    }

    /// Sum of many numbers; `None` on overflow.
    pub fn sum(values: impl IntoIterator<Item = Number>) -> Option<Number> {
        values.into_iter().try_fold(Number::int(0), Number::checked_add)
    }

    fn rescaled(self, scale: u8) -> Option<i64> {
        let factor = 10i64.checked_pow(u32::from(scale - self.scale))?;
        self.mantissa.checked_mul(factor)
    }
}

fn pow10(scale: u8) -> i64 {
    10i64.checked_pow(u32::from(scale)).unwrap_or(i64::MAX)
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Number {}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Number) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Number) -> Ordering {
        let scale = self.scale.max(other.scale);
        if let (Some(a), Some(b)) = (self.rescaled(scale), other.rescaled(scale)) {
            return a.cmp(&b);
        }
        // Only reachable with absurd scales; fall back to i128 arithmetic.
        let a = i128::from(self.mantissa) * 10i128.pow(u32::from(scale - self.scale));
        let b = i128::from(other.mantissa) * 10i128.pow(u32::from(scale - other.scale));
        a.cmp(&b)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let factor = pow10(self.scale);
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let abs = self.mantissa.unsigned_abs();
        let factor = factor.unsigned_abs();
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / factor,
            abs % factor,
            width = usize::from(self.scale)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for text in ["0", "12", "-185", "4068.208", "0.00", "96171.6"] {
            assert_eq!(Number::parse(text).unwrap().to_string(), text);
        }
        for bad in ["", "-", "1.", ".5", "1.2.3", "12a", "1234567890123456"] {
            assert!(Number::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn compares_across_scales() {
        assert_eq!(Number::parse("3.00").unwrap(), Number::int(3));
        assert!(Number::parse("0.5").unwrap() < Number::int(1));
        assert!(Number::parse("3.00").unwrap().is_integer());
        assert!(!Number::parse("3.5").unwrap().is_integer());
        let sum = Number::parse("1.5").unwrap().checked_add(Number::int(2)).unwrap();
        assert_eq!(sum.to_string(), "3.5");
        assert_eq!(Number::int(i64::MAX).checked_add(Number::int(1)), None);
    }
}
