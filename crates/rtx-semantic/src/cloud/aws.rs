//! The configuration AWS hands out for a Site-to-Site VPN connection, read for checking an
//! RTX router against it.
//!
//! # What is read
//!
//! AWS describes each VPN connection in the "generic" `CustomerGatewayConfiguration` XML: a
//! `<vpn_connection id="vpn-...">` root with one `<ipsec_tunnel>` per tunnel (normally two),
//! each giving the customer gateway's and the AWS virtual private gateway's outside and
//! inside addresses and BGP numbers, the IKE (phase 1) proposal with the pre-shared key, and
//! the IPsec (phase 2) proposal with TCP MSS, DF bit and dead peer detection settings.
//! [`read`] takes that file, or the JSON of `aws ec2 describe-vpn-connections` (every
//! connection in `VpnConnections` that carries the XML in `CustomerGatewayConfiguration`;
//! also a single connection object, or `create-vpn-connection`'s `{"VpnConnection": ...}`),
//! and decides which from the first byte that is not whitespace (a UTF-8 BOM is skipped).
//!
//! Only what a router's configuration can be checked against is kept: the addresses (to
//! match `ipsec ike remote address`, `ip tunnel address`, `bgp neighbor`), the BGP numbers,
//! and the proposals and timers (to match `ipsec ike encryption`, `ipsec ike group`, `ipsec
//! sa policy`, `ipsec ike keepalive use ... dpd`, `ip tunnel tcp mss limit`, ...). The ids of
//! the customer and virtual private gateways, the connection type and anything else are
//! skipped, as are elements this reader does not know (AWS adds some over time, such as
//! `tunnel_inside_ipv6_address`). Algorithm names are kept as AWS spells them (`aes-128-cbc`,
//! `hmac-sha1-96`, ASCII-lowercased); mapping them to RTX names is the checker's business.
//!
//! What the documented format leaves out is read as missing, not guessed: a
//! static-routing connection has no `<bgp>` elements (and says `NoBGPVPNConnection` in
//! `vpn_connection_attributes`), and the XML carries no IKE version (the text forms say
//! "IKEv1"); an `<ike_version>` (`ikev1`, `ikev2`) inside `<ike>` is read if present. Dead
//! peer detection is read both as AWS writes it (`<interval>`, `<retries>`) and as
//! `<delay>`/`<retry>`. The one default is the inside prefix: an inside address without
//! `network_cidr` or `network_mask` is taken as a /30, the only size AWS gives.
//!
//! Every value comes with the [`Span`] of its text in the input (without the whitespace, CDATA
//! markers or comments around it), so a diagnostic can point at it. For JSON input the XML
//! is an escaped string, whose positions do not map simply onto the file: every span then is
//! the whole JSON string holding the XML.
//!
//! # Secrets
//!
//! A pre-shared key is never kept as text: its bytes are gathered in a buffer that is wiped
//! when the element ends (or the read fails), and only its [`SecretDigest`] is kept. Errors
//! never quote the input, so no message, `Debug` output or panic can carry a key. (The
//! caller's input bytes, and for JSON the decoded string, which is wiped after reading, are
//! the only other places the key is.)
//!
//! # Hostile input
//!
//! Any bytes give a value or an error, never a panic. The cost is linear in the input: one
//! pass of an event reader, no backtracking, nesting limited to [`MAX_DEPTH`] elements (JSON
//! to serde_json's own limit of 128). A value that is present but cannot be understood (a
//! lifetime that is not a number, an address that is not one) is an error rather than a
//! missing value, so a checker never silently skips a comparison.
//!
//! ```
//! use rtx_semantic::cloud::aws;
//!
//! let xml = br#"<vpn_connection id="vpn-0a1b2c3d"><ipsec_tunnel>
//!   <vpn_gateway><tunnel_outside_address><ip_address>198.51.100.11</ip_address>
//!   </tunnel_outside_address></vpn_gateway>
//!   <ike><perfect_forward_secrecy>group2</perfect_forward_secrecy></ike>
//! </ipsec_tunnel></vpn_connection>"#;
//! let connections = aws::read(xml).unwrap();
//! let tunnel = &connections[0].tunnels[0];
//! assert_eq!(tunnel.label(), "AWS tunnel #1 (198.51.100.11)");
//! assert_eq!(tunnel.ike.dh_group(), Some(2));
//! let span = tunnel.aws_outside.as_ref().unwrap().span;
//! assert_eq!(&xml[span.range()], b"198.51.100.11");
//! ```

use std::net::{IpAddr, Ipv4Addr};

use ipnet::Ipv4Net;
use quick_xml::Reader;
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesStart, Event};
use rtx_syntax::Span;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::SecretDigest;

/// The deepest nesting of XML elements read; deeper input is an error. The documented format
/// is five levels deep.
pub const MAX_DEPTH: usize = 64;

/// A value read from the configuration, with the span of its text in the input.
///
/// For XML input the span covers the value's text inside its element, without surrounding
/// whitespace; for JSON input it is the whole JSON string that holds the XML.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where its text is in the input.
    pub span: Span,
}

/// One AWS Site-to-Site VPN connection: a `<vpn_connection>` element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsVpnConnection {
    /// The connection id (`vpn-...`): the root's `id` attribute, or for JSON input the
    /// `VpnConnectionId` beside the XML when the XML has none.
    pub id: Option<Located<String>>,
    /// The tunnels, in document order (normally two).
    pub tunnels: Vec<AwsTunnel>,
    /// The whole `<vpn_connection>` element, or the JSON string holding it.
    pub span: Span,
}

impl AwsVpnConnection {
    /// The tunnel AWS numbers `index` ("Tunnel #1" is 1).
    pub fn tunnel(&self, index: usize) -> Option<&AwsTunnel> {
        self.tunnels.iter().find(|tunnel| tunnel.index == index)
    }

    /// Whether the connection routes by BGP: some tunnel gives a BGP ASN. A static-routing
    /// connection has no `<bgp>` elements.
    pub fn uses_bgp(&self) -> bool {
        self.tunnels.iter().any(AwsTunnel::uses_bgp)
    }
}

/// One IPsec tunnel of a connection: an `<ipsec_tunnel>` element.
///
/// "Customer" is the router being checked; "AWS" is the virtual private (or transit) gateway.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AwsTunnel {
    /// The tunnel's number, 1-based in document order, as AWS says "Tunnel #1".
    pub index: usize,
    /// The `<ipsec_tunnel>` element (for JSON input, the JSON string).
    pub span: Span,
    /// The router's outside (Internet) address as AWS knows it (`customer_gateway`).
    pub customer_outside: Option<Located<IpAddr>>,
    /// AWS's outside address: the IKE peer the router must name (`vpn_gateway`).
    pub aws_outside: Option<Located<IpAddr>>,
    /// The router's inside-tunnel address with its prefix, host bits kept (`169.254.44.2/30`).
    /// The span is the `ip_address` text.
    pub customer_inside: Option<Located<Ipv4Net>>,
    /// AWS's inside-tunnel address with its prefix (`169.254.44.1/30`): the BGP neighbor.
    pub aws_inside: Option<Located<Ipv4Net>>,
    /// The router's BGP AS number; missing for static routing.
    pub customer_asn: Option<Located<u32>>,
    /// AWS's BGP AS number; missing for static routing.
    pub aws_asn: Option<Located<u32>>,
    /// The BGP hold time in seconds (AWS's side, or the customer's if only that is given).
    pub hold_time: Option<Located<u32>>,
    /// The IKE (phase 1) settings.
    pub ike: Phase1,
    /// The IPsec (phase 2) settings.
    pub ipsec: Phase2,
}

impl AwsTunnel {
    /// How a diagnostic names the tunnel: `AWS tunnel #1 (198.51.100.11)`, or `AWS tunnel #1`
    /// when AWS's outside address is not given.
    pub fn label(&self) -> String {
        match &self.aws_outside {
            Some(outside) => format!("AWS tunnel #{} ({})", self.index, outside.value),
            None => format!("AWS tunnel #{}", self.index),
        }
    }

    /// Whether the tunnel carries BGP: either side's ASN is given.
    pub fn uses_bgp(&self) -> bool {
        self.aws_asn.is_some() || self.customer_asn.is_some()
    }

    /// The inside-tunnel network (`169.254.44.0/30`), from either side's inside address.
    pub fn inside_network(&self) -> Option<Ipv4Net> {
        self.aws_inside
            .as_ref()
            .or(self.customer_inside.as_ref())
            .map(|inside| inside.value.trunc())
    }
}

/// The IKE (phase 1) settings of a tunnel: the `<ike>` element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phase1 {
    /// `encryption_protocol`, e.g. `aes-128-cbc`.
    pub encryption: Option<Located<String>>,
    /// `authentication_protocol`, e.g. `sha1`.
    pub authentication: Option<Located<String>>,
    /// `lifetime` in seconds, e.g. 28800.
    pub lifetime: Option<Located<u32>>,
    /// `perfect_forward_secrecy`: the Diffie-Hellman group number (`group2` is 2).
    pub pfs_group: Option<Located<u32>>,
    /// `mode`, e.g. `main`.
    pub mode: Option<Located<String>>,
    /// The IKE version (1 or 2) when the XML gives one (`<ike_version>ikev2</ike_version>`);
    /// the documented XML does not, and AWS's text configurations then say IKEv1.
    pub version: Option<Located<u32>>,
    /// `pre_shared_key`, as a digest only: compare it with [`SecretDigest::of`] of the
    /// router's key.
    pub pre_shared_key: Option<Located<SecretDigest>>,
}

impl Phase1 {
    /// The Diffie-Hellman group of the IKE SA (`group2` is 2), which the XML calls
    /// `perfect_forward_secrecy` under `<ike>`.
    pub fn dh_group(&self) -> Option<u32> {
        self.pfs_group.as_ref().map(|group| group.value)
    }
}

/// The IPsec (phase 2) settings of a tunnel: the `<ipsec>` element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phase2 {
    /// `protocol`, e.g. `esp`.
    pub protocol: Option<Located<String>>,
    /// `authentication_protocol`, e.g. `hmac-sha1-96`.
    pub authentication: Option<Located<String>>,
    /// `encryption_protocol`, e.g. `aes-128-cbc`.
    pub encryption: Option<Located<String>>,
    /// `lifetime` in seconds, e.g. 3600.
    pub lifetime: Option<Located<u32>>,
    /// `perfect_forward_secrecy`: the PFS Diffie-Hellman group number (`group2` is 2).
    pub pfs_group: Option<Located<u32>>,
    /// `mode`, e.g. `tunnel`.
    pub mode: Option<Located<String>>,
    /// `tcp_mss_adjustment`: the TCP MSS the router should clamp to, e.g. 1379.
    pub tcp_mss: Option<Located<u32>>,
    /// Dead peer detection interval in seconds (`<interval>`, or `<delay>`).
    pub dpd_delay: Option<Located<u32>>,
    /// Dead peer detection retries (`<retries>`, or `<retry>`).
    pub dpd_retry: Option<Located<u32>>,
    /// `clear_df_bit`: whether the router should clear the DF bit of tunnelled packets.
    pub clear_df_bit: Option<Located<bool>>,
    /// `fragmentation_before_encryption`: whether the router should fragment before
    /// encrypting.
    pub fragmentation_before_encryption: Option<Located<bool>>,
}

impl Phase2 {
    /// The PFS Diffie-Hellman group (`group2` is 2).
    pub fn dh_group(&self) -> Option<u32> {
        self.pfs_group.as_ref().map(|group| group.value)
    }
}

/// Why an AWS VPN configuration could not be read. No message quotes the input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AwsReadError {
    /// Nothing but whitespace.
    #[error(
        "the input is empty: expected an AWS VPN configuration (XML) or the JSON of \
         describe-vpn-connections"
    )]
    Empty,
    /// The first character is neither `<` nor `{`.
    #[error(
        "not an AWS VPN configuration: the first character is neither `<` (XML) nor `{{` (JSON)"
    )]
    UnknownFormat,
    /// Byte offsets are 32-bit.
    #[error("the input is larger than 4 GiB")]
    TooLarge,
    /// The input (JSON) is not UTF-8.
    #[error("the input is not valid UTF-8 at byte {offset}")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: u32,
    },
    /// Malformed XML.
    #[error("malformed XML at byte {offset}: {message}")]
    Xml {
        /// Byte offset of the error.
        offset: u32,
        /// What is wrong.
        message: &'static str,
    },
    /// Elements nested deeper than [`MAX_DEPTH`].
    #[error("XML elements nested deeper than {limit} at byte {offset}")]
    TooDeep {
        /// Byte offset of the element that is too deep.
        offset: u32,
        /// The limit, [`MAX_DEPTH`].
        limit: usize,
    },
    /// A value that is present but not what its element holds.
    #[error("the value of <{element}> at byte {offset} is not {expected}")]
    BadValue {
        /// The element's name.
        element: &'static str,
        /// Byte offset of the value.
        offset: u32,
        /// What the value should be.
        expected: &'static str,
    },
    /// XML without a `<vpn_connection>` element.
    #[error("no <vpn_connection> element: this is not an AWS VPN connection's configuration")]
    NoConnection,
    /// Malformed JSON, or JSON of another shape.
    #[error("unreadable JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// JSON with no `CustomerGatewayConfiguration`.
    #[error(
        "no VPN connection in the JSON carries a CustomerGatewayConfiguration (expected the \
         output of `aws ec2 describe-vpn-connections`)"
    )]
    NoConfiguration,
    /// An error in the XML inside a JSON string; its offsets count from the start of that
    /// XML, once unescaped.
    #[error(
        "in the CustomerGatewayConfiguration of VPN connection #{connection} (the JSON string \
         at bytes {}..{}; offsets below count in the XML it holds): {error}",
        string.start,
        string.end
    )]
    Embedded {
        /// 1-based position of the connection in the JSON.
        connection: usize,
        /// The JSON string holding the XML.
        string: Span,
        /// The error in the XML.
        error: Box<AwsReadError>,
    },
}

impl AwsReadError {
    /// The byte offset in the input a diagnostic should point at, when there is one (for an
    /// error in XML inside JSON, the start of the JSON string).
    pub fn offset(&self) -> Option<u32> {
        match self {
            AwsReadError::NotUtf8 { offset }
            | AwsReadError::Xml { offset, .. }
            | AwsReadError::TooDeep { offset, .. }
            | AwsReadError::BadValue { offset, .. } => Some(*offset),
            AwsReadError::Embedded { string, .. } => Some(string.start),
            _ => None,
        }
    }
}

/// Reads an AWS VPN configuration: the `CustomerGatewayConfiguration` XML of one connection,
/// or the JSON of `aws ec2 describe-vpn-connections` (every connection in it that carries
/// the XML). See the [module documentation](self) for what is read.
pub fn read(bytes: &[u8]) -> Result<Vec<AwsVpnConnection>, AwsReadError> {
    if u32::try_from(bytes.len()).is_err() {
        return Err(AwsReadError::TooLarge);
    }
    let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let first = bytes[start..]
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .map(|at| bytes[start + at]);
    match first {
        None => Err(AwsReadError::Empty),
        Some(b'<') => read_xml(&bytes[start..], Place::File(start)),
        Some(b'{') => read_json(bytes, start),
        Some(_) => Err(AwsReadError::UnknownFormat),
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

#[derive(Deserialize)]
struct JsonTop<'a> {
    #[serde(rename = "VpnConnections", borrow, default)]
    connections: Option<Vec<JsonConnection<'a>>>,
    #[serde(rename = "VpnConnection", borrow, default)]
    connection: Option<JsonConnection<'a>>,
    #[serde(rename = "VpnConnectionId", default)]
    id: Option<String>,
    #[serde(rename = "CustomerGatewayConfiguration", borrow, default)]
    configuration: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct JsonConnection<'a> {
    #[serde(rename = "VpnConnectionId", default)]
    id: Option<String>,
    #[serde(rename = "CustomerGatewayConfiguration", borrow, default)]
    configuration: Option<&'a RawValue>,
}

fn json_error(error: &serde_json::Error) -> AwsReadError {
    use serde_json::error::Category;
    // Syntax messages are fixed texts; data errors can quote the input (a string of the
    // wrong type could be the XML with its keys), so they get a message of ours.
    let message = match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            let text = error.to_string();
            match text.rfind(" at line ") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
        Category::Data => "a field has the wrong type or appears twice (expected \
                           {\"VpnConnections\": [{\"CustomerGatewayConfiguration\": \"<?xml ...\"}]})"
            .to_owned(),
    };
    AwsReadError::Json {
        line: error.line(),
        column: error.column(),
        message,
    }
}

fn read_json(bytes: &[u8], start: usize) -> Result<Vec<AwsVpnConnection>, AwsReadError> {
    let text = std::str::from_utf8(&bytes[start..]).map_err(|error| AwsReadError::NotUtf8 {
        offset: to_u32(start + error.valid_up_to()),
    })?;
    let top: JsonTop = serde_json::from_str(text).map_err(|error| json_error(&error))?;
    let mut found: Vec<(Option<String>, &RawValue)> = Vec::new();
    let listed = top.connections.into_iter().flatten().chain(top.connection);
    for connection in listed {
        if let Some(configuration) = connection.configuration {
            found.push((connection.id, configuration));
        }
    }
    if let Some(configuration) = top.configuration {
        found.push((top.id, configuration));
    }
    let mut connections = Vec::new();
    for (number, (id, raw)) in found.into_iter().enumerate() {
        let raw = raw.get();
        if raw == "null" {
            continue;
        }
        let at = offset_in(bytes, raw.as_bytes()).unwrap_or(start);
        let string = Span::new(to_u32(at), to_u32(at + raw.len()));
        let embedded = |error: AwsReadError| AwsReadError::Embedded {
            connection: number + 1,
            string,
            error: Box::new(error),
        };
        let xml: String = serde_json::from_str(raw).map_err(|_| {
            embedded(AwsReadError::Json {
                line: 1,
                column: 1,
                message: "CustomerGatewayConfiguration is not a string".to_owned(),
            })
        })?;
        let xml = Wiped(xml.into_bytes());
        let body = xml.0.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&xml.0);
        let read = read_xml(body, Place::Embedded(string)).map_err(embedded)?;
        for mut connection in read {
            if connection.id.is_none() {
                connection.id = id.clone().map(|value| Located {
                    value,
                    span: string,
                });
            }
            connections.push(connection);
        }
    }
    if connections.is_empty() {
        return Err(AwsReadError::NoConfiguration);
    }
    Ok(connections)
}

// ---------------------------------------------------------------------------------------------
// XML

/// Where the XML being read sits, for turning its offsets into spans and error offsets.
#[derive(Clone, Copy)]
enum Place {
    /// The XML is the input from this byte on.
    File(usize),
    /// The XML was unescaped from this JSON string.
    Embedded(Span),
}

impl Place {
    fn span(self, start: usize, end: usize) -> Span {
        match self {
            Place::File(base) => Span::new(to_u32(base + start), to_u32(base + end)),
            Place::Embedded(span) => span,
        }
    }

    fn offset(self, at: usize) -> u32 {
        match self {
            Place::File(base) => to_u32(base + at),
            Place::Embedded(_) => to_u32(at),
        }
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Where `inner` starts in `outer`, if it is a part of it.
fn offset_in(outer: &[u8], inner: &[u8]) -> Option<usize> {
    let outer_start = outer.as_ptr() as usize;
    let inner_start = inner.as_ptr() as usize;
    (inner_start >= outer_start && inner_start + inner.len() <= outer_start + outer.len())
        .then(|| inner_start - outer_start)
}

/// A buffer that may hold a secret: zeroed before it is cleared or dropped.
struct Wiped(Vec<u8>);

impl Wiped {
    fn wipe(&mut self) {
        self.0.fill(0);
        std::hint::black_box(&self.0);
        self.0.clear();
    }
}

impl Drop for Wiped {
    fn drop(&mut self) {
        self.wipe();
    }
}

/// The text of the element being read, and the span of its non-whitespace part.
struct Text {
    bytes: Wiped,
    span: Option<(usize, usize)>,
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

impl Text {
    fn new() -> Text {
        Text {
            bytes: Wiped(Vec::with_capacity(128)),
            span: None,
        }
    }

    fn clear(&mut self) {
        self.bytes.wipe();
        self.span = None;
    }

    fn cover(&mut self, start: usize, end: usize) {
        self.span = Some(match self.span {
            Some((first, _)) => (first, end),
            None => (start, end),
        });
    }

    /// Text found at `start` in the XML.
    fn push(&mut self, text: &str, start: usize) {
        self.bytes.0.extend_from_slice(text.as_bytes());
        let trimmed = text.trim_start_matches(is_xml_space);
        let lead = text.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches(is_xml_space);
        if !trimmed.is_empty() {
            self.cover(start + lead, start + lead + trimmed.len());
        }
    }

    /// A character written as a reference at `start..end`.
    fn push_char(&mut self, c: char, start: usize, end: usize) {
        let mut utf8 = [0; 4];
        self.bytes
            .0
            .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        if !is_xml_space(c) {
            self.cover(start, end);
        }
    }

    /// The text without surrounding whitespace, and where it is; `None` when empty.
    fn value(&self) -> Option<(&str, usize, usize)> {
        let (start, end) = self.span?;
        let text = std::str::from_utf8(&self.bytes.0)
            .ok()?
            .trim_matches(is_xml_space);
        (!text.is_empty()).then_some((text, start, end))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Customer,
    Aws,
}

/// The leaf elements read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    OutsideIp(Side),
    InsideIp(Side),
    InsideMask(Side),
    InsideCidr(Side),
    Asn(Side),
    HoldTime(Side),
    IkeAuthentication,
    IkeEncryption,
    IkeLifetime,
    IkePfs,
    IkeMode,
    IkeVersion,
    IkePreSharedKey,
    IpsecProtocol,
    IpsecAuthentication,
    IpsecEncryption,
    IpsecLifetime,
    IpsecPfs,
    IpsecMode,
    ClearDfBit,
    FragmentationBeforeEncryption,
    TcpMss,
    DpdDelay,
    DpdRetry,
}

impl Field {
    /// The element's name, for error messages.
    fn element(self) -> &'static str {
        match self {
            Field::OutsideIp(_) | Field::InsideIp(_) => "ip_address",
            Field::InsideMask(_) => "network_mask",
            Field::InsideCidr(_) => "network_cidr",
            Field::Asn(_) => "asn",
            Field::HoldTime(_) => "hold_time",
            Field::IkeAuthentication | Field::IpsecAuthentication => "authentication_protocol",
            Field::IkeEncryption | Field::IpsecEncryption => "encryption_protocol",
            Field::IkeLifetime | Field::IpsecLifetime => "lifetime",
            Field::IkePfs | Field::IpsecPfs => "perfect_forward_secrecy",
            Field::IkeMode | Field::IpsecMode => "mode",
            Field::IkeVersion => "ike_version",
            Field::IkePreSharedKey => "pre_shared_key",
            Field::IpsecProtocol => "protocol",
            Field::ClearDfBit => "clear_df_bit",
            Field::FragmentationBeforeEncryption => "fragmentation_before_encryption",
            Field::TcpMss => "tcp_mss_adjustment",
            Field::DpdDelay => "interval",
            Field::DpdRetry => "retries",
        }
    }
}

/// What an open element is, from its name and its parent's kind.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Node {
    /// An element this reader does not use.
    Other,
    Connection,
    Tunnel,
    Gateway(Side),
    Outside(Side),
    Inside(Side),
    Bgp(Side),
    Ike,
    Ipsec,
    DeadPeerDetection,
    Leaf(Field),
}

fn child(parent: Node, name: &[u8]) -> Node {
    use Field::*;
    match (parent, name) {
        (Node::Connection, b"ipsec_tunnel") => Node::Tunnel,
        (Node::Tunnel, b"customer_gateway") => Node::Gateway(Side::Customer),
        (Node::Tunnel, b"vpn_gateway") => Node::Gateway(Side::Aws),
        (Node::Tunnel, b"ike") => Node::Ike,
        (Node::Tunnel, b"ipsec") => Node::Ipsec,
        (Node::Gateway(side), b"tunnel_outside_address") => Node::Outside(side),
        (Node::Gateway(side), b"tunnel_inside_address") => Node::Inside(side),
        (Node::Gateway(side), b"bgp") => Node::Bgp(side),
        (Node::Outside(side), b"ip_address") => Node::Leaf(OutsideIp(side)),
        (Node::Inside(side), b"ip_address") => Node::Leaf(InsideIp(side)),
        (Node::Inside(side), b"network_mask") => Node::Leaf(InsideMask(side)),
        (Node::Inside(side), b"network_cidr") => Node::Leaf(InsideCidr(side)),
        (Node::Bgp(side), b"asn") => Node::Leaf(Asn(side)),
        (Node::Bgp(side), b"hold_time") => Node::Leaf(HoldTime(side)),
        (Node::Ike, b"authentication_protocol") => Node::Leaf(IkeAuthentication),
        (Node::Ike, b"encryption_protocol") => Node::Leaf(IkeEncryption),
        (Node::Ike, b"lifetime") => Node::Leaf(IkeLifetime),
        (Node::Ike, b"perfect_forward_secrecy") => Node::Leaf(IkePfs),
        (Node::Ike, b"mode") => Node::Leaf(IkeMode),
        (Node::Ike, b"ike_version" | b"version") => Node::Leaf(IkeVersion),
        (Node::Ike, b"pre_shared_key") => Node::Leaf(IkePreSharedKey),
        (Node::Ipsec, b"protocol") => Node::Leaf(IpsecProtocol),
        (Node::Ipsec, b"authentication_protocol") => Node::Leaf(IpsecAuthentication),
        (Node::Ipsec, b"encryption_protocol") => Node::Leaf(IpsecEncryption),
        (Node::Ipsec, b"lifetime") => Node::Leaf(IpsecLifetime),
        (Node::Ipsec, b"perfect_forward_secrecy") => Node::Leaf(IpsecPfs),
        (Node::Ipsec, b"mode") => Node::Leaf(IpsecMode),
        (Node::Ipsec, b"clear_df_bit") => Node::Leaf(ClearDfBit),
        (Node::Ipsec, b"fragmentation_before_encryption") => {
            Node::Leaf(FragmentationBeforeEncryption)
        }
        (Node::Ipsec, b"tcp_mss_adjustment") => Node::Leaf(TcpMss),
        (Node::Ipsec, b"dead_peer_detection") => Node::DeadPeerDetection,
        (Node::DeadPeerDetection, b"interval" | b"delay") => Node::Leaf(DpdDelay),
        (Node::DeadPeerDetection, b"retries" | b"retry") => Node::Leaf(DpdRetry),
        _ => Node::Other,
    }
}

/// A connection being read.
struct OpenConnection {
    id: Option<Located<String>>,
    start: usize,
    tunnels: Vec<AwsTunnel>,
}

/// The parts of an inside address, put together when the tunnel ends.
#[derive(Default)]
struct InsideParts {
    ip: Option<Located<Ipv4Addr>>,
    /// From `network_cidr`.
    cidr: Option<u8>,
    /// From `network_mask`, with the offset of its text.
    mask: Option<(u8, u32)>,
}

/// A tunnel being read.
struct OpenTunnel {
    tunnel: AwsTunnel,
    start: usize,
    inside: [InsideParts; 2],
    hold_time: [Option<Located<u32>>; 2],
}

fn side_index(side: Side) -> usize {
    match side {
        Side::Customer => 0,
        Side::Aws => 1,
    }
}

struct XmlState {
    place: Place,
    stack: Vec<Node>,
    text: Text,
    connection: Option<OpenConnection>,
    tunnel: Option<OpenTunnel>,
    done: Vec<AwsVpnConnection>,
}

fn xml_message(error: &XmlError) -> &'static str {
    match error {
        XmlError::Syntax(syntax) => match syntax {
            SyntaxError::InvalidBangMarkup => "unknown markup after `<!`",
            SyntaxError::UnclosedPIOrXmlDecl => {
                "a processing instruction or XML declaration is not closed by `?>`"
            }
            SyntaxError::UnclosedComment => "a comment is not closed by `-->`",
            SyntaxError::UnclosedDoctype => "a DOCTYPE is not closed by `>`",
            SyntaxError::UnclosedCData => "a CDATA section is not closed by `]]>`",
            SyntaxError::UnclosedTag => "a tag is not closed by `>`",
        },
        XmlError::IllFormed(ill) => match ill {
            IllFormedError::MissingDeclVersion(_) => {
                "the XML declaration does not start with `version`"
            }
            IllFormedError::MissingDoctypeName => "a DOCTYPE has no name",
            IllFormedError::MissingEndTag(_) => "an element is not closed",
            IllFormedError::UnmatchedEndTag(_) => "an end tag closes no element",
            IllFormedError::MismatchedEndTag { .. } => {
                "an end tag does not match the element it closes"
            }
            IllFormedError::DoubleHyphenInComment => "`--` inside a comment",
            IllFormedError::UnclosedReference => "`&` without a `;` that ends the reference",
        },
        XmlError::InvalidAttr(_) => "a malformed attribute",
        XmlError::Encoding(_) => "text that is not valid UTF-8",
        XmlError::Escape(_) => "a malformed character or entity reference",
        XmlError::Namespace(_) => "a malformed namespace",
        XmlError::Io(_) => "the input could not be read",
    }
}

fn read_xml(xml: &[u8], place: Place) -> Result<Vec<AwsVpnConnection>, AwsReadError> {
    let mut reader = Reader::from_reader(xml);
    let mut state = XmlState {
        place,
        stack: Vec::new(),
        text: Text::new(),
        connection: None,
        tunnel: None,
        done: Vec::new(),
    };
    let malformed = |offset: usize, message: &'static str| AwsReadError::Xml {
        offset: place.offset(offset),
        message,
    };
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|error| {
            let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            malformed(at, xml_message(&error))
        })?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(start) => state.start(xml, &start, before)?,
            Event::Empty(start) => {
                state.start(xml, &start, before)?;
                state.end(after)?;
            }
            Event::End(_) => state.end(after)?,
            Event::Text(text) if state.collecting() => {
                let raw: &[u8] = &text;
                let at = offset_in(xml, raw).unwrap_or(before);
                let text = std::str::from_utf8(raw)
                    .map_err(|_| malformed(before, "text that is not valid UTF-8"))?;
                state.text.push(text, at);
            }
            Event::CData(cdata) if state.collecting() => {
                let raw: &[u8] = &cdata;
                let at = offset_in(xml, raw).unwrap_or(before);
                let text = std::str::from_utf8(raw)
                    .map_err(|_| malformed(before, "text that is not valid UTF-8"))?;
                state.text.push(text, at);
            }
            Event::GeneralRef(reference) if state.collecting() => {
                let c = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => {
                        let name = std::str::from_utf8(&reference).unwrap_or("");
                        match quick_xml::escape::resolve_predefined_entity(name) {
                            Some(text) => text.chars().next().unwrap_or('\0'),
                            None => {
                                return Err(malformed(
                                    before,
                                    "an entity reference other than &lt; &gt; &amp; &apos; \
                                     &quot;",
                                ));
                            }
                        }
                    }
                    Err(_) => {
                        return Err(malformed(before, "a malformed character reference"));
                    }
                };
                state.text.push_char(c, before, after);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !state.stack.is_empty() {
        return Err(malformed(
            xml.len(),
            "the input ends inside an element that is not closed",
        ));
    }
    if state.done.is_empty() {
        return Err(AwsReadError::NoConnection);
    }
    Ok(state.done)
}

impl XmlState {
    /// Whether the innermost open element's text is read.
    fn collecting(&self) -> bool {
        matches!(self.stack.last(), Some(Node::Leaf(_) | Node::Outside(_)))
    }

    fn start(&mut self, xml: &[u8], start: &BytesStart, at: usize) -> Result<(), AwsReadError> {
        self.text.clear();
        if self.stack.len() >= MAX_DEPTH {
            return Err(AwsReadError::TooDeep {
                offset: self.place.offset(at),
                limit: MAX_DEPTH,
            });
        }
        let name = start.local_name();
        let name = name.as_ref();
        let node = match self.stack.last() {
            _ if self.connection.is_none() && name == b"vpn_connection" => Node::Connection,
            Some(&parent) => child(parent, name),
            None => Node::Other,
        };
        match node {
            Node::Connection => {
                let id = self.connection_id(xml, start, at)?;
                self.connection = Some(OpenConnection {
                    id,
                    start: at,
                    tunnels: Vec::new(),
                });
            }
            Node::Tunnel => {
                let index = self.connection.as_ref().map_or(0, |c| c.tunnels.len()) + 1;
                self.tunnel = Some(OpenTunnel {
                    tunnel: AwsTunnel {
                        index,
                        ..AwsTunnel::default()
                    },
                    start: at,
                    inside: Default::default(),
                    hold_time: Default::default(),
                });
            }
            _ => {}
        }
        self.stack.push(node);
        Ok(())
    }

    fn connection_id(
        &self,
        xml: &[u8],
        start: &BytesStart,
        at: usize,
    ) -> Result<Option<Located<String>>, AwsReadError> {
        let malformed = || AwsReadError::Xml {
            offset: self.place.offset(at),
            message: "a malformed attribute",
        };
        let Some(attribute) = start.try_get_attribute("id").map_err(|_| malformed())? else {
            return Ok(None);
        };
        let raw_at = offset_in(xml, &attribute.value);
        let value = attribute.unescape_value().map_err(|_| malformed())?;
        let value = value.trim_matches(is_xml_space);
        if value.is_empty() {
            return Ok(None);
        }
        let (start, end) = match raw_at {
            Some(raw) => (raw, raw + attribute.value.len()),
            None => (at, at),
        };
        Ok(Some(Located {
            value: value.to_owned(),
            span: self.place.span(start, end),
        }))
    }

    fn end(&mut self, after: usize) -> Result<(), AwsReadError> {
        let Some(node) = self.stack.pop() else {
            return Ok(());
        };
        let result = match node {
            Node::Leaf(field) => self.finish_field(field),
            Node::Outside(side) => self.finish_field(Field::OutsideIp(side)),
            Node::Tunnel => self.finish_tunnel(after),
            Node::Connection => {
                if let Some(open) = self.connection.take() {
                    self.done.push(AwsVpnConnection {
                        id: open.id,
                        tunnels: open.tunnels,
                        span: self.place.span(open.start, after),
                    });
                }
                Ok(())
            }
            _ => Ok(()),
        };
        self.text.clear();
        result
    }

    fn finish_tunnel(&mut self, after: usize) -> Result<(), AwsReadError> {
        let Some(open) = self.tunnel.take() else {
            return Ok(());
        };
        let mut tunnel = open.tunnel;
        tunnel.span = self.place.span(open.start, after);
        let [customer_inside, aws_inside] = open.inside;
        tunnel.customer_inside = self.inside_net(customer_inside)?;
        tunnel.aws_inside = self.inside_net(aws_inside)?;
        let [customer_hold, aws_hold] = open.hold_time;
        tunnel.hold_time = aws_hold.or(customer_hold);
        if let Some(connection) = self.connection.as_mut() {
            connection.tunnels.push(tunnel);
        }
        Ok(())
    }

    fn inside_net(&self, parts: InsideParts) -> Result<Option<Located<Ipv4Net>>, AwsReadError> {
        let Some(ip) = parts.ip else {
            return Ok(None);
        };
        let prefix = match (parts.cidr, parts.mask) {
            (Some(cidr), Some((mask, offset))) if cidr != mask => {
                return Err(AwsReadError::BadValue {
                    element: "network_mask",
                    offset,
                    expected: "the mask of the prefix length in <network_cidr>",
                });
            }
            (Some(cidr), _) => cidr,
            (None, Some((mask, _))) => mask,
            // AWS's inside tunnel networks are always /30.
            (None, None) => 30,
        };
        let net = Ipv4Net::new(ip.value, prefix).map_err(|_| AwsReadError::BadValue {
            element: "network_cidr",
            offset: ip.span.start,
            expected: "a prefix length from 0 to 32",
        })?;
        Ok(Some(Located {
            value: net,
            span: ip.span,
        }))
    }

    fn finish_field(&mut self, field: Field) -> Result<(), AwsReadError> {
        let place = self.place;
        let Some(open) = self.tunnel.as_mut() else {
            return Ok(());
        };
        let Some((text, start, end)) = self.text.value() else {
            return Ok(());
        };
        let span = place.span(start, end);
        let bad = |expected: &'static str| AwsReadError::BadValue {
            element: field.element(),
            offset: place.offset(start),
            expected,
        };
        let tunnel = &mut open.tunnel;
        match field {
            Field::OutsideIp(side) => {
                let ip: IpAddr = text.parse().map_err(|_| bad("an IP address"))?;
                match side {
                    Side::Customer => tunnel.customer_outside = Some(Located { value: ip, span }),
                    Side::Aws => tunnel.aws_outside = Some(Located { value: ip, span }),
                }
            }
            Field::InsideIp(side) => {
                let ip: Ipv4Addr = text.parse().map_err(|_| bad("an IPv4 address"))?;
                open.inside[side_index(side)].ip = Some(Located { value: ip, span });
            }
            Field::InsideMask(side) => {
                let mask: Ipv4Addr = text.parse().map_err(|_| bad("an IPv4 network mask"))?;
                let prefix = ipnet::ipv4_mask_to_prefix(mask)
                    .map_err(|_| bad("a contiguous IPv4 network mask"))?;
                open.inside[side_index(side)].mask = Some((prefix, place.offset(start)));
            }
            Field::InsideCidr(side) => {
                let prefix = text
                    .strip_prefix('/')
                    .unwrap_or(text)
                    .parse::<u8>()
                    .ok()
                    .filter(|prefix| *prefix <= 32)
                    .ok_or_else(|| bad("a prefix length from 0 to 32"))?;
                open.inside[side_index(side)].cidr = Some(prefix);
            }
            Field::Asn(side) => {
                let asn = parse_number(text).ok_or_else(|| bad("an AS number"))?;
                match side {
                    Side::Customer => tunnel.customer_asn = Some(Located { value: asn, span }),
                    Side::Aws => tunnel.aws_asn = Some(Located { value: asn, span }),
                }
            }
            Field::HoldTime(side) => {
                let seconds = parse_number(text).ok_or_else(|| bad("a number of seconds"))?;
                open.hold_time[side_index(side)] = Some(Located {
                    value: seconds,
                    span,
                });
            }
            Field::IkePreSharedKey => {
                // The key's only form that leaves this function.
                tunnel.ike.pre_shared_key = Some(Located {
                    value: SecretDigest::of(text.as_bytes()),
                    span,
                });
            }
            Field::IkeAuthentication => tunnel.ike.authentication = Some(located_name(text, span)),
            Field::IkeEncryption => tunnel.ike.encryption = Some(located_name(text, span)),
            Field::IkeMode => tunnel.ike.mode = Some(located_name(text, span)),
            Field::IkeLifetime => {
                let seconds = parse_number(text).ok_or_else(|| bad("a number of seconds"))?;
                tunnel.ike.lifetime = Some(Located {
                    value: seconds,
                    span,
                });
            }
            Field::IkePfs => {
                let group = parse_group(text).ok_or_else(|| bad("a DH group such as group2"))?;
                tunnel.ike.pfs_group = Some(Located { value: group, span });
            }
            Field::IkeVersion => {
                let version =
                    parse_ike_version(text).ok_or_else(|| bad("an IKE version: ikev1 or ikev2"))?;
                tunnel.ike.version = Some(Located {
                    value: version,
                    span,
                });
            }
            Field::IpsecProtocol => tunnel.ipsec.protocol = Some(located_name(text, span)),
            Field::IpsecAuthentication => {
                tunnel.ipsec.authentication = Some(located_name(text, span));
            }
            Field::IpsecEncryption => tunnel.ipsec.encryption = Some(located_name(text, span)),
            Field::IpsecMode => tunnel.ipsec.mode = Some(located_name(text, span)),
            Field::IpsecLifetime => {
                let seconds = parse_number(text).ok_or_else(|| bad("a number of seconds"))?;
                tunnel.ipsec.lifetime = Some(Located {
                    value: seconds,
                    span,
                });
            }
            Field::IpsecPfs => {
                let group = parse_group(text).ok_or_else(|| bad("a DH group such as group2"))?;
                tunnel.ipsec.pfs_group = Some(Located { value: group, span });
            }
            Field::ClearDfBit => {
                let clear = parse_bool(text).ok_or_else(|| bad("true or false"))?;
                tunnel.ipsec.clear_df_bit = Some(Located { value: clear, span });
            }
            Field::FragmentationBeforeEncryption => {
                let fragment = parse_bool(text).ok_or_else(|| bad("true or false"))?;
                tunnel.ipsec.fragmentation_before_encryption = Some(Located {
                    value: fragment,
                    span,
                });
            }
            Field::TcpMss => {
                let mss = parse_number(text).ok_or_else(|| bad("a number of bytes"))?;
                tunnel.ipsec.tcp_mss = Some(Located { value: mss, span });
            }
            Field::DpdDelay => {
                let seconds = parse_number(text).ok_or_else(|| bad("a number of seconds"))?;
                tunnel.ipsec.dpd_delay = Some(Located {
                    value: seconds,
                    span,
                });
            }
            Field::DpdRetry => {
                let retries = parse_number(text).ok_or_else(|| bad("a number of retries"))?;
                tunnel.ipsec.dpd_retry = Some(Located {
                    value: retries,
                    span,
                });
            }
        }
        Ok(())
    }
}

fn located_name(text: &str, span: Span) -> Located<String> {
    Located {
        value: text.to_ascii_lowercase(),
        span,
    }
}

/// A decimal number, digits only.
fn parse_number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `group2` (or `2`) is 2.
fn parse_group(text: &str) -> Option<u32> {
    let number = match text.get(..5) {
        Some(prefix) if prefix.eq_ignore_ascii_case("group") => &text[5..],
        _ => text,
    };
    parse_number(number.trim_start_matches(is_xml_space))
}

/// `ikev1`, `IKEv2`, `v2` or `2`: 1 or 2.
fn parse_ike_version(text: &str) -> Option<u32> {
    let lower = text.to_ascii_lowercase();
    let number = lower
        .strip_prefix("ikev")
        .or_else(|| lower.strip_prefix('v'))
        .unwrap_or(&lower);
    parse_number(number).filter(|version| matches!(version, 1 | 2))
}

fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") || text == "1" {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") || text == "0" {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_parsed_as_aws_writes_them() {
        assert_eq!(parse_group("group2"), Some(2));
        assert_eq!(parse_group("Group14"), Some(14));
        assert_eq!(parse_group("24"), Some(24));
        assert_eq!(parse_group("modp1024"), None);
        assert_eq!(parse_ike_version("ikev2"), Some(2));
        assert_eq!(parse_ike_version("IKEv1"), Some(1));
        assert_eq!(parse_ike_version("3"), None);
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("yes"), None);
        assert_eq!(parse_number("+5"), None);
        assert_eq!(parse_number("4294967295"), Some(u32::MAX));
        assert_eq!(parse_number("4294967296"), None);
    }

    #[test]
    fn offset_in_finds_subslices_only() {
        let outer = b"abcdef";
        assert_eq!(offset_in(outer, &outer[2..4]), Some(2));
        assert_eq!(offset_in(outer, b"cd"), None);
    }

    #[test]
    fn text_keeps_the_span_of_its_non_whitespace_part() {
        let mut text = Text::new();
        text.push("  12", 10);
        text.push("34 \n", 20);
        assert_eq!(text.value(), Some(("  1234".trim(), 12, 22)));
        text.clear();
        assert_eq!(text.value(), None);
    }
}
