//! The resolved model of a small config: what other tools query.

use rtx_semantic::{EnableState, KeepaliveMethod, KeepaliveSwitch, Model, ObjectKind, PpId};

const CONFIG: &[u8] = b"pp select anonymous
 pp bind tunnel1-tunnel2
 pp enable anonymous
tunnel select 1
 tunnel encapsulation l2tp
 tunnel name \"Remote access\"
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike keepalive use 1 off
  ipsec ike remote address 1 any
tunnel select 5
 description tunnel \"Branch\"
 ipsec tunnel 105
  ipsec sa policy 105 5 esp aes-cbc sha-hmac
  ipsec ike version 5 2
  ipsec ike keepalive use 5 on rfc4306 10 3
  ipsec ike remote address 5 198.51.100.5
tunnel enable 1 5-
tunnel disable 7
ipsec transport 1 1 udp 1701
ip route 10.5.0.0/16 gateway tunnel 5
";

#[test]
fn tunnels_gateways_and_policies_resolve() {
    let doc = rtx_syntax::parse(CONFIG);
    let model = Model::build(&doc);
    let t1 = model.tunnel(1).unwrap();
    assert_eq!(t1.encapsulation(), "l2tp");
    assert_eq!(&*t1.name_text(&doc).unwrap(), b"Remote access");
    assert_eq!(t1.policy.as_ref().unwrap().value, 1);
    let t5 = model.tunnel(5).unwrap();
    assert_eq!(t5.encapsulation(), "ipsec");
    assert_eq!(&*t5.name_text(&doc).unwrap(), b"Branch");
    assert!(t5.gateways.contains(&5));
    assert_eq!(model.gateway(5).unwrap().ike_version(), 2);
    // Gateway 5's `ipsec ike` lines (the SA policy only refers to it), in file order.
    assert_eq!(
        model.gateway_setting_lines(5).collect::<Vec<_>>(),
        [14, 15, 16]
    );
    assert_eq!(model.gateway_setting_lines(9).count(), 0);
    assert_eq!(
        model.gateway(5).unwrap().keepalive.as_ref().unwrap().method,
        Some(KeepaliveMethod::Rfc4306)
    );
    assert_eq!(
        model.gateway(1).unwrap().keepalive.as_ref().unwrap().switch,
        KeepaliveSwitch::Off
    );
    assert_eq!(model.policy(105).unwrap().gateway, 5);
}

#[test]
fn enable_ranges_and_explicit_disables() {
    let doc = rtx_syntax::parse(CONFIG);
    let model = Model::build(&doc);
    assert!(matches!(
        model.tunnel_enable_state(1),
        EnableState::Enabled(_)
    ));
    assert!(matches!(
        model.tunnel_enable_state(6),
        EnableState::Enabled(_)
    ));
    assert!(matches!(
        model.tunnel_enable_state(7),
        EnableState::Disabled(_)
    ));
    assert_eq!(model.tunnel_enable_state(3), EnableState::Unmentioned);
    assert!(matches!(
        model.pp(PpId::Anonymous).unwrap().enable,
        EnableState::Enabled(_)
    ));
}

#[test]
fn references_answer_what_uses_what() {
    let doc = rtx_syntax::parse(CONFIG);
    let model = Model::build(&doc);
    let users: Vec<&str> = model
        .references_to(ObjectKind::SaPolicy, 1)
        .map(|o| o.command)
        .collect();
    assert_eq!(users, ["ipsec tunnel", "ipsec transport"]);
    assert_eq!(
        model.references_to(ObjectKind::Tunnel, 5).count(),
        1,
        "the route via tunnel 5"
    );
    // `pp bind tunnel1-tunnel2`: tunnel 2 is not configured, so only tunnel 1 is listed.
    let bound: Vec<u32> = model.bound_tunnels().map(|(n, _, _)| n).collect();
    assert_eq!(bound, [1]);
    let peers: Vec<_> = model
        .tunnel_peers()
        .map(|p| (p.tunnel, p.gateway))
        .collect();
    assert_eq!(peers, [(1, Some(1)), (5, Some(5))]);
}

/// The lines that refer to object `id` of `kind`, in file order.
fn referring_lines(model: &Model, kind: ObjectKind, id: u32) -> Vec<usize> {
    model
        .references_to(kind, id)
        .map(|o| o.site.line())
        .collect()
}

#[test]
fn interface_filters_nat_and_pp_bind_refer_to_their_objects() {
    let doc = rtx_syntax::parse(
        b"ip filter 100 pass * * tcp * www\nip filter dynamic 200 * * www\nnat descriptor type 1 masquerade\nip lan2 secure filter in 100 dynamic 200\nip lan2 nat descriptor 1\npp select anonymous\n pp bind tunnel1-tunnel3\n",
    );
    let model = Model::build(&doc);
    let lines = |kind, id| referring_lines(&model, kind, id);
    assert_eq!(lines(ObjectKind::IpFilter, 100), [3]);
    assert_eq!(lines(ObjectKind::IpDynamicFilter, 200), [3]);
    assert_eq!(lines(ObjectKind::NatDescriptor, 1), [4]);
    for tunnel in 1..=3 {
        assert_eq!(lines(ObjectKind::Tunnel, tunnel), [6]);
    }
    assert!(lines(ObjectKind::Tunnel, 4).is_empty());
}

/// IPv6 filters are objects of their own; a dynamic filter's lists, a filter set's members
/// `directed-broadcast filter N` and a route's gateway name static filters; `bridge member`
/// names tunnels.
#[test]
fn ipv6_filters_filter_users_and_bridge_members_are_in_the_index() {
    let doc = rtx_syntax::parse(
        b"ipv6 filter 10 pass * * tcp * www\n\
          ipv6 filter dynamic 20 * * filter 10 in 11 out 12\n\
          ipv6 lan2 secure filter in 10 13 dynamic 20\n\
          ip filter dynamic 30 * * filter 1 2 in 3\n\
          ip filter set web in 4 5\n\
          ip filter directed-broadcast filter 6\n\
          bridge member bridge1 lan1 tunnel7-tunnel8\n\
          ip route default gateway pp 1 filter 9 10 gateway pp 1\n\
          ipv6 route default gateway pp 1 filter 14 15 gateway pp 1\n",
    );
    let model = Model::build(&doc);
    let lines = |kind, id| referring_lines(&model, kind, id);
    let defined = |kind, id| model.definitions_of(kind, id).count();
    assert_eq!(defined(ObjectKind::Ipv6Filter, 10), 1);
    assert_eq!(defined(ObjectKind::Ipv6DynamicFilter, 20), 1);
    assert_eq!(
        defined(ObjectKind::IpFilter, 10),
        0,
        "the families stay apart"
    );
    assert_eq!(lines(ObjectKind::Ipv6Filter, 10), [1, 2]);
    assert_eq!(lines(ObjectKind::Ipv6Filter, 11), [1]);
    assert_eq!(lines(ObjectKind::Ipv6Filter, 13), [2]);
    // After `dynamic`, an IPv6 list names dynamic filters.
    assert_eq!(lines(ObjectKind::Ipv6DynamicFilter, 20), [2]);
    assert!(lines(ObjectKind::Ipv6Filter, 20).is_empty());
    // (Filter 1 is named only by the dynamic filter, not by the routes' `pp 1`.)
    for (filter, line) in [(1, 3), (2, 3), (3, 3), (4, 4), (5, 4), (6, 5)] {
        assert_eq!(
            lines(ObjectKind::IpFilter, filter),
            [line],
            "filter {filter}"
        );
    }
    assert_eq!(
        defined(ObjectKind::IpFilter, 6),
        0,
        "directed-broadcast only names it"
    );
    assert_eq!(lines(ObjectKind::Tunnel, 7), [6]);
    assert_eq!(lines(ObjectKind::Tunnel, 8), [6]);
    // A route's gateway filters, in either family.
    assert_eq!(lines(ObjectKind::IpFilter, 9), [7]);
    assert_eq!(lines(ObjectKind::IpFilter, 10), [7]);
    assert_eq!(lines(ObjectKind::Ipv6Filter, 14), [8]);
    assert_eq!(lines(ObjectKind::Ipv6Filter, 15), [8]);
}

#[test]
fn the_model_can_be_shared_between_threads() {
    fn shared<T: Send + Sync + 'static>() {}
    shared::<Model>();
}

/// Command records keep no typed form; binding one again gives what the line binds to.
#[test]
fn records_bind_on_demand_and_keep_errors_apart() {
    let src = b"tunnel select 1\n ipsec tunnel 1\n ipsec ike keepalive use 1 onn\nfrobnicate 3\n description tunnel \"x\"\n";
    let doc = rtx_syntax::parse(src);
    let model = Model::build(&doc);
    let lines: Vec<usize> = model.commands().map(|c| c.line()).collect();
    assert_eq!(lines, [0, 1, 2, 3, 4]);
    for (record, cmd) in model.commands().zip(doc.commands()) {
        assert_eq!(record.typed(&doc), cmd.typed().and_then(Result::ok));
        assert_eq!(
            model.bind_error(&record),
            cmd.typed().and_then(Result::err).as_ref()
        );
    }
    let failed: Vec<usize> = model.bind_errors().map(|(c, _)| c.line()).collect();
    assert_eq!(failed, [2]);
    assert!(model.commands().nth(3).unwrap().entry().is_none());
    // `description tunnel` is the tunnel form of a global command.
    assert_eq!(
        model.command_at(4).unwrap().form_context(),
        Some(rtx_syntax::catalogue::ContextRule::Tunnel)
    );
    assert_eq!(
        model.max_number(rtx_syntax::catalogue::NumberKind::Tunnel),
        Some(1)
    );
}

/// Records take their block and context from the block they stand in: every way of
/// reaching a record agrees with the document's lines.
#[test]
fn records_know_their_block_and_context_however_reached() {
    let mut src = CONFIG.to_vec();
    src.extend_from_slice(b"pp select 1\n pp bind tunnel5\npp select none\nip lan1 mtu 1500\n");
    let doc = rtx_syntax::parse(&src);
    let model = Model::build(&doc);
    let all: Vec<_> = model.commands().collect();
    assert!(all.len() > 20);
    for record in &all {
        let line = doc.line(record.line()).unwrap();
        assert_eq!(record.context(), line.context(), "line {}", record.line());
        assert_eq!(record.block(), model.block_of(record.line()).index);
        let at = model.command_at(record.line()).unwrap();
        assert_eq!(
            (at.line(), at.block(), at.context()),
            (record.line(), record.block(), record.context())
        );
    }
    for first in 0..doc.line_count() {
        for last in first..doc.line_count() {
            let some: Vec<_> = model
                .commands_in(first, last)
                .map(|c| (c.line(), c.block(), c.context()))
                .collect();
            let scanned: Vec<_> = all
                .iter()
                .filter(|c| (first..=last).contains(&c.line()))
                .map(|c| (c.line(), c.block(), c.context()))
                .collect();
            assert_eq!(some, scanned, "{first}..={last}");
        }
    }
}

#[test]
fn objects_walk_each_id_once_with_its_occurrences() {
    let doc = rtx_syntax::parse(CONFIG);
    let model = Model::build(&doc);
    let policies: Vec<(u32, usize)> = model
        .objects(ObjectKind::SaPolicy)
        .map(|(id, o)| (id, o.count()))
        .collect();
    let expected: Vec<(u32, usize)> = [1, 105]
        .into_iter()
        .map(|id| (id, model.occurrences_of(ObjectKind::SaPolicy, id).count()))
        .collect();
    assert_eq!(policies, expected);
    assert!(policies.iter().all(|p| p.1 >= 2));
}

/// The index answers what a scan of every occurrence answers, in file order.
#[test]
fn occurrences_of_match_a_scan() {
    let mut src = CONFIG.to_vec();
    src.extend_from_slice(
        b"tunnel select 3\n ipsec tunnel 1\ntunnel select 2\n ipsec tunnel 105\n",
    );
    let doc = rtx_syntax::parse(&src);
    let model = Model::build(&doc);
    let mut objects: Vec<(ObjectKind, u32)> = model.occurrences().map(|o| (o.kind, o.id)).collect();
    objects.sort();
    objects.dedup();
    assert!(objects.len() > 8);
    for (kind, id) in objects {
        let scanned: Vec<_> = model
            .occurrences()
            .filter(|o| o.kind == kind && o.id == id)
            .collect();
        let indexed: Vec<_> = model.occurrences_of(kind, id).collect();
        assert_eq!(indexed, scanned, "{kind:?} {id}");
    }
    for line in 0..=doc.line_count() {
        let scanned: Vec<_> = model
            .occurrences()
            .filter(|o| o.site.line() == line)
            .collect();
        let on_line: Vec<_> = model.occurrences_on_line(line).collect();
        assert_eq!(on_line, scanned, "line {line}");
    }
}

/// A tunnel's name is read from the document as the line's bound value: quotes dropped and
/// escapes resolved, in either spelling of the command.
#[test]
fn a_tunnel_name_reads_as_its_bound_value() {
    let doc = rtx_syntax::parse(
        b"tunnel select 1\n tunnel name \"say \\\"hi\\\"\"\ntunnel select 2\n description tunnel 'a b'\ntunnel select 3\n tunnel name plain\n",
    );
    let model = Model::build(&doc);
    let mut checked = 0;
    for tunnel in model.tunnels() {
        let site = tunnel.name.unwrap();
        let bound = doc
            .line(site.line())
            .and_then(|l| l.command())
            .and_then(|c| c.typed())
            .and_then(Result::ok)
            .unwrap();
        let value = bound.args.last().unwrap().value.as_text().unwrap().to_vec();
        assert_eq!(tunnel.name_text(&doc).unwrap().into_owned(), value);
        checked += 1;
    }
    assert_eq!(checked, 3);
    assert_eq!(
        &*model.tunnel(1).unwrap().name_text(&doc).unwrap(),
        b"say \"hi\""
    );
    assert_eq!(&*model.tunnel(2).unwrap().name_text(&doc).unwrap(), b"a b");
}

/// The model's command records are the document's command lines, whatever the lines
/// between them: asked all at once, line by line, by range, or from the end.
#[test]
fn command_records_are_the_command_lines() {
    let doc = rtx_syntax::parse(
        b"# made-up\n\nip lan1 address 192.0.2.1/24\ntunnel select 1\n # note\n ipsec tunnel 1\n\
          frobnicate 3\nembedded file 1 <<EOF\nbody\nEOF\n\ntunnel select none\nip route default gateway pp 1\n",
    );
    let model = Model::build(&doc);
    let lines: Vec<usize> = doc.commands().map(|c| c.line().index()).collect();
    assert_eq!(lines, [2, 3, 5, 6, 7, 11, 12]);
    let records: Vec<usize> = model.commands().map(|c| c.line()).collect();
    assert_eq!(records, lines);
    let backwards: Vec<usize> = model.commands().rev().map(|c| c.line()).collect();
    assert_eq!(backwards, lines.iter().rev().copied().collect::<Vec<_>>());
    for line in 0..doc.line_count() + 2 {
        let record = model.command_at(line);
        assert_eq!(
            record.map(|c| c.line()),
            lines.contains(&line).then_some(line)
        );
        if let Some(record) = record {
            assert_eq!(record.block(), model.block_of(line).index, "line {line}");
        }
        for last in line..doc.line_count() + 2 {
            let within: Vec<usize> = model.commands_in(line, last).map(|c| c.line()).collect();
            let expected: Vec<usize> = lines
                .iter()
                .copied()
                .filter(|l| (line..=last).contains(l))
                .collect();
            assert_eq!(within, expected, "lines {line}..={last}");
        }
    }
}

/// `last_definition_line` is the line of the last of `definitions_of`, for every object.
#[test]
fn the_last_definition_line_is_the_last_definitions_line() {
    let doc = rtx_syntax::parse(
        b"ip filter 1 pass * * * * *\nip filter 2 reject * * * * *\nip filter 1 reject * * * * *\n\
          ip lan2 secure filter in 1 2 3\nno ip filter 2\ntunnel select 4\nipsec tunnel 7\n",
    );
    let model = Model::build(&doc);
    let mut checked = 0;
    for occurrence in model.occurrences() {
        let expected = model
            .definitions_of(occurrence.kind, occurrence.id)
            .last()
            .map(|d| d.site.line());
        assert_eq!(
            model.last_definition_line(occurrence.kind, occurrence.id),
            expected,
            "{occurrence:?}"
        );
        checked += 1;
    }
    assert!(checked >= 8);
    assert_eq!(model.last_definition_line(ObjectKind::IpFilter, 1), Some(2));
    assert_eq!(model.last_definition_line(ObjectKind::IpFilter, 3), None);
}
