smoke = rtxlint

## Rule documentation (`rtxlint rule NAME`, docs/rules/)

rule-doc-header = 重大度: { $severity }。グループ: { $group }。{ $summary }。
