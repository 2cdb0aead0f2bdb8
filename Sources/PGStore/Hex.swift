extension Sequence<UInt8> {
    /// The bytes in lower-case hexadecimal, as PostgreSQL's `encode(..., 'hex')` writes them: a
    /// digest to compare or store. A table lookup, since an import makes a hundred thousand.
    public var hexDigits: String {
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(hexDigit[Int(byte >> 4)])
            text.append(hexDigit[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

private let hexDigit = Array("0123456789abcdef".utf8)
