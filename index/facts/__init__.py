"""`Document` tables and sections -> `Fact`s: table cells, narrative sentences, phrase vocabulary."""
