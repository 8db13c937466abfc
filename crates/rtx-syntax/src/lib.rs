//! # rtx-syntax
//!
//! Bytes to a lossless, typed tree of Yamaha RTX router commands, and back.
//!
//! * [`parse`] never fails and never panics; [`Document::to_bytes`] gives the input back byte
//!   for byte, whatever it was (CRLF, Shift_JIS, a BOM, no final newline).
//! * Each command line knows its [`Context`] (from `tunnel select` / `pp select` only), its
//!   `no` prefix, its words with spans, and, when the [`Catalogue`] recognises it, its typed
//!   form ([`TypedCommand`]) with `u32` ids, `Ipv4Addr`s, `ipnet` networks and keywords.
//! * [`print::canonical`] prints a document the way `show config` does.
//!
//! ```
//! use rtx_syntax::{Context, Value};
//!
//! let doc = rtx_syntax::parse(b"tunnel select 1\n ipsec ike keepalive use 1 on dpd 10 3\n");
//! let cmd = doc.commands().nth(1).unwrap();
//! assert_eq!(cmd.context(), Context::Tunnel(1));
//! let typed = cmd.typed().unwrap().unwrap();
//! assert_eq!(typed.u32("gateway_id"), Some(1));
//! assert!(typed.has_keyword("dpd"));
//! assert_eq!(typed.value("interval"), Some(&Value::Int(10)));
//! ```

mod bind;
pub mod catalogue;
pub mod complete;
mod context;
mod document;
mod header;
mod interface;
mod lexer;
pub mod print;
mod secrets;
mod span;
pub mod text;
mod value;

pub use bind::{Arg, Args, BindError, Binder, Keywords, TypedCommand};
pub use catalogue::Catalogue;
pub use context::Context;
pub use document::{
    Command, Document, EmbeddedCommand, LineKind, LineRef, SyntaxError, SyntaxErrorKind, Word,
    parse, parse_owned, parse_owned_with, parse_with,
};
pub use header::{Header, NotARevision, Revision};
pub use interface::{Interface, InterfaceKind, SubSeparator};
pub use secrets::{SECRET_MASK, secret_word_positions};
pub use span::Span;
pub use value::{Bytes, IdRange, Value};
