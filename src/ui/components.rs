//! The widget's markup. Thin on purpose: the words come from [`StatusLine`] and [`Texts`].

use leptos::prelude::*;

use super::phone;
use super::status_line::{Reading, StatusLine};
use super::texts::Lang;

/// The whole widget: status, next change and the number to call.
#[component]
pub fn HotlineWidget(
    /// The latest reading of the clock; the embedding replaces it at each transition.
    #[prop(into)]
    reading: Signal<Reading>,
    /// Language of every text.
    lang: Lang,
    /// The hotline's number, E.164.
    phone: String,
) -> impl IntoView {
    let texts = lang.texts();
    let line = Memo::new(move |_| StatusLine::new(&reading.get(), texts));
    view! {
        <div class="widget" part="widget" lang=texts.tag()>
            <HotlineStatus line=line />
            <PhoneLink e164=phone />
        </div>
    }
}

/// "Åben nu" / "Lukket nu" with its shape icon, and the next change.
#[component]
pub fn HotlineStatus(
    /// The words to show, recomputed when the reading changes.
    #[prop(into)]
    line: Signal<StatusLine>,
) -> impl IntoView {
    let open = move || line.with(|line| line.open);
    view! {
        <p class="status" part="status" class:open=open class:closed=move || !open()>
            <span class="icon" aria-hidden="true"></span>
            // Only the headline is a live region, so screen readers hear open ↔ closed and
            // not every change of the detail text.
            <span class="headline" role="status">{move || line.with(|line| line.headline)}</span>
            <span class="detail" part="detail">{move || line.with(|line| line.detail.clone())}</span>
        </p>
    }
}

/// The number as a click-to-call link, grouped as Danes write it.
#[component]
pub fn PhoneLink(
    /// E.164, e.g. `+4570200000`.
    e164: String,
) -> impl IntoView {
    view! {
        <a class="phone" part="phone" href=phone::tel_href(&e164)>{phone::grouped(&e164)}</a>
    }
}
