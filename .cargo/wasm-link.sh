#!/bin/sh
# The wasm32 linker (see `.cargo/config.toml`): rust-lld, without the exports of wasm-streams'
# `IntoUnderlying*` classes. Leptos always links server_fn's browser client, whose
# wasm-streams adapters are `#[wasm_bindgen]` exports that nothing here calls. Exported, they
# keep their futures, executor and glue: their function-table entries outlive wasm-opt's
# `--remove-exports`. Not exported, the linker drops them: -5.7 KiB brotli on the wasm and
# -0.4 KiB on the loader (measured without the hosted-config code).
lld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
export_next=
for arg do
    shift
    if [ -n "$export_next" ]; then
        export_next=
        case $arg in *ntounderlying*) continue ;; esac
        set -- "$@" --export "$arg"
        continue
    fi
    case $arg in
        --export) export_next=1 ;;
        --export=*ntounderlying*) ;;
        *) set -- "$@" "$arg" ;;
    esac
done
exec "$lld" "$@"
