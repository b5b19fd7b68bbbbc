"""Files -> `Document`: file checks, PDF and text readers, tables, sections, metadata, fact boxes."""
