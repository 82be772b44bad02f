#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TCP ports on 127.0.0.1 for tests that need nothing, or something silent, listening.
enum UnusedPort {
    struct Failure: Error {
        var call: String
        var code: Int32
    }

    /// A port nothing listens on: the kernel picks a free one, which is then let go.
    static func find() throws -> Int {
        let listener = try SilentListener(listening: false)
        defer { listener.close() }
        return listener.port
    }

    /// A socket bound to 127.0.0.1 on a free port that accepts connections into its
    /// backlog (the kernel completes the handshake) and never reads or writes.
    final class SilentListener {
        let port: Int
        private var descriptor: Int32

        init(listening: Bool = true) throws {
            #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            self.descriptor = descriptor
            guard descriptor >= 0 else { throw Failure(call: "socket", code: errno) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
            }
            guard bound == 0 else { throw Failure(call: "bind", code: errno) }
            if listening { guard listen(descriptor, 8) == 0 else { throw Failure(call: "listen", code: errno) } }
            let named = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0 else { throw Failure(call: "getsockname", code: errno) }
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        func close() {
            if descriptor >= 0 {
                #if canImport(Glibc)
                _ = Glibc.close(descriptor)
                #else
                _ = Darwin.close(descriptor)
                #endif
                descriptor = -1
            }
        }

        deinit { close() }
    }
}
