//! The resolved objects of a config: what a tunnel, an IKE gateway, an SA policy, a pp is
//! once every line that configures it has been read.

use std::borrow::Cow;

use rtx_syntax::{Span, Value};
use smallvec::SmallVec;

use crate::IdSet;

/// The blocks of an interface: nearly always one `select` opens it, so one is kept inline.
pub type Blocks = SmallVec<[usize; 1]>;

/// The `select` lines of an interface (one inline, as for [`Blocks`]).
pub type Sites = SmallVec<[Site; 1]>;

/// A place in the document: a line and the span that matters on it. Twelve bytes: every
/// object keeps a few, and documents stay below 4 GiB as spans already assume.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Site {
    pub(crate) line: u32,
    pub span: Span,
}

impl Site {
    pub fn new(line: usize, span: Span) -> Site {
        Site {
            line: u32::try_from(line).expect("fewer than 2^32 lines, as spans are u32"),
            span,
        }
    }

    /// The line index.
    pub fn line(&self) -> usize {
        self.line as usize
    }
}

/// A value and where it was set (the last setting wins, as on the router).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub site: Site,
}

/// Whether `tunnel enable` / `pp enable` covers an interface, after reading the whole file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EnableState {
    /// No enable or disable line covers it: it stays disabled (the factory state).
    #[default]
    Unmentioned,
    Enabled(Site),
    /// `tunnel disable`, `no tunnel enable` or `pp disable` covers it: disabled on purpose.
    Disabled(Site),
}

/// A tunnel interface.
#[derive(Clone, Debug, Default)]
pub struct Tunnel {
    pub number: u32,
    /// Blocks opened by `tunnel select N`, in order.
    pub blocks: Blocks,
    /// The `tunnel select N` lines.
    pub select_sites: Sites,
    /// Whether any block holds a command besides the select.
    pub configured: bool,
    /// `tunnel encapsulation` (default `ipsec`).
    pub encapsulation: Option<Setting<&'static str>>,
    /// `ipsec tunnel P`: the SA policy the tunnel uses (the last one set).
    pub policy: Option<Setting<u32>>,
    /// IKE gateways whose `ipsec ike ...` lines stand in this tunnel's blocks.
    pub gateways: IdSet,
    pub enable: EnableState,
    /// `tunnel name` / `description tunnel`: where the name stands (its word); the text is
    /// the document's, read by [`Tunnel::name_text`] (a large config names thousands of
    /// tunnels, and a copy of each name was a small allocation per tunnel).
    pub name: Option<Site>,
}

impl Tunnel {
    /// The tunnel's name, unquoted and unescaped; `doc` is the model's document.
    pub fn name_text<'d>(&self, doc: &'d rtx_syntax::Document) -> Option<Cow<'d, [u8]>> {
        let span = self.name?.span;
        let raw = doc.source().get(span.start as usize..span.end as usize)?;
        Some(rtx_syntax::text::unescape(raw))
    }

    /// The encapsulation in effect (`ipsec` when none is set).
    pub fn encapsulation(&self) -> &'static str {
        self.encapsulation.as_ref().map_or("ipsec", |s| s.value)
    }
}

/// IKE keepalive of a gateway: `ipsec ike keepalive use G switch [method ...]`. Its words
/// are kept as one-byte enums: a large config has a gateway per tunnel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keepalive {
    pub site: Site,
    pub switch: KeepaliveSwitch,
    pub switch_span: Span,
    /// `None` when the line names no method.
    pub method: Option<KeepaliveMethod>,
}

const _: () = assert!(std::mem::size_of::<Option<Keepalive>>() == 24);

/// The `switch` of `ipsec ike keepalive use`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepaliveSwitch {
    On,
    Off,
    Auto,
}

impl KeepaliveSwitch {
    /// The keyword of a bound `switch` argument (`auto`, the default, for anything else).
    pub fn from_keyword(keyword: &str) -> KeepaliveSwitch {
        match keyword {
            "on" => KeepaliveSwitch::On,
            "off" => KeepaliveSwitch::Off,
            _ => KeepaliveSwitch::Auto,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            KeepaliveSwitch::On => "on",
            KeepaliveSwitch::Off => "off",
            KeepaliveSwitch::Auto => "auto",
        }
    }
}

impl std::fmt::Display for KeepaliveSwitch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The keepalive method keyword of `ipsec ike keepalive use`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepaliveMethod {
    Heartbeat,
    IcmpEcho,
    Dpd,
    Rfc4306,
}

impl KeepaliveMethod {
    pub const ALL: [KeepaliveMethod; 4] = [
        KeepaliveMethod::Heartbeat,
        KeepaliveMethod::IcmpEcho,
        KeepaliveMethod::Dpd,
        KeepaliveMethod::Rfc4306,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            KeepaliveMethod::Heartbeat => "heartbeat",
            KeepaliveMethod::IcmpEcho => "icmp-echo",
            KeepaliveMethod::Dpd => "dpd",
            KeepaliveMethod::Rfc4306 => "rfc4306",
        }
    }
}

impl std::fmt::Display for KeepaliveMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An IKE gateway (security gateway id).
#[derive(Clone, Debug, Default)]
pub struct Gateway {
    pub id: u32,
    /// Tunnels in whose blocks those lines stand.
    pub tunnels: IdSet,
    /// `ipsec ike version G` (default 1).
    pub version: Option<Setting<u32>>,
    pub keepalive: Option<Keepalive>,
    pub local_address: Option<Setting<Value>>,
    pub remote_address: Option<Setting<Value>>,
    /// Where the pre-shared key is set; its value is a secret and is not kept.
    pub pre_shared_key: Option<Site>,
}

impl Gateway {
    /// The IKE version in effect.
    pub fn ike_version(&self) -> u32 {
        self.version.as_ref().map_or(1, |v| v.value)
    }
}

/// `ipsec sa policy P G ...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaPolicy {
    pub id: u32,
    pub gateway: u32,
    pub gateway_span: Span,
    pub site: Site,
    /// The block the line stands in.
    pub block: usize,
}

/// `ipsec transport T P ...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transport {
    pub id: u32,
    pub policy: u32,
    pub site: Site,
    pub policy_span: Span,
}

/// Which pp: a peer number or `anonymous`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PpId {
    Number(u32),
    Anonymous,
}

/// A pp (peer) interface.
#[derive(Clone, Debug)]
pub struct Pp {
    pub id: PpId,
    pub blocks: Blocks,
    pub select_sites: Sites,
    /// `pp bind tunnelN[-tunnelM]`: the tunnel numbers bound, with the line.
    pub bound_tunnels: Vec<(u32, u32, Site)>,
    pub enable: EnableState,
}
