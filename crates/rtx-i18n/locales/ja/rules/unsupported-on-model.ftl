## unsupported-on-model

rule-summary-unsupported-on-model = コマンド、キーワード、番号が、設定の機種またはファームウェアに存在しない
