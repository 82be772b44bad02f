/// An email address (`local@domain`) with an optional display name, checked when made.
///
///     let to = try MailAddress("controlling@acme.example", displayName: "Controlling Müller")
///     to.domain     // "acme.example"
///
/// Accepted: an ASCII dot-atom local part (RFC 5322 `atext` and single dots, at most 64 octets)
/// and a host name as the domain (letters, digits and inner hyphens in labels of at most 63,
/// at most 253 in all). Quoted local parts, address literals and non-ASCII addresses
/// (SMTPUTF8) are refused: they are legal but rare, and not every server takes them.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The addr-spec, `local@domain`, as it goes into `MAIL FROM` / `RCPT TO`.
    public let address: String
    /// The name shown beside the address (any Unicode text); nil for none.
    public let displayName: String?

    /// Checks `address`; throws `MailError.invalidAddress` with it when it does not fit.
    public init(_ address: String, displayName: String? = nil) throws(MailError) {
        guard Self.isValid(address) else { throw .invalidAddress(address) }
        self.address = address
        let name = displayName.map(HeaderText.singleLine)
        self.displayName = (name?.isEmpty ?? true) ? nil : name
    }

    /// The part before the `@`.
    public var localPart: Substring { address[..<address.lastIndex(of: "@")!] }
    /// The part after the `@`.
    public var domain: Substring { address[address.index(after: address.lastIndex(of: "@")!)...] }

    /// The address as `Name <local@domain>` or `local@domain`, unencoded (not for headers).
    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    static func isValid(_ address: String) -> Bool {
        let parts = address.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isDotAtom(parts[0], maximumLength: 64) && isHostName(parts[1])
    }

    /// RFC 5322 dot-atom-text: runs of atext separated by single dots.
    static func isDotAtom(_ bytes: some Collection<UInt8>, maximumLength: Int) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in !atom.isEmpty && atom.allSatisfy(isAtext) }
    }

    /// Labels of letters, digits and inner hyphens (RFC 1035 / 5321 `Domain`).
    static func isHostName(_ bytes: some BidirectionalCollection<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
            return first != UInt8(ascii: "-") && last != UInt8(ascii: "-")
                && label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// RFC 5322 atext: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
}
