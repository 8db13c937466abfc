//! Cloud providers' VPN configurations, read into plain data for checking a router against
//! them.
//!
//! A provider hands out, for each VPN connection, the settings the customer's router must
//! match: the peers' addresses, the inside-tunnel addresses, BGP numbers and the IKE and
//! IPsec proposals. The readers here turn that file into owned, `Send + Sync` values with a
//! byte span for every value, so a check can compare them with a router's configuration and
//! point at both sides. Secrets (pre-shared keys) are never kept as text: they are read into
//! a [`SecretDigest`](crate::SecretDigest) the moment they are met.
//!
//! * [`aws`]: the "generic" `CustomerGatewayConfiguration` XML of an AWS Site-to-Site VPN
//!   connection, alone or inside the JSON of `aws ec2 describe-vpn-connections`.

pub mod aws;
