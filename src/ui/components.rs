//! The widget's markup. Thin on purpose: every word and number comes from [`WidgetView`].

use leptos::prelude::*;

use super::view::{DayRow, Variant, WidgetView};

/// The whole widget in the chosen layout.
#[component]
pub fn HotlineWidget(
    /// What to show; the embedding replaces it at each transition, "closing soon" and midnight.
    #[prop(into)]
    content: Signal<WidgetView>,
    /// Full box or one line.
    variant: Variant,
) -> impl IntoView {
    let lang = move || content.with(|c| c.lang);
    match variant {
        Variant::Full => view! {
            <div class="widget full" part="widget" lang=lang>
                <p class="name" part="name">{move || content.with(|c| c.name.clone())}</p>
                <StatusLine content=content />
                <PhoneLink content=content />
                {move || content.with(|c| c.note.clone()).map(|note| view! {
                    <p class="note" part="note">{note}</p>
                })}
                {move || content.with(|c| c.announcement.clone()).map(|text| view! {
                    <p class="announcement" part="announcement">{text}</p>
                })}
                <WeekTable content=content />
                <SpecialDays content=content />
            </div>
        }
        .into_any(),
        Variant::Compact => view! {
            <div class="widget compact" part="widget" lang=lang>
                <StatusLine content=content />
                <PhoneLink content=content />
            </div>
        }
        .into_any(),
    }
}

/// Shape icon, "Åben nu" / "Lukket nu", today's holiday and the next change.
#[component]
fn StatusLine(
    /// The widget's content.
    content: Signal<WidgetView>,
) -> impl IntoView {
    let open = move || content.with(|c| c.open);
    view! {
        <p class="status" part="status" class:open=open class:closed=move || !open()>
            <span class="icon" part="icon" aria-hidden="true"></span>
            // The live region holds only the headline, so a screen reader hears open ↔ closed
            // and nothing else.
            <span class="headline" part="headline" role="status">
                {move || content.with(|c| c.headline)}
            </span>
            {move || content.with(|c| c.reason.clone()).map(|reason| view! {
                <span class="reason" part="reason">"– " {reason}</span>
            })}
            <span class="detail" part="detail">{move || content.with(|c| c.detail.clone())}</span>
        </p>
    }
}

/// The number as a click-to-call link, grouped as Danes write it.
#[component]
fn PhoneLink(
    /// The widget's content.
    content: Signal<WidgetView>,
) -> impl IntoView {
    view! {
        <a
            class="phone"
            part="phone"
            href=move || content.with(|c| c.phone.href.clone())
            aria-label=move || content.with(|c| c.phone.label.clone())
        >
            {move || content.with(|c| c.phone.text.clone())}
        </a>
    }
}

/// This week's real hours, Monday to Sunday, today marked in words and not only by style.
#[component]
fn WeekTable(
    /// The widget's content.
    content: Signal<WidgetView>,
) -> impl IntoView {
    view! {
        <table class="week" part="week">
            <caption>{move || content.with(|c| c.week_caption)}</caption>
            <tbody>
                {move || content.with(|c| {
                    c.week.iter().map(|row| view! { <DayLine row=row.clone() mark=c.today_mark /> })
                        .collect_view()
                })}
            </tbody>
        </table>
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
                {row.label}
                {today.then(|| view! { <span class="today-mark">" (" {mark} ")"</span> })}
            </th>
            <td>
                <span class="hours">{row.hours}</span>
                {row.note.map(|note| view! { " – " <span class="day-note">{note}</span> })}
            </td>
        </tr>
    }
}

/// Holidays and exceptions in the next two weeks; nothing when there are none.
#[component]
fn SpecialDays(
    /// The widget's content.
    content: Signal<WidgetView>,
) -> impl IntoView {
    move || {
        content.with(|c| {
            (!c.special_days.is_empty()).then(|| {
                let items = c
                    .special_days
                    .iter()
                    .map(|row| {
                        let note = row.note.clone().map(|note| format!(" – {note}"));
                        view! { <li>{row.label.clone()} ": " {row.hours.clone()} {note}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="special" part="special">
                        <p class="caption">{c.special_caption}</p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}
