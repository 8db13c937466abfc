## inactive-gateway

rule-summary-inactive-gateway = a route or `pp bind` leads through a tunnel or pp that is never enabled
