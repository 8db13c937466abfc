## undefined-reference

rule-summary-undefined-reference = どの行も定義していないフィルター、トンネル、pp、NAT ディスクリプター、または IKE ゲートウェイを指定している行
