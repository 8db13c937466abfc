## heartbeat-keepalive

rule-summary-heartbeat-keepalive = IKE keepalive uses heartbeat, which only Yamaha peers answer

# $gateway: the IKE gateway number.
heartbeat-keepalive = IKE gateway { $gateway } keeps the tunnel alive with heartbeat, which only Yamaha routers answer: against any other peer the keepalive fails and the tunnel is torn down and rebuilt again and again
# The same, when the other end is a Yamaha router of the run: $tunnel of the config $file.
heartbeat-keepalive-peer-in-run = IKE gateway { $gateway } keeps the tunnel alive with heartbeat, which only Yamaha routers answer: against any other peer the keepalive fails and the tunnel is torn down and rebuilt again and again; here the other end is tunnel { $tunnel } of { $file }, a Yamaha router of this run, which answers heartbeat (DPD would work with any peer)
# The same, when the gateway carries L2TPv3/IPsec.
heartbeat-keepalive-l2tpv3 = IKE gateway { $gateway } keeps the tunnel alive with heartbeat, which only Yamaha routers answer: against any other peer the keepalive fails and the tunnel is torn down and rebuilt again and again; here the gateway carries L2TPv3/IPsec, which in practice only Yamaha routers speak, so the peer most likely answers (DPD would work with any peer)
# The keepalive line names no method on an IKEv1 gateway. $switch: the line's switch word (`on`, `auto`...).
heartbeat-keepalive-default = `ipsec ike keepalive use { $gateway } { $switch }` names no method, so IKEv1 gateway { $gateway } falls back to heartbeat, which only Yamaha routers answer: against any other peer the tunnel flaps
heartbeat-keepalive-default-peer-in-run = `ipsec ike keepalive use { $gateway } { $switch }` names no method, so IKEv1 gateway { $gateway } falls back to heartbeat, which only Yamaha routers answer: against any other peer the tunnel flaps; here the other end is tunnel { $tunnel } of { $file }, a Yamaha router of this run, which answers heartbeat (DPD would work with any peer)
heartbeat-keepalive-default-l2tpv3 = `ipsec ike keepalive use { $gateway } { $switch }` names no method, so IKEv1 gateway { $gateway } falls back to heartbeat, which only Yamaha routers answer: against any other peer the tunnel flaps; here the gateway carries L2TPv3/IPsec, which in practice only Yamaha routers speak, so the peer most likely answers (DPD would work with any peer)
heartbeat-keepalive-label = heartbeat keepalive
# $version: the IKE version (1 or 2).
heartbeat-keepalive-version-label = gateway { $gateway } uses IKEv{ $version }
heartbeat-keepalive-help = use DPD, which every IKE peer answers: `ipsec ike keepalive use { $gateway } { $switch } dpd 10 3`
heartbeat-keepalive-fix = use DPD every 10 s, down after 3 failures
