## shadowed-filter

rule-summary-shadowed-filter = `secure filter` のリストで、前にあるフィルターが常に先に処理を決めてしまうフィルター
