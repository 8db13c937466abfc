## line-too-long

rule-summary-line-too-long = a command line is longer than the 4095 characters the router reads

# $chars: the line's length in characters; $max: the router's limit (4095).
line-too-long = this line has { $chars } characters; the router reads at most { $max } and rejects the command
line-too-long-label = beyond the limit
line-too-long-help = split the command (e.g. a long filter list) into several shorter lines
