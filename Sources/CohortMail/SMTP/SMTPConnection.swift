#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// An open TCP connection to an SMTP server, used one blocking request at a time from a
/// thread outside the event loop; closed when done or dropped.
final class SMTPConnection {
    let host: String
    private let channel: Channel
    private let timeout: TimeAmount
    private(set) var isEncrypted = false

    private init(host: String, channel: Channel, timeout: TimeAmount) {
        self.host = host
        self.channel = channel
        self.timeout = timeout
    }

    deinit {
        channel.close(promise: nil)
    }

    /// Connects to `host:port` on NIO's shared event loop group.
    static func open(host: String, port: Int, timeout: Duration) throws(MailError) -> SMTPConnection {
        let timeAmount = TimeAmount(timeout)
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeAmount)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SMTPClientHandler())
                }
            }
        do {
            let channel = try bootstrap.connect(host: host, port: port).wait()
            return SMTPConnection(host: host, channel: channel, timeout: timeAmount)
        } catch {
            if case ChannelError.connectTimeout = error { throw .timedOut(host: host, step: .connect) }
            throw .cannotConnect(host: host, port: port, reason: ConnectFailure(error))
        }
    }

    /// Whether the peer is a loopback address (127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6).
    var peerIsLoopback: Bool {
        guard let address = channel.remoteAddress?.ipAddress else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.lowercased().hasPrefix("::ffff:127.")
    }

    /// Sends `command` and CRLF, and waits for the reply.
    func exchange(_ command: String, step: SMTPStep) throws(MailError) -> SMTPReply {
        try exchange(bytes: ByteBuffer(string: command + "\r\n"), step: step)
    }

    /// Sends `bytes` (nothing when nil) and waits at most the timeout for the reply.
    func exchange(bytes: ByteBuffer?, step: SMTPStep) throws(MailError) -> SMTPReply {
        let eventLoop = channel.eventLoop
        let reply = eventLoop.makePromise(of: SMTPReply.self)
        let timer = eventLoop.scheduleTask(in: timeout) { reply.fail(SMTPTimeout()) }
        defer { timer.cancel() }
        let written = eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { reply.fail($0) }
        channel.writeAndFlush(SMTPRequest(bytes: bytes, reply: reply), promise: written)
        do {
            return try reply.futureResult.wait()
        } catch {
            channel.close(promise: nil)
            throw failure(error, step: step)
        }
    }

    /// Puts TLS under the conversation (after the server's 220 to STARTTLS) and waits for
    /// the handshake. `serverHostname` is checked against the certificate and sent as SNI;
    /// nil for an IP address, which is then checked against the certificate's IP entries.
    func startTLS(context: NIOSSLContext, serverHostname: String?) throws(MailError) {
        let channel = self.channel
        let host = self.host
        let handshake = channel.eventLoop.makePromise(of: Void.self)
        let timer = channel.eventLoop.scheduleTask(in: timeout) { handshake.fail(SMTPTimeout()) }
        defer { timer.cancel() }
        channel.eventLoop.execute {
            do {
                let smtp = try channel.pipeline.syncOperations.handler(type: SMTPClientHandler.self)
                if let injected = smtp.unclaimedInput {
                    throw MailError.malformedReply(host: host, step: .startTLS, text: injected)
                }
                let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(done: handshake), position: .first)
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            } catch {
                handshake.fail(error)
            }
        }
        do {
            try handshake.futureResult.wait()
            isEncrypted = true
        } catch let error as MailError {
            channel.close(promise: nil)
            throw error
        } catch {
            channel.close(promise: nil)
            throw failure(error, step: .startTLS)
        }
    }

    /// Closes the connection (sending TLS close_notify first when encrypted) and waits until
    /// it is closed; an error here changes nothing for the message.
    func close() {
        _ = try? channel.close().wait()
    }

    private func failure(_ error: Error, step: SMTPStep) -> MailError {
        switch error {
        case is SMTPTimeout:
            return .timedOut(host: host, step: step)
        case let violation as SMTPProtocolViolation:
            return .malformedReply(host: host, step: step, text: violation.text)
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            return .tlsFailed(host: host, reason: TLSFailure(error))
        case let error as ChannelError where [.eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed].contains(error):
            return .connectionClosed(host: host, step: step)
        case let error as IOError where [ECONNRESET, EPIPE, ECONNABORTED].contains(error.errnoCode):
            return .connectionClosed(host: host, step: step)
        default:
            return .transportFailed(host: host, step: step, reason: String(describing: error))
        }
    }
}

/// The timer of a step went off before its reply came.
struct SMTPTimeout: Error {}

/// Completes `done` when the TLS handshake below it has finished, fails it when it failed.
private final class HandshakeWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    private let done: EventLoopPromise<Void>

    init(done: EventLoopPromise<Void>) {
        self.done = done
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted = event {
            done.succeed(())
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        done.fail(error)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        done.fail(ChannelError.eof)
        context.fireChannelInactive()
    }
}

extension ConnectFailure {
    /// Reads what NIO reports for a failed connect.
    init(_ error: Error) {
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                self = .hostNotFound
                return
            }
            let codes = error.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
            if !codes.isEmpty, codes.allSatisfy({ $0 == ECONNREFUSED }) {
                self = .refused
            } else if !codes.isEmpty, codes.allSatisfy({ [ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, ECONNREFUSED].contains($0) }) {
                self = codes.contains(ECONNREFUSED) ? .refused : .unreachable
            } else {
                self = .other(String(describing: error))
            }
        } else if let error = error as? IOError, error.errnoCode == ECONNREFUSED {
            self = .refused
        } else if error is SocketAddressError {
            self = .hostNotFound
        } else {
            self = .other(String(describing: error))
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension TLSFailure {
    /// Reads what NIOSSL reports for a failed handshake.
    init(_ error: Error) {
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            self = .nameMismatch
        } else if case NIOSSLError.handshakeFailed(let reason) = error,
                  String(describing: reason).contains("CERTIFICATE_VERIFY_FAILED") {
            self = .certificateNotVerified
        } else {
            self = .other(String(describing: error))
        }
    }
}
