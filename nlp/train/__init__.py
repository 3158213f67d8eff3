"""Training recipes for warta's shipped models (spaCy NER, stanza tokenizer/mwt/pos/lemma)."""
