//! Time rules: pure Rust, no web crates. Given an instant, is the hotline open, until when,
//! and why? All wall-clock times are Europe/Copenhagen.

mod holidays;
mod schedule;
mod status;
mod weekly;
pub mod zone;

pub use holidays::{Holiday, easter_sunday};
pub use schedule::{Bilingual, DayHours, DayRule, Exception, HoursVersion, Reason, Schedule};
pub use status::{LOOKAHEAD_DAYS, Status};
pub use weekly::{ClockTime, Interval, WeeklyHours};
