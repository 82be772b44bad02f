import NIOCore

/// One command (or none, for the greeting) and the promise of the reply it gets.
struct SMTPRequest: Sendable {
    /// The bytes to send; nil to wait for a reply without sending (the greeting).
    var bytes: ByteBuffer?
    var reply: EventLoopPromise<SMTPReply>
}

/// Pairs requests with replies, in order: SMTP without pipelining has one reply for each
/// command. A reply that comes before its request (the greeting) waits for it. When the
/// connection fails or closes, every waiting request fails with that error, and so does
/// every later one.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private var parser = SMTPReplyParser()
    private var waiting = CircularBuffer<EventLoopPromise<SMTPReply>>()
    private var unclaimed = CircularBuffer<SMTPReply>()
    private var failure: Error?

    /// Received data no request has taken yet; must be none when TLS starts (RFC 3207 §4.2).
    var unclaimedInput: String? {
        if let reply = unclaimed.first { return "\(reply.code) \(reply.text)" }
        return parser.bufferedBytes > 0 ? "\(parser.bufferedBytes) bytes" : nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        parser.append(unwrapInboundIn(data))
        do {
            while let reply = try parser.next() {
                if let promise = waiting.popFirst() { promise.succeed(reply) } else { unclaimed.append(reply) }
            }
        } catch {
            fail(error)
            context.close(promise: nil)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        if let reply = unclaimed.popFirst() { request.reply.succeed(reply) } else { waiting.append(request.reply) }
        if let bytes = request.bytes {
            context.write(wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed(())
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(ChannelError.eof)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(error)
        context.close(promise: nil)
    }

    private func fail(_ error: Error) {
        if failure == nil { failure = error }
        while let promise = waiting.popFirst() { promise.fail(error) }
    }
}
