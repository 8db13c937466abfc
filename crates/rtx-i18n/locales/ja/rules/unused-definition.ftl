## unused-definition

rule-summary-unused-definition = NAT ディスクリプター、SA ポリシー、IKE ゲートウェイ、またはフィルターが定義されているが使われていない
