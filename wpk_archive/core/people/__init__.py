"""People: officials named in the articles, their offices and their order in printed lists."""
