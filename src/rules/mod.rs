//! Time rules: pure Rust, no web crates. Given an instant, is the hotline open and when does
//! that change? All wall-clock times are Europe/Copenhagen.

mod schedule;
mod weekly;
pub mod zone;

pub use schedule::{DayHours, LOOKAHEAD_DAYS, Reason, Schedule, Status};
pub use weekly::{ClockTime, Interval, WeeklyHours};
