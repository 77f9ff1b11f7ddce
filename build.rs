//! Minifies `style/widget.css` into `OUT_DIR` before the widget compiles it in: comments and
//! layout whitespace cost bytes in every download and the browser needs none of them.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=style/widget.css");
    let css = std::fs::read_to_string("style/widget.css").expect("style/widget.css");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("widget.css"), minify(&css)).expect("write widget.css");
}

/// Drops comments, collapses whitespace, and removes it where CSS never needs it: around
/// `{ } ; , >` and after `:`. A space before `:` stays (`.a :hover` is not `.a:hover`), and
/// quoted strings are copied as they are.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            _ => {
                let needed = !"{};,>".contains(c) && !out.ends_with(|c| "{};,>:".contains(c));
                if space && needed && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                if c == '"' || c == '\'' {
                    for inner in chars.by_ref() {
                        out.push(inner);
                        if inner == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out.replace(";}", "}")
}
