## undefined-reference

rule-summary-undefined-reference = a line names a filter, tunnel, pp, NAT descriptor or IKE gateway that no line defines
