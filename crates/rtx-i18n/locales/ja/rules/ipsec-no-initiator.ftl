## ipsec-no-initiator

rule-summary-ipsec-no-initiator = このルーターが一度もイニシエーターにならない、または開始も応答もできない拠点間 IPsec ゲートウェイ
