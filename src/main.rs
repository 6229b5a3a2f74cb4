//! Entry point of the WebAssembly bundle: `boot.js` loads it, and it mounts the app.

fn main() {
    communs::start();
}
