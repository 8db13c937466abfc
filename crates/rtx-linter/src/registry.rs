//! The one list of rules. Codes are never reused: a retired rule keeps its code reserved here.

use crate::rule::Rule;
use crate::rules;

/// Every rule, in code order.
pub static RULES: &[&dyn Rule] = &[
    &rules::syntax_error::SyntaxError,
    &rules::unknown_command::UnknownCommand,
    &rules::invalid_argument::InvalidArgument,
    &rules::wrong_context::WrongContext,
    &rules::unsupported_on_model::UnsupportedOnModel,
    &rules::wrapped_line::WrappedLine,
    &rules::operational_command::OperationalCommand,
    &rules::line_too_long::LineTooLong,
    &rules::unescaped_special_character::UnescapedSpecialCharacter,
    &rules::unused_suppression::UnusedSuppression,
    &rules::tunnel_number_clash::TunnelNumberClash,
    &rules::heartbeat_keepalive::HeartbeatKeepalive,
    &rules::missing_tunnel_enable::MissingTunnelEnable,
    &rules::sa_policy_mismatch::SaPolicyMismatch,
    &rules::undefined_reference::UndefinedReference,
    &rules::duplicate_definition::DuplicateDefinition,
    &rules::inactive_gateway::InactiveGateway,
    &rules::nat_descriptor_misconfigured::NatDescriptorMisconfigured,
    &rules::l2tp_service_missing::L2tpServiceMissing,
    &rules::ipsec_no_initiator::IpsecNoInitiator,
    &rules::unused_definition::UnusedDefinition,
    &rules::remote_access_incomplete::RemoteAccessIncomplete,
    &rules::ikev2_inconsistent::Ikev2Inconsistent,
    &rules::shadowed_filter::ShadowedFilter,
    &rules::wan_without_secure_filter::WanWithoutSecureFilter,
    &rules::management_exposed::ManagementExposed,
    &rules::vpn_blocked_at_wan::VpnBlockedAtWan,
    &rules::weak_crypto::WeakCrypto,
    &rules::plaintext_credential::PlaintextCredential,
    &rules::spoofing_unprotected::SpoofingUnprotected,
    &rules::vpn_peer_mismatch::VpnPeerMismatch,
];

/// Looks a rule up by its name (`heartbeat-keepalive`) or code (`RTX102`).
pub fn rule_by_name(name: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().name == name || r.meta().code.eq_ignore_ascii_case(name))
}
