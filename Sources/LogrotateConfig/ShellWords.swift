/// Splits text into words like popt's `poptParseArgvString`, which logrotate uses for pattern lists and
/// `compressoptions`.
///
/// Blanks separate words; `"…"` and `'…'` quote (inside, a backslash escapes only the quote character and is kept
/// otherwise); outside quotes a backslash escapes any character. Empty words are dropped.
/// Equivalent logrotate code: popt `poptparse.c poptParseArgvString`.
enum ShellWords {
    /// Why a text could not be split.
    enum Failure: Error, Equatable {
        case unterminatedQuote
        case trailingBackslash
    }

    /// The words of `text`.
    static func split(_ text: String) -> Result<[String], Failure> {
        var words: [String] = []
        var word: [Unicode.Scalar] = []
        var quote: Unicode.Scalar?
        var scalars = text.unicodeScalars.makeIterator()
        func flush() {
            if !word.isEmpty { words.append(String(String.UnicodeScalarView(word))) }
            word = []
        }
        while let scalar = scalars.next() {
            if let open = quote {
                if scalar == open {
                    quote = nil
                } else if scalar == "\\" {
                    guard let next = scalars.next() else { return .failure(.unterminatedQuote) }
                    if next != open { word.append("\\") }
                    word.append(next)
                } else {
                    word.append(scalar)
                }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "\\" {
                guard let next = scalars.next() else { return .failure(.trailingBackslash) }
                word.append(next)
            } else if scalar.properties.isWhitespace && scalar.isASCII {
                flush()
            } else {
                word.append(scalar)
            }
        }
        if quote != nil { return .failure(.unterminatedQuote) }
        flush()
        return .success(words)
    }

    /// Writes `word` so that `split` gives it back unchanged: specials are backslash-escaped.
    static func escape(_ word: String) -> String {
        var out = ""
        for scalar in word.unicodeScalars {
            if " \t\n\r\u{0B}\u{0C}\"'\\#{}".unicodeScalars.contains(scalar) { out.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
