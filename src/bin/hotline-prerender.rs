//! Prints the box's markup as the release puts it inside `<digital-hotline>`: the built-in
//! config's name, number and regular weekly hours, with the status line reserved but saying
//! nothing about open or closed (only the wasm knows the time). `lang` and `variant` as the
//! element's attributes: `hotline-prerender da full`.

use std::process::ExitCode;

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    // Renders natively only; the wasm build has no use for it.
    ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    use digital_hotline::config::{BUILTIN_JSON, Config};
    use digital_hotline::ui::{Label, Lang, Variant, prerender};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lang, variant] = args.as_slice() else {
        eprintln!("usage: hotline-prerender <da|en> <full|compact>");
        return ExitCode::from(2);
    };
    let (Some(lang), Some(variant)) =
        (Lang::from_attribute(lang), Variant::from_attribute(variant))
    else {
        eprintln!("hotline-prerender: unknown language or variant");
        return ExitCode::from(2);
    };
    let config = match Config::parse(BUILTIN_JSON) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("hotline-prerender: the built-in config: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Leptos marks where dynamic parts go (`<!>`) for hydration; static markup needs none. One
    // markup for both labels: with `label="short"` on the element the stylesheet hides the name.
    print!("{}", prerender(&config, lang, variant, Label::Full).replace("<!>", ""));
    ExitCode::SUCCESS
}
