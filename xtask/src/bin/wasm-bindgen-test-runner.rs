//! The wasm-bindgen test runner, built from the workspace (no global install):
//! `cargo xtask test` points Cargo's wasm32 runner at this binary.

fn main() {
    if let Err(err) = wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(std::env::args_os()) {
        eprintln!("wasm-bindgen-test-runner: {err:#}");
        std::process::exit(1);
    }
}
