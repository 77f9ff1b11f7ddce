//! The glue without the classes whose exports the linker left out of the wasm.
//!
//! Leptos always enables server_fn's browser client, whose wasm-streams adapters are
//! `#[wasm_bindgen]` classes (`IntoUnderlying*`); `.cargo/wasm-link.sh` does not export them.
//! wasm-bindgen's glue still defines the classes, and their `Symbol.dispose` lines keep
//! the minifier from dropping them: code that could only call exports that are gone, in each
//! glue the loader carries (−0.3 KiB brotli on the loader with its two glues).

use crate::Result;

/// The classes' names, and how their exports begin.
const CLASSES: &str = "IntoUnderlying";
const EXPORTS: &str = "intounderlying";

/// `glue` without the top-level statements that define the removed classes: the class, its
/// `Symbol.dispose` line and its finalization registry. Fails when anything else still names
/// them, rather than leave a reference to what is gone.
pub fn without_removed_classes(glue: &str) -> Result<String> {
    let starts = statement_starts(glue);
    let mut kept = String::with_capacity(glue.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(glue.len());
        let statement = &glue[start..end];
        let removed = [
            format!("export class {CLASSES}"),
            format!("if (Symbol.dispose) {CLASSES}"),
            format!("const {CLASSES}"),
        ]
        .iter()
        .any(|form| statement.starts_with(form.as_str()));
        if !removed {
            kept.push_str(statement);
        }
    }
    if kept.contains(CLASSES) || kept.contains(EXPORTS) {
        return Err(format!("the glue names {CLASSES} classes outside their own statements"));
    }
    Ok(kept)
}

/// Where the top-level statements begin: at each line with no indentation that does not close
/// a block (comments included), and at the start of the text.
fn statement_starts(glue: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in glue.split_inclusive('\n') {
        let begins = line.starts_with(|c: char| !c.is_whitespace() && c != '}' && c != ')');
        if begins && offset > 0 {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "export class IntoUnderlyingSink {
    close() {
        wasm.intounderlyingsink_close(this.__wbg_ptr);
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;

export class Widget {
    free() {}
}
const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));
const WidgetFinalization = null;
function text() {
    return `two
lines`;
}
";

    #[test]
    fn drops_the_classes_and_keeps_the_rest_as_it_was() {
        let kept = without_removed_classes(GLUE).unwrap();
        assert_eq!(
            kept,
            "export class Widget {
    free() {}
}
const WidgetFinalization = null;
function text() {
    return `two
lines`;
}
"
        );
    }

    #[test]
    fn refuses_other_references_to_them() {
        let glue = format!("{GLUE}function use() {{ return new IntoUnderlyingSink(); }}\n");
        assert!(without_removed_classes(&glue).is_err());
        let glue = format!("{GLUE}const x = wasm.intounderlyingsink_close;\n");
        assert!(without_removed_classes(&glue).is_err());
        assert_eq!(without_removed_classes("let wasm;\n").unwrap(), "let wasm;\n");
    }
}
