## wrong-context

rule-summary-wrong-context = 選択中のトンネルまたは pp 向けのコマンドが、選択のない場所（または別の種類の選択中）に書かれている
