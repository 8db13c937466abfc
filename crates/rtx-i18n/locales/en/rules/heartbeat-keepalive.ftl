## heartbeat-keepalive

rule-summary-heartbeat-keepalive = IKE keepalive uses heartbeat, which only Yamaha peers answer
