//! The widget's markup. Thin on purpose: every word and number comes from [`WidgetView`].
//!
//! The markup is static: the embedding mounts it anew at each redraw (a few times a day). No
//! reactive effects run later in the background, so everything the widget does happens inside
//! the embedding's own guarded callbacks (see `embed::runtime`).
//!
//! Alternatives are `Either`s, never `.into_any()`: an `AnyView` keeps a pointer to its
//! `rebuild`, so each one kept code to patch its whole subtree in place, which a view that is
//! always built anew never runs (−8.7 KiB brotli on the wasm).

use leptos::either::{Either, EitherOf5};
use leptos::prelude::*;

use super::view::{ChangeLine, DayGroup, DayRow, Label, PhoneView, Variant, WidgetView};
#[cfg(not(target_arch = "wasm32"))]
use crate::config::Config;
#[cfg(not(target_arch = "wasm32"))]
use crate::ui::Lang;

/// The box's fallback markup for the snippet (see [`WidgetView::fallback`]), rendered to HTML
/// natively by the same components the wasm mounts.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender(config: &Config, lang: Lang, variant: Variant, label: Label) -> String {
    use leptos::tachys::view::RenderHtml;
    let content = WidgetView::fallback(config, lang);
    view! { <HotlineWidget content=content variant=variant label=label /> }.to_html()
}

/// The whole widget in the chosen layout.
#[component]
pub fn HotlineWidget(
    /// What to show.
    content: WidgetView,
    /// Full box or one line.
    variant: Variant,
    /// Whether the one line starts with the hotline's name.
    label: Label,
) -> impl IntoView {
    // Taken apart once: each part goes to the component that shows it (no copies of the whole).
    let WidgetView {
        lang,
        preview,
        name,
        open,
        headline,
        reason,
        detail,
        note,
        phone,
        announcement,
        week_caption,
        week_caption_short,
        today_mark,
        week,
        week_groups,
        special_days,
        change_line,
        change_more,
        ..
    } = content;
    let preview = preview.map(|label| view! { <p class="preview" part="preview">{label}</p> });
    match variant {
        Variant::Full => Either::Left(view! {
            <div class="widget full" part="widget" lang=lang>
                {preview}
                <p class="name" part="name">{name}</p>
                <StatusLine open=open headline=headline reason=reason detail=detail />
                <PhoneLink phone=phone />
                <Changes line=change_line more=change_more note=note days=special_days
                    announcement=announcement />
                <WeekTable caption=week_caption caption_short=week_caption_short
                    mark=today_mark week=week groups=week_groups />
            </div>
        }),
        Variant::Compact => Either::Right(view! {
            <div class="widget compact" part="widget" lang=lang>
                {preview}
                {(label == Label::Full).then(|| view! {
                    <span class="name" part="name">{name} ":"</span>
                })}
                <StatusLine open=open headline=headline reason=reason detail=detail />
                <PhoneLink phone=phone />
            </div>
        }),
    }
}

/// Shape icon, "Åben nu" / "Lukket nu", today's holiday and the next change.
#[component]
fn StatusLine(
    /// Open or closed; `None` before the wasm knows the time.
    open: Option<bool>,
    /// "Åben nu" / "Lukket nu".
    headline: &'static str,
    /// Today's holiday.
    reason: Option<String>,
    /// The next change: "Lukker kl. 21.00".
    detail: Option<String>,
) -> impl IntoView {
    let (pending, open) = (open.is_none(), open == Some(true));
    view! {
        <p class="status" part="status" class:open=open class:closed=!open && !pending
            class:pending=pending>
            <span class="icon" part="icon" aria-hidden="true"></span>
            <span class="headline" part="headline">{headline}</span>
            {reason.map(|reason| view! { <span class="reason" part="reason">"– " {reason}</span> })}
            <span class="detail" part="detail">{detail}</span>
        </p>
    }
}

/// The number as a click-to-call link, grouped as Danes write it.
#[component]
fn PhoneLink(
    /// Target, text and accessible name.
    phone: PhoneView,
) -> impl IntoView {
    view! {
        <a class="phone" part="phone" href=phone.href aria-label=phone.label>{phone.text}</a>
    }
}

/// This week's regular hours, Monday to Sunday, today marked in words and not only by style; and
/// the same week grouped ("man.–tors."), which the style shows instead in narrow places. The
/// grouped one is `hidden`, which the style overrides there: without any style (a stripped page
/// stylesheet) the box shows one table, and screen readers always get one.
#[component]
fn WeekTable(
    /// "Faste åbningstider".
    caption: &'static str,
    /// The grouped table's shorter caption: "Åbningstider".
    caption_short: &'static str,
    /// Words for today: "i dag".
    mark: &'static str,
    /// Monday to Sunday.
    week: Vec<DayRow>,
    /// The same week, neighbouring days of equal hours as one row.
    groups: Vec<DayGroup>,
) -> impl IntoView {
    let rows = week.into_iter().map(|row| view! { <DayLine row=row mark=mark /> });
    let groups = groups.into_iter().map(|group| view! { <GroupLine group=group mark=mark /> });
    view! {
        <table class="week wide" part="week">
            <caption>{caption}</caption>
            <tbody>{rows.collect_view()}</tbody>
        </table>
        <table class="week grouped" part="week" hidden>
            <caption>{caption_short}</caption>
            <tbody>{groups.collect_view()}</tbody>
        </table>
    }
}

/// One row of the grouped week: "man.–tors. 9.00–21.00". Today's group is bold, and says
/// "i dag" to screen readers (the status line above already tells sighted readers about today).
#[component]
fn GroupLine(
    /// The days and their hours.
    group: DayGroup,
    /// Words for today: "i dag".
    mark: &'static str,
) -> impl IntoView {
    let today = group.today;
    view! {
        <tr class:today=today part=if today { "day today" } else { "day" }>
            <th scope="row">
                <span class="nowrap">{group.label}</span>
                {today.then(|| view! { <span class="visually-hidden">" (" {mark} ")"</span> })}
            </th>
            <td><span class="hours">{group.hours}</span></td>
        </tr>
    }
}

/// One row of the week table.
#[component]
fn DayLine(
    /// The day.
    row: DayRow,
    /// Words after today's name: "i dag".
    mark: &'static str,
) -> impl IntoView {
    let today = row.today;
    view! {
        <tr class:today=today part=if today { "day today" } else { "day" }
            aria-current=today.then_some("date")>
            <th scope="row">
                <span class="nowrap">
                    {row.label}
                    {today.then(|| view! { <span class="today-mark">" (" {mark} ")"</span> })}
                </span>
            </th>
            <td>
                <span class="hours">{row.hours}</span>
                {row.note.map(|note| view! { " – " <span class="day-note">{note}</span> })}
            </td>
        </tr>
    }
}

/// What is not ordinary in the next two weeks, as one line in a space of the same height every
/// day (so the box never grows after its first paint), and the whole list behind "+N flere" (or
/// "Vis mere", when the line may cut what it shows): a `<details>` the reader opens, which is
/// not layout shift.
#[component]
fn Changes(
    /// What the one line shows.
    line: ChangeLine,
    /// "+2 flere", when the list holds more than the line.
    more: Option<String>,
    /// Today's exception note.
    note: Option<String>,
    /// The special days ahead.
    days: Vec<DayRow>,
    /// "Nye åbningstider fra 1. april".
    announcement: Option<String>,
) -> impl IntoView {
    let line = match line {
        ChangeLine::Pending => EitherOf5::A(view! { "\u{a0}" }),
        ChangeLine::Note(text) => EitherOf5::B(view! { <span class="note">{text}</span> }),
        ChangeLine::Day(row) => EitherOf5::C(view! { <ChangeDay row=row short=true /> }),
        ChangeLine::Announcement(text) => {
            EitherOf5::D(view! { <span class="announcement">{text}</span> })
        }
        ChangeLine::Nothing(text) => EitherOf5::E(view! { <span class="nothing">{text}</span> }),
    };
    match more {
        Some(more) => {
            let note = note.map(|text| view! { <li class="note">{text}</li> });
            let days = days
                .into_iter()
                .map(|row| view! { <li class="day"><ChangeDay row=row short=false /></li> });
            let announcement =
                announcement.map(|text| view! { <li class="announcement">{text}</li> });
            Either::Left(view! {
                <details class="changes" part="changes">
                    <summary class="line-box">
                        <span class="more">{more}</span>
                        <span class="line">{line}</span>
                    </summary>
                    <ul>{note}{days.collect_view()}{announcement}</ul>
                </details>
            })
        }
        None => Either::Right(view! {
            <div class="changes" part="changes">
                <p class="line-box"><span class="line">{line}</span></p>
            </div>
        }),
    }
}

/// A special day: "tors. 24.12.: Lukket – Juleaftensdag" on the line, "torsdag 24. december: …"
/// in the list; never broken inside the date, the hours or the holiday's name (an exception's
/// note wraps like any text).
#[component]
fn ChangeDay(
    /// The day.
    row: DayRow,
    /// The short date of the one line.
    short: bool,
) -> impl IntoView {
    let date = if short { row.short_label } else { row.label };
    let class = if row.free_note { "note" } else { "day-note" };
    view! {
        <span class="nowrap">{date} ":"</span>
        " "
        <span class="hours">{row.hours}</span>
        {row.note.map(|note| view! { " – " <span class=class>{note}</span> })}
    }
}
