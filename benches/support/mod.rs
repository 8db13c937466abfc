//! Inputs for the benchmarks: a generated config of realistic lines, and the corpus files.

use std::fmt::Write;
use std::path::Path;

/// A config of about `lines` lines in the shapes real configs have: a `show config` header,
/// IPsec tunnel blocks with their gateway settings, filters, NAT, routes, DHCP. It is a valid
/// config for the model its header names, a vRX (each tunnel, gateway and policy number used
/// once, up to the vRX's 6,000 tunnels), so linting it measures the checks, not the cost of
/// rendering thousands of findings. It must stay clean under every rule (`tests/bench_inputs.rs`):
/// if a new rule fires on it, the generator or the rule is wrong.
pub fn generated_config(lines: usize) -> Vec<u8> {
    let mut out = String::with_capacity(lines * 40);
    out.push_str(
        "# vRX Rev.19.00.99 (Mon Apr  1 00:00:00 2024)\n# MAC Address : 00:a0:de:00:00:01\n",
    );
    // A hub that starts its tunnels, as its fixed remote addresses say it should, behind a
    // PPPoE line whose masquerade (descriptor 1000) the static entries below belong to. The
    // line's inbound list drops the LAN's own addresses as sources and lets IKE and ESP
    // through to the router, which the first two static entries send them to.
    out.push_str(
        "console character ja.utf8\nip lan1 address 192.168.0.1/24\nipsec auto refresh on\n\
         pp select 1\n pppoe use lan2\n ip pp secure filter in 1 2 3\n\
         ip pp nat descriptor 1000\n pp enable 1\n\
         ip filter 1 reject 192.168.0.0/24 * * * *\nip filter 2 pass * 192.168.0.1 udp * 500\n\
         ip filter 3 pass * 192.168.0.1 esp * *\nnat descriptor type 1000 masquerade\n\
         nat descriptor masquerade static 1000 2000000001 192.168.0.1 udp 500\n\
         nat descriptor masquerade static 1000 2000000002 192.168.0.1 esp\n",
    );
    let mut n = 0usize;
    let mut count = 16;
    while count < lines {
        n += 1;
        let (a, b) = (n % 250, n % 253 + 1);
        // vRX allows tunnel and gateway numbers up to 6000; past that, global lines only.
        let (f, g) = (100000 + n, 200000 + n);
        // Each filter is used: by its tunnel's inbound list, or past the tunnels by the
        // route's gateway.
        let route_filters = if n <= 6000 {
            // Strong algorithms and a long key: each gateway initiates, so it would propose
            // the router's weak defaults (3des-cbc, modp1024) otherwise (`weak-crypto`).
            count += 14;
            let _ = write!(
                out,
                "tunnel select {n}\n description tunnel \"branch office {n}\"\n ipsec tunnel {p}\n  ipsec sa policy {p} {n} esp aes-cbc sha256-hmac\n  ipsec ike encryption {n} aes-cbc\n  ipsec ike group {n} modp2048\n  ipsec ike hash {n} sha256\n  ipsec ike keepalive use {n} on dpd 10 3\n  ipsec ike local address {n} 192.168.0.1\n  ipsec ike pre-shared-key {n} text made-up-branch-key-{n}\n  ipsec ike remote address {n} 198.51.{a}.{b}\n ip tunnel secure filter in {f} {g}\n ip tunnel tcp mss limit auto\n tunnel enable {n}\n",
                p = 10000 + n,
            );
            String::new()
        } else {
            format!(" filter {f} {g}")
        };
        count += 5;
        let _ = write!(
            out,
            "ip filter {f} pass 192.168.{a}.0/24 * tcp * www\nip filter {g} reject * * udp * 135-139\nip route 10.{a}.{b}.0/24 gateway tunnel {t}{route_filters}\nnat descriptor masquerade static 1000 {n} 192.168.0.{b} tcp {port}\ndhcp scope bind 1 192.168.0.{b} 00:a0:de:{a:02x}:{b:02x}:01\n",
            t = (n - 1) % 6000 + 1,
            port = 1024 + n % 60000,
        );
    }
    out.into_bytes()
}

/// A config of `findings` lines that each give one finding: `ipsec tunnel N` with no tunnel
/// selected (`wrong-context`, an error with help). Measures rendering many findings.
pub fn many_findings(findings: usize) -> Vec<u8> {
    let mut out = String::from("# vRX Rev.19.00.99 (Mon Apr  1 00:00:00 2024)\n");
    for i in 0..findings {
        let _ = writeln!(out, "ipsec tunnel {}", i % 6000 + 1);
    }
    out.into_bytes()
}

/// A small office config (about `lines` lines) for runs over many files; `seed` varies its
/// numbers so that no two files are the same.
pub fn small_config(lines: usize, seed: usize) -> Vec<u8> {
    let mut out = String::from(
        "# RTX830 Rev.15.02.30 (Mon Apr  1 00:00:00 2024)\nip lan1 address 192.168.0.1/24\n",
    );
    let mut count = 2;
    let mut n = 0;
    while count < lines {
        n += 1;
        let a = (seed + n) % 250;
        let _ = write!(
            out,
            "ip filter {f} pass 192.168.{a}.0/24 * tcp * www\nip route 10.{a}.{n}.0/24 gateway 192.168.0.254 filter {f}\ndhcp scope bind 1 192.168.0.{b} 00:a0:de:00:{a:02x}:{b:02x}\n",
            f = 1000 + n,
            b = n % 253 + 1,
        );
        count += 3;
    }
    out.into_bytes()
}

/// The `rtxlint` binaries a whole-process bench runs: this build's, and the one named by
/// `RTXLINT_BASELINE_BIN` when set (say, main before a change, built in another worktree), so
/// that one run gives before and after side by side.
pub fn binaries() -> Vec<(&'static str, std::path::PathBuf)> {
    let mut out = Vec::new();
    if let Some(this) = option_env!("CARGO_BIN_EXE_rtxlint") {
        out.push(("rtxlint", this.into()));
    }
    if let Some(baseline) = std::env::var_os("RTXLINT_BASELINE_BIN") {
        out.push(("baseline", baseline.into()));
    }
    out
}

/// The corpus files (ours and, when present, the published ones) joined into one input.
pub fn corpus() -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        root.join("corpus"),
        root.join("corpus/scenarios"),
        root.join("../shared/corpus"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for file in files
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        {
            if let Ok(bytes) = std::fs::read(file) {
                out.extend_from_slice(&bytes);
                out.push(b'\n');
            }
        }
    }
    out
}
