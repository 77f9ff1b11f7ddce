//! The widget's markup. Thin on purpose: every word and number comes from [`WidgetView`].
//!
//! The markup is static: the embedding mounts it anew at each redraw (a few times a day). No
//! reactive effects run later in the background, so everything the widget does happens inside
//! the embedding's own guarded callbacks (see `embed::runtime`).

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
    let WidgetView { lang, preview, name, phone, .. } = content.clone();
    let preview = preview.map(|label| view! { <p class="preview" part="preview">{label}</p> });
    match variant {
        Variant::Full => view! {
            <div class="widget full" part="widget" lang=lang>
                {preview}
                <p class="name" part="name">{name}</p>
                <StatusLine content=content.clone() />
                <PhoneLink phone=phone />
                <Changes content=content.clone() />
                <WeekTable content=content />
            </div>
        }
        .into_any(),
        Variant::Compact => view! {
            <div class="widget compact" part="widget" lang=lang>
                {preview}
                {(label == Label::Full).then(|| view! {
                    <span class="name" part="name">{name} ":"</span>
                })}
                <StatusLine content=content />
                <PhoneLink phone=phone />
            </div>
        }
        .into_any(),
    }
}

/// Shape icon, "Åben nu" / "Lukket nu", today's holiday and the next change.
#[component]
fn StatusLine(
    /// The widget's content.
    content: WidgetView,
) -> impl IntoView {
    let WidgetView { open, headline, reason, detail, .. } = content;
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
    /// The widget's content.
    content: WidgetView,
) -> impl IntoView {
    let mark = content.today_mark;
    let rows = content.week.into_iter().map(|row| view! { <DayLine row=row mark=mark /> });
    let groups =
        content.week_groups.into_iter().map(|group| view! { <GroupLine group=group mark=mark /> });
    view! {
        <table class="week wide" part="week">
            <caption>{content.week_caption}</caption>
            <tbody>{rows.collect_view()}</tbody>
        </table>
        <table class="week grouped" part="week" hidden>
            <caption>{content.week_caption_short}</caption>
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
    /// The widget's content.
    content: WidgetView,
) -> impl IntoView {
    let WidgetView { change_line, change_more, note, special_days, announcement, .. } = content;
    let line = match change_line {
        ChangeLine::Pending => view! { "\u{a0}" }.into_any(),
        ChangeLine::Note(text) => view! { <span class="note">{text}</span> }.into_any(),
        ChangeLine::Day(row) => view! { <ChangeDay row=row short=true /> }.into_any(),
        ChangeLine::Announcement(text) => {
            view! { <span class="announcement">{text}</span> }.into_any()
        }
        ChangeLine::Nothing(text) => view! { <span class="nothing">{text}</span> }.into_any(),
    };
    match change_more {
        Some(more) => {
            let note = note.map(|text| view! { <li class="note">{text}</li> });
            let days = special_days
                .into_iter()
                .map(|row| view! { <li class="day"><ChangeDay row=row short=false /></li> });
            let announcement =
                announcement.map(|text| view! { <li class="announcement">{text}</li> });
            view! {
                <details class="changes" part="changes">
                    <summary class="line-box">
                        <span class="more">{more}</span>
                        <span class="line">{line}</span>
                    </summary>
                    <ul>{note}{days.collect_view()}{announcement}</ul>
                </details>
            }
            .into_any()
        }
        None => view! {
            <div class="changes" part="changes">
                <p class="line-box"><span class="line">{line}</span></p>
            </div>
        }
        .into_any(),
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
