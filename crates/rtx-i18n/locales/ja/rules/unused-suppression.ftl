## unused-suppression

rule-summary-unused-suppression = `# rtxlint:` ディレクティブが何も抑制していない、または存在しないルールを指定している
