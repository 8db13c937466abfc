## line-too-long

rule-summary-line-too-long = a command line is longer than the 4095 characters the router reads
