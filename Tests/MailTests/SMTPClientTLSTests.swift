import Foundation
import MailSinkSupport
import Testing

@testable import Mail

/// STARTTLS and AUTH against a real server with a throwaway CA.
struct SMTPClientTLSTests {
    static let login = SMTPSettings.Credentials(username: "portal", password: "mật-khẩu 123")

    private func notification() throws -> MailMessage {
        try MailMessage(from: MailAddress("noreply@cty-abc.vn"), to: [MailAddress("minh@example.vn")], subject: "Bảo mật", text: "Qua TLS.\n")
    }

    private static let secureSink = MailSink.Options(startTLS: true, credentials: (login.username, login.password))

    @Test(arguments: ["127.0.0.1", "localhost"])
    func startTLSThenAuthDelivers(host: String) async throws {
        try await MailSink.run(Self.secureSink) { sink in
            let settings = SMTPSettings(host: host, port: sink.port, credentials: Self.login, caCertificateFile: sink.caCertificateFile)
            let results = try await SMTPClient(settings: settings).send([notification(), notification()])
            #expect(results.allSatisfy { $0.failure == nil }, "\(results)")
            let received = try await sink.waitForMessages(count: 2)
            #expect(received.allSatisfy { $0.overTLS && $0.authenticatedAs == "portal" && $0.text == "Qua TLS.\n" })
        }
    }

    @Test func untrustedCertificateIsRefused() async throws {
        try await MailSink.run(Self.secureSink) { sink in
            let settings = SMTPSettings(host: sink.host, port: sink.port, credentials: Self.login)
            let results = try await SMTPClient(settings: settings).send([notification()])
            guard case .failure(.transient(let detail)) = results[0] else {
                Issue.record("expected a transient failure, got \(results[0])")
                return
            }
            #expect(detail.reason.contains("TLS"), "\(detail)")
            #expect(try sink.messages().isEmpty)
        }
    }

    @Test func missingSTARTTLSIsAnErrorNotADowngrade() async throws {
        try await MailSink.run { sink in
            let settings = SMTPSettings(host: sink.host, port: sink.port, startTLS: true)
            let results = try await SMTPClient(settings: settings).send([notification(), notification()])
            for result in results {
                guard case .failure(.transient(let detail)) = result else {
                    Issue.record("expected a transient failure, got \(result)")
                    continue
                }
                #expect(detail.step == "STARTTLS")
                #expect(detail.reason.contains("does not offer STARTTLS"))
            }
            #expect(try sink.messages().isEmpty)
        }
    }

    @Test func wrongPasswordFailsTheBatchTransiently() async throws {
        try await MailSink.run(Self.secureSink) { sink in
            let wrong = SMTPSettings.Credentials(username: "portal", password: "wrong")
            let settings = SMTPSettings(host: sink.host, port: sink.port, credentials: wrong, caCertificateFile: sink.caCertificateFile)
            let results = try await SMTPClient(settings: settings).send([notification()])
            guard case .failure(.transient(let detail)) = results[0] else {
                Issue.record("expected a transient failure, got \(results[0])")
                return
            }
            #expect(detail.step == "AUTH PLAIN")
            #expect(detail.code == 535)
            #expect(!"\(results[0])".contains("wrong"))
            #expect(try sink.messages().isEmpty)
        }
    }

    @Test func authLoginOverPlaintextLoopback() async throws {
        let options = MailSink.Options(
            credentials: (Self.login.username, Self.login.password),
            authOverPlaintext: true,
            excludedAuthMechanisms: ["PLAIN"]
        )
        try await MailSink.run(options) { sink in
            let settings = SMTPSettings(host: sink.host, port: sink.port, startTLS: false, credentials: Self.login)
            let results = try await SMTPClient(settings: settings).send([notification()])
            #expect(results[0].failure == nil, "\(results)")
            #expect(try await sink.waitForMessages(count: 1).first?.authenticatedAs == "portal")
        }
    }
}
