//! Short import names. wasm-bindgen names each import after its function plus a 16-digit hash
//! (`__wbg_setAttribute_4f1baf9a00be3c74`), from the module `./digital_hotline_bg.js`; the wasm
//! carries every name once and the glue once more, and hashes do not compress (−3 KB brotli).
//! This renames them, in the wasm's import section and in the glue, to `a`, `b`, … in the
//! order of the import section, so the same wasm always gets the same names.

use crate::Result;

/// The wasm module's section id for imports.
const IMPORT_SECTION: u8 = 2;

/// The module name the glue gives its import object.
pub const SHORT_MODULE: &str = "w";

/// Renames the imports from `module` in `wasm` and the matching keys in `glue`. Fails, rather
/// than guess, when the glue does not name each import exactly once as `name:` or when the
/// wasm holds something this reader does not know.
pub fn shorten(wasm: &[u8], glue: &str, module: &str) -> Result<(Vec<u8>, String)> {
    let (wasm, renamed) = rename_in_wasm(wasm, module)?;
    let mut glue = replace_once(glue, &format!("\"{module}\":"), &format!("\"{SHORT_MODULE}\":"))?;
    for (old, new) in &renamed {
        glue = replace_once(&glue, &format!(" {old}:"), &format!(" {new}:"))?;
    }
    Ok((wasm, glue))
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("the wasm-bindgen glue names `{from}` {n} times, expected once")),
    }
}

/// The short name of the `index`th import: `a` … `z`, `A` … `Z`, `ba` …
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = vec![LETTERS[index % LETTERS.len()]];
    index /= LETTERS.len();
    while index > 0 {
        name.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// (old, new) import names.
type Renamed = Vec<(String, String)>;

/// Rewrites the import section; returns the new module and the names it changed.
fn rename_in_wasm(wasm: &[u8], module: &str) -> Result<(Vec<u8>, Renamed)> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a wasm module (version 1)".to_owned());
    }
    let mut out = wasm[..8].to_vec();
    let mut renamed = Vec::new();
    let mut reader = Reader { bytes: wasm, at: 8 };
    while reader.at < wasm.len() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let body = reader.take(size)?;
        let body = if id == IMPORT_SECTION {
            import_section(body, module, &mut renamed)?
        } else {
            body.to_vec()
        };
        out.push(id);
        write_leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    Ok((out, renamed))
}

fn import_section(
    body: &[u8],
    module: &str,
    renamed: &mut Vec<(String, String)>,
) -> Result<Vec<u8>> {
    let mut reader = Reader { bytes: body, at: 0 };
    let mut out = Vec::with_capacity(body.len());
    let count = reader.leb()?;
    write_leb(&mut out, count);
    for _ in 0..count {
        let from = reader.name()?;
        let field = reader.name()?;
        let start = reader.at;
        reader.import_desc()?;
        let desc = &body[start..reader.at];
        if from == module {
            let short = short_name(renamed.len());
            write_name(&mut out, SHORT_MODULE);
            write_name(&mut out, &short);
            renamed.push((field.to_owned(), short));
        } else {
            write_name(&mut out, from);
            write_name(&mut out, field);
        }
        out.extend_from_slice(desc);
    }
    if reader.at != body.len() {
        return Err("the import section has bytes after its last import".to_owned());
    }
    Ok(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at + n).ok_or("the wasm ends early")?;
        self.at += n;
        Ok(slice)
    }

    fn leb(&mut self) -> Result<u64> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
            if shift > 63 {
                return Err("an over-long LEB128 number in the wasm".to_owned());
            }
        }
    }

    fn name(&mut self) -> Result<&'a str> {
        let len = self.leb()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|_| "an import name is not UTF-8".to_owned())
    }

    /// Skips a value type: one byte, or a reference type with its heap type.
    fn value_type(&mut self) -> Result {
        if matches!(self.byte()?, 0x63 | 0x64) {
            self.leb()?;
        }
        Ok(())
    }

    fn limits(&mut self) -> Result {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }

    /// Skips what an import is: a function, table, memory, global or tag.
    fn import_desc(&mut self) -> Result {
        match self.byte()? {
            0x00 => self.leb().map(drop),
            0x01 => self.value_type().and_then(|()| self.limits()),
            0x02 => self.limits(),
            0x03 => self.value_type().and_then(|()| self.byte().map(drop)),
            0x04 => self.byte().and_then(|_| self.leb()).map(drop),
            kind => Err(format!("an import of unknown kind {kind:#x} in the wasm")),
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing a function and a memory from `glue.js`, a global from `env`, and
    /// with a custom section after the imports.
    fn module() -> Vec<u8> {
        let mut imports = vec![3];
        for (from, field, desc) in [
            ("glue.js", "__wbg_now_0123456789abcdef", &[0x00, 0x00][..]),
            ("env", "g", &[0x03, 0x7f, 0x00]),
            ("glue.js", "__wbg_memory_fedcba9876543210", &[0x02, 0x01, 0x01, 0x02]),
        ] {
            write_name(&mut imports, from);
            write_name(&mut imports, field);
            imports.extend_from_slice(desc);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]); // type section: () -> ()
        wasm.push(IMPORT_SECTION);
        write_leb(&mut wasm, imports.len() as u64);
        wasm.extend_from_slice(&imports);
        wasm.extend_from_slice(&[0, 3, 1, b'x', 7]); // custom section "x"
        wasm
    }

    const GLUE: &str = r#"const import0 = {
        __wbg_now_0123456789abcdef: function() { return Date.now(); },
        __wbg_memory_fedcba9876543210: function() {},
    };
    return { "glue.js": import0 };"#;

    #[test]
    fn renames_imports_in_wasm_and_glue_alike() {
        let (wasm, glue) = shorten(&module(), GLUE, "glue.js").unwrap();
        let (_, renamed) = rename_in_wasm(&wasm, SHORT_MODULE).unwrap();
        let names: Vec<_> = renamed.iter().map(|(old, _)| old.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert!(glue.contains(" a: function() { return Date.now(); }"));
        assert!(glue.contains(" b: function() {}"));
        assert!(glue.contains(r#"{ "w": import0 }"#));
        assert!(!glue.contains("0123456789abcdef"));
        // Everything but the import section is kept byte for byte.
        assert_eq!(wasm[..14], module()[..14]);
        assert_eq!(wasm[wasm.len() - 5..], [0, 3, 1, b'x', 7]);
        let env = [&[3, b'e', b'n', b'v', 1, b'g'][..], &[0x03, 0x7f, 0x00]].concat();
        assert!(wasm.windows(env.len()).any(|w| w == env));
    }

    #[test]
    fn refuses_glue_it_cannot_match() {
        let glue = GLUE.replace("__wbg_now_0123456789abcdef", "now");
        let error = shorten(&module(), &glue, "glue.js").unwrap_err();
        assert!(error.contains("__wbg_now_0123456789abcdef"), "{error}");
        assert!(rename_in_wasm(b"\0asm\x02\0\0\0", "glue.js").is_err());
        let mut truncated = module();
        truncated.truncate(20);
        assert!(rename_in_wasm(&truncated, "glue.js").is_err());
    }

    #[test]
    fn short_names_are_distinct() {
        let names: Vec<_> = [0, 25, 26, 51, 52, 53].into_iter().map(short_name).collect();
        assert_eq!(names, ["a", "z", "A", "Z", "ba", "bb"]);
    }
}
