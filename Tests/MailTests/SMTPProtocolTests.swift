import NIOCore
import NIOEmbedded
import Testing

@testable import Mail

/// The protocol pieces below the client: reply framing, dot-stuffing, settings checks.
struct SMTPProtocolTests {
    @Test func decoderJoinsMultiLineRepliesAndSplitsPackedOnes() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SMTPReplyDecoder()))
        try channel.writeInbound(ByteBuffer(string: "220 mail.example.vn ESMTP\r\n250-mail.example.vn\r\n250-SIZE 1000"))
        #expect(try channel.readInbound(as: SMTPReply.self) == SMTPReply(code: 220, lines: ["mail.example.vn ESMTP"]))
        #expect(try channel.readInbound(as: SMTPReply.self) == nil)
        try channel.writeInbound(ByteBuffer(string: "\r\n250-AUTH PLAIN LOGIN\r\n250-auth=login\r\n250 STARTTLS\n354\r\n"))
        let ehlo = try #require(try channel.readInbound(as: SMTPReply.self))
        #expect(ehlo.lines == ["mail.example.vn", "SIZE 1000", "AUTH PLAIN LOGIN", "auth=login", "STARTTLS"])
        #expect(ehlo.extensions["AUTH"] == ["PLAIN", "LOGIN", "LOGIN"])
        #expect(ehlo.extensions["STARTTLS"] == [])
        #expect(try channel.readInbound(as: SMTPReply.self) == SMTPReply(code: 354, lines: [""]))
        _ = try channel.finish()
    }

    @Test(arguments: ["hello\r\n", "25\r\n", "250x\r\n", "250-a\r\n251 b\r\n"])
    func decoderRejectsWhatIsNotAReply(_ input: String) {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SMTPReplyDecoder()))
        #expect(throws: SMTPReplyDecoder.MalformedReply.self) { try channel.writeInbound(ByteBuffer(string: input)) }
    }

    @Test func dataIsDotStuffedAndTerminated() {
        #expect(SMTPSession.dataPayload(".a\r\nb\r\n.\r\n..c\r\n") == "..a\r\nb\r\n..\r\n...c\r\n.\r\n")
    }

    @Test func credentialsWithoutTLSAreRefusedUnlessLoopback() throws {
        let login = SMTPSettings.Credentials(username: "portal", password: "secret")
        #expect(throws: SMTPConfigurationError.credentialsWithoutTLS(host: "smtp.example.vn")) {
            try SMTPClient(settings: SMTPSettings(host: "smtp.example.vn", startTLS: false, credentials: login))
        }
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] {
            _ = try SMTPClient(settings: SMTPSettings(host: host, startTLS: false, credentials: login))
        }
        #expect(!"\(login)".contains("secret"))
    }

    @Test func badHeloNameAndMissingCAFileAreRefused() {
        #expect(throws: SMTPConfigurationError.invalidHeloName("portal\r\nRSET")) {
            try SMTPClient(settings: SMTPSettings(host: "smtp.example.vn", heloName: "portal\r\nRSET"))
        }
        #expect(throws: SMTPConfigurationError.self) {
            try SMTPClient(settings: SMTPSettings(host: "smtp.example.vn", caCertificateFile: "/nonexistent/ca.pem"))
        }
    }
}
