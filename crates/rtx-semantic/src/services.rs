//! The router's own management services (TELNET, SSH, SFTP, HTTP, TFTP, SNMP): whether each
//! runs, on which port, and which hosts it admits, defaults included.
//!
//! The defaults are the router's: TELNET and the web GUI run unless turned off, SSH does not;
//! `telnetd host` and `sshd host` admit any host, `httpd host` the LAN side, and `tftp host`,
//! `sftpd host` and the SNMP hosts nobody. A later line replaces an earlier one; a `no` line
//! restores the default. Read on demand from the few lines that set them.

use rtx_syntax::{Document, TypedCommand, Value};

use crate::Model;
use crate::filter::protocol;
use crate::objects::Site;

/// A management service of the router.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ServiceKind {
    Telnet,
    Ssh,
    Sftp,
    Http,
    Tftp,
    Snmp,
}

impl ServiceKind {
    pub const ALL: [ServiceKind; 6] = [
        ServiceKind::Telnet,
        ServiceKind::Ssh,
        ServiceKind::Sftp,
        ServiceKind::Http,
        ServiceKind::Tftp,
        ServiceKind::Snmp,
    ];

    /// How engineers call it: `TELNET`, `SSH`, ...
    pub fn name(self) -> &'static str {
        match self {
            ServiceKind::Telnet => "TELNET",
            ServiceKind::Ssh => "SSH",
            ServiceKind::Sftp => "SFTP",
            ServiceKind::Http => "the web GUI (HTTP)",
            ServiceKind::Tftp => "TFTP",
            ServiceKind::Snmp => "SNMP",
        }
    }

    /// The command that says which hosts it admits.
    pub fn host_command(self) -> &'static str {
        match self {
            ServiceKind::Telnet => "telnetd host",
            ServiceKind::Ssh => "sshd host",
            ServiceKind::Sftp => "sftpd host",
            ServiceKind::Http => "httpd host",
            ServiceKind::Tftp => "tftp host",
            ServiceKind::Snmp => "snmp host",
        }
    }

    /// The command that turns it on or off, where there is one (SFTP runs with SSH).
    pub fn service_command(self) -> Option<&'static str> {
        match self {
            ServiceKind::Telnet => Some("telnetd service"),
            ServiceKind::Ssh | ServiceKind::Sftp => Some("sshd service"),
            ServiceKind::Http => Some("httpd service"),
            ServiceKind::Tftp | ServiceKind::Snmp => None,
        }
    }

    /// TCP or UDP.
    pub fn protocol(self) -> u8 {
        match self {
            ServiceKind::Tftp | ServiceKind::Snmp => protocol::UDP,
            _ => protocol::TCP,
        }
    }

    fn default_port(self) -> u16 {
        match self {
            ServiceKind::Telnet => 23,
            ServiceKind::Ssh | ServiceKind::Sftp => 22,
            ServiceKind::Http => 80,
            ServiceKind::Tftp => 69,
            ServiceKind::Snmp => 161,
        }
    }

    fn default_hosts(self) -> Hosts {
        match self {
            ServiceKind::Telnet | ServiceKind::Ssh => Hosts::Any,
            ServiceKind::Http => Hosts::Lan,
            ServiceKind::Sftp | ServiceKind::Tftp | ServiceKind::Snmp => Hosts::Nobody,
        }
    }

    fn runs_by_default(self) -> bool {
        matches!(self, ServiceKind::Telnet | ServiceKind::Http)
    }

    fn listen_command(self) -> Option<&'static str> {
        match self {
            ServiceKind::Telnet => Some("telnetd listen"),
            ServiceKind::Ssh | ServiceKind::Sftp => Some("sshd listen"),
            ServiceKind::Http => Some("httpd listen"),
            ServiceKind::Tftp | ServiceKind::Snmp => None,
        }
    }
}

/// Which hosts a service admits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hosts {
    /// `any`: every address, the Internet's included.
    Any,
    /// `lan`: hosts on the router's LAN-side interfaces.
    Lan,
    /// `none`, or no host set where that is the default.
    Nobody,
    /// The addresses, ranges or interfaces listed.
    Listed,
}

/// One management service as the config sets it up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManagementService {
    pub kind: ServiceKind,
    /// Whether it runs, and the line that says so (`None`: the default).
    pub running: bool,
    pub running_site: Option<Site>,
    /// Whom it admits, and the line that says so (`None`: the default). For SNMP, an `any`
    /// on any of `snmp host`, `snmpv2c host` and `snmpv3 host` (the line given).
    pub hosts: Hosts,
    pub hosts_site: Option<Site>,
    pub port: u16,
}

impl ManagementService {
    /// Whether it runs and admits every address.
    pub fn open_to_any(&self) -> bool {
        self.running && self.hosts == Hosts::Any
    }
}

impl Model {
    /// The management services, in [`ServiceKind::ALL`]'s order.
    pub fn management_services(&self, doc: &Document) -> Vec<ManagementService> {
        let mut services: Vec<ManagementService> = ServiceKind::ALL
            .iter()
            .map(|&kind| ManagementService {
                kind,
                running: kind.runs_by_default(),
                running_site: None,
                hosts: kind.default_hosts(),
                hosts_site: None,
                port: kind.default_port(),
            })
            .collect();
        // SNMP's three host commands, each its own setting.
        let mut snmp_hosts: [(Hosts, Option<Site>); 3] = [(Hosts::Nobody, None); 3];
        const SNMP_HOSTS: [&str; 3] = ["snmp host", "snmpv2c host", "snmpv3 host"];
        const NAMES: &[&str] = &[
            "telnetd service",
            "telnetd host",
            "telnetd listen",
            "sshd service",
            "sshd host",
            "sshd listen",
            "sftpd host",
            "httpd service",
            "httpd host",
            "httpd listen",
            "tftp host",
            "snmp host",
            "snmpv2c host",
            "snmpv3 host",
        ];
        for command in self.commands_named(NAMES) {
            let Some(typed) = command.typed(doc) else {
                continue;
            };
            let name = typed.entry.name.as_str();
            let site = doc
                .line(command.line())
                .and_then(|l| l.command())
                .map(|c| Site::new(command.line(), c.span()));
            let negated = typed.negated;
            if let Some(at) = SNMP_HOSTS.iter().position(|&n| n == name) {
                snmp_hosts[at] = if negated {
                    (Hosts::Nobody, None)
                } else {
                    (hosts_of(&typed), site)
                };
                continue;
            }
            for service in services.iter_mut() {
                let kind = service.kind;
                if kind.service_command() == Some(name) {
                    service.running = if negated {
                        kind.runs_by_default()
                    } else {
                        switch_of(&typed).unwrap_or(service.running)
                    };
                    service.running_site = site.filter(|_| !negated);
                } else if kind.host_command() == name {
                    service.hosts = if negated {
                        kind.default_hosts()
                    } else {
                        hosts_of(&typed)
                    };
                    service.hosts_site = site.filter(|_| !negated);
                } else if kind.listen_command() == Some(name) {
                    service.port = typed
                        .args
                        .iter()
                        .find_map(|a| a.value.as_u32())
                        .and_then(|p| u16::try_from(p).ok())
                        .filter(|_| !negated)
                        .unwrap_or(kind.default_port());
                }
            }
        }
        for service in services.iter_mut() {
            match service.kind {
                // SFTP runs on the SSH server.
                ServiceKind::Sftp => {}
                ServiceKind::Tftp => service.running = service.hosts != Hosts::Nobody,
                ServiceKind::Snmp => {
                    let (hosts, site) = snmp_hosts
                        .iter()
                        .find(|h| h.0 == Hosts::Any)
                        .or_else(|| snmp_hosts.iter().find(|h| h.0 != Hosts::Nobody))
                        .copied()
                        .unwrap_or((Hosts::Nobody, None));
                    service.hosts = hosts;
                    service.hosts_site = site;
                    service.running = hosts != Hosts::Nobody;
                }
                _ => {}
            }
        }
        let ssh = services[1].clone();
        let sftp = &mut services[2];
        sftp.running = ssh.running;
        sftp.running_site = ssh.running_site;
        sftp.port = ssh.port;
        services
    }
}

/// `on` / `off` on a service line.
fn switch_of(typed: &TypedCommand) -> Option<bool> {
    typed.args.iter().find_map(|a| match a.value.as_keyword()? {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    })
}

/// What a host line admits: `any`, `none` and `lan` as keywords or argument words, else
/// the addresses or interfaces it lists.
fn hosts_of(typed: &TypedCommand) -> Hosts {
    let named = |word: &str| {
        typed.keywords.iter().any(|k| k.0 == word)
            || typed.args.iter().any(|a| match &a.value {
                Value::Keyword(k) => *k == word,
                // A form that takes addresses may take the word as one of them.
                Value::Text(text) => text.eq_ignore_ascii_case(word.as_bytes()),
                _ => false,
            })
    };
    if named("any") {
        Hosts::Any
    } else if named("none") {
        Hosts::Nobody
    } else if named("lan") {
        Hosts::Lan
    } else {
        Hosts::Listed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services(config: &str) -> Vec<ManagementService> {
        let doc = rtx_syntax::parse(config.as_bytes());
        Model::build(&doc).management_services(&doc)
    }

    #[test]
    fn defaults_of_a_config_that_sets_nothing() {
        let found = services("ip lan1 address 192.0.2.1/24\n");
        let summary: Vec<(ServiceKind, bool, Hosts, u16)> = found
            .iter()
            .map(|s| (s.kind, s.running, s.hosts, s.port))
            .collect();
        assert_eq!(
            summary,
            [
                (ServiceKind::Telnet, true, Hosts::Any, 23),
                (ServiceKind::Ssh, false, Hosts::Any, 22),
                (ServiceKind::Sftp, false, Hosts::Nobody, 22),
                (ServiceKind::Http, true, Hosts::Lan, 80),
                (ServiceKind::Tftp, false, Hosts::Nobody, 69),
                (ServiceKind::Snmp, false, Hosts::Nobody, 161),
            ]
        );
        assert!(found.iter().all(|s| s.hosts_site.is_none()));
    }

    #[test]
    fn lines_set_and_no_lines_restore() {
        let found = services(
            "telnetd host lan\n\
             telnetd service off\n\
             sshd service on\n\
             sshd listen 10022\n\
             sftpd host any\n\
             httpd host any\n\
             no httpd host\n\
             tftp host 192.0.2.10\n\
             snmpv2c host 192.0.2.20 made-up\n\
             snmp host any\n",
        );
        let by = |k: ServiceKind| found.iter().find(|s| s.kind == k).unwrap();
        assert!(!by(ServiceKind::Telnet).running);
        assert_eq!(by(ServiceKind::Telnet).hosts, Hosts::Lan);
        assert!(by(ServiceKind::Ssh).open_to_any());
        assert_eq!(by(ServiceKind::Ssh).port, 10022);
        assert!(by(ServiceKind::Sftp).open_to_any());
        assert_eq!(by(ServiceKind::Sftp).port, 10022);
        assert_eq!(by(ServiceKind::Http).hosts, Hosts::Lan);
        assert_eq!(by(ServiceKind::Tftp).hosts, Hosts::Listed);
        assert!(by(ServiceKind::Tftp).running);
        let snmp = by(ServiceKind::Snmp);
        assert!(snmp.open_to_any());
        assert_eq!(snmp.hosts_site.unwrap().line(), 9);
    }
}
