import Foundation
import MailSinkSupport
import Testing

@testable import Mail

/// Delivery against a real SMTP server (aiosmtpd) on loopback, plaintext.
struct SMTPClientTests {
    static let body = "Xin chào anh Minh,\n\nYêu cầu HT-000123 đã hoàn thành lúc 14:05.\nTrân trọng,\nĐội hỗ trợ\n"

    private func client(_ sink: MailSink, commandTimeout: Duration = .seconds(10)) throws -> SMTPClient {
        try SMTPClient(settings: SMTPSettings(host: sink.host, port: sink.port, startTLS: false, commandTimeout: commandTimeout))
    }

    private func notification(
        to recipients: [String] = ["minh@example.vn"],
        subject: String = "Yêu cầu HT-000123 đã hoàn thành",
        text: String = body,
        html: String? = nil
    ) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("noreply@cty-abc.vn", displayName: "Công ty ABC – Hỗ trợ"),
            to: recipients.map { try MailAddress($0) },
            subject: subject,
            text: text,
            html: html,
            headers: ["Message-ID": "<outbox-1@portal.test>", "Auto-Submitted": "auto-generated"]
        )
    }

    @Test func deliversOneMessageThatReadsBackExactly() async throws {
        try await MailSink.run { sink in
            let results = try await client(sink).send([notification()])
            #expect(results.count == 1 && results[0].failure == nil, "\(results)")
            let mail = try #require(await sink.waitForMessages(count: 1).first)
            #expect(mail.subject == "Yêu cầu HT-000123 đã hoàn thành")
            #expect(mail.text == Self.body)
            #expect(mail.html == nil)
            #expect(mail.from == "Công ty ABC – Hỗ trợ <noreply@cty-abc.vn>")
            #expect(mail.to == "minh@example.vn")
            #expect(mail.envelopeFrom == "noreply@cty-abc.vn")
            #expect(mail.envelopeRecipients == ["minh@example.vn"])
            #expect(mail.header("Message-ID") == "<outbox-1@portal.test>")
            #expect(mail.header("Auto-Submitted") == "auto-generated")
            #expect(!mail.overTLS)
        }
    }

    @Test func deliversABatchOfFiftyOverOneConnection() async throws {
        try await MailSink.run { sink in
            let messages = try (1...50).map { try notification(subject: "Phiếu HT-\($0) đã cập nhật") }
            let results = try await client(sink).send(messages)
            #expect(results.count == 50)
            #expect(results.allSatisfy { $0.failure == nil })
            let received = try await sink.waitForMessages(count: 50)
            #expect(received.map(\.subject) == (1...50).map { "Phiếu HT-\($0) đã cập nhật" })
            #expect(Set(received.map(\.peer)).count == 1)
        }
    }

    @Test func sendsHTMLWithATextAlternative() async throws {
        let html = "<p>Xin chào anh Minh,</p>\n<p>Yêu cầu <b>HT-000123</b> đã hoàn thành.</p>\n"
        try await MailSink.run { sink in
            _ = try await client(sink).send([notification(html: html)])
            let mail = try #require(await sink.waitForMessages(count: 1).first)
            #expect(mail.text == Self.body)
            #expect(mail.html == html)
        }
    }

    @Test func linesStartingWithADotSurvive() async throws {
        let text = ".\n..\n.hidden line\nend.\n.\n"
        try await MailSink.run { sink in
            _ = try await client(sink).send([notification(text: text), notification(subject: "after")])
            let received = try await sink.waitForMessages(count: 2)
            #expect(received.first?.text == text)
            #expect(received.last?.subject == "after")
        }
    }

    @Test func refusedRecipientIsPermanentAndTheBatchGoesOn() async throws {
        try await MailSink.run { sink in
            let results = try await client(sink).send([
                notification(subject: "first"),
                notification(to: ["ghost@reject.test"], subject: "refused"),
                notification(to: ["ok@example.vn", "ghost@reject.test"], subject: "partly refused"),
                notification(subject: "last"),
            ])
            guard case .failure(.permanent(let detail)) = results[1] else {
                Issue.record("expected a permanent failure, got \(results[1])")
                return
            }
            #expect(detail.code == 550)
            #expect(detail.step == "RCPT TO:<ghost@reject.test>")
            #expect(detail.reason.contains("recipient rejected"))
            #expect(results[2].failure == .permanent(detail))
            #expect(results[0].failure == nil)
            #expect(results[3].failure == nil)
            #expect(try await sink.waitForMessages(count: 2).map(\.subject) == ["first", "last"])
        }
    }

    @Test func deferredRecipientIsTransient() async throws {
        try await MailSink.run { sink in
            let results = try await client(sink).send([notification(to: ["busy@later.test"]), notification(subject: "next")])
            guard case .failure(let error) = results[0] else {
                Issue.record("expected a failure, got \(results[0])")
                return
            }
            #expect(error.isTransient)
            #expect(error.detail.code == 451)
            #expect(error.description.contains("451"))
            #expect(results[1].failure == nil)
            #expect(try await sink.waitForMessages(count: 1).map(\.subject) == ["next"])
        }
    }

    @Test func fallsBackToHELOWhenEHLOIsRefused() async throws {
        try await MailSink.run(.init(refuseEHLO: true)) { sink in
            let results = try await client(sink).send([notification()])
            #expect(results[0].failure == nil)
            #expect(try await sink.waitForMessages(count: 1).first?.text == Self.body)
        }
    }

    @Test func nothingListeningFailsEveryMessageTransientlyAndQuickly() async throws {
        let port = try await SilentServer.unusedPort()
        let client = try SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: port, startTLS: false))
        let started = ContinuousClock.now
        let results = try await client.send([notification(), notification()])
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(results.count == 2)
        for result in results {
            guard case .failure(.transient(let detail)) = result else {
                Issue.record("expected a transient failure, got \(result)")
                continue
            }
            #expect(detail.step == "connect to 127.0.0.1:\(port)")
            #expect(detail.reason.lowercased().contains("refused"))
        }
    }

    @Test func silentServerTimesOutTransiently() async throws {
        try await SilentServer.run { server in
            let settings = SMTPSettings(host: "127.0.0.1", port: server.port, startTLS: false, commandTimeout: .milliseconds(300))
            let started = ContinuousClock.now
            let results = try await SMTPClient(settings: settings).send([notification()])
            #expect(ContinuousClock.now - started < .seconds(3))
            guard case .failure(.transient(let detail)) = results[0] else {
                Issue.record("expected a transient failure, got \(results[0])")
                return
            }
            #expect(detail.step == "greeting")
            #expect(detail.reason.contains("no reply within"))
        }
    }
}
