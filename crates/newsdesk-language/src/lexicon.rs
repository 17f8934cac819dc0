//! Lexicons: given names, places, organisation words, titles.
