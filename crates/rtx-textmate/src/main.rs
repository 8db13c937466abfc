//! Prints the TextMate grammar generated from the bundled catalogue:
//!
//! ```sh
//! cargo run -p rtx-textmate > editors/textmate/rtx.tmLanguage.json
//! cargo run -p rtx-textmate -- --plist > editors/textmate/rtx.tmLanguage
//! ```
//!
//! (`UPDATE_TEXTMATE=1 cargo test -p rtx-textmate` does the same; the test fails when the file
//! in the repository is not what the catalogue gives.)

fn main() {
    let catalogue = rtx_syntax::Catalogue::bundled();
    if std::env::args().any(|a| a == "--plist") {
        print!("{}", rtx_textmate::grammar_plist(catalogue));
    } else {
        print!("{}", rtx_textmate::grammar_json(catalogue));
    }
}
