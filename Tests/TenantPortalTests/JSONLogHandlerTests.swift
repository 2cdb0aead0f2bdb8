import Foundation
import Logging
import Testing

@testable import TenantPortal

@Suite("Structured log lines")
struct JSONLogHandlerTests {
    @Test("a log line is one valid JSON object with the request id, escaped text and a UTC time")
    func line() throws {
        let message = "Khách \"Lan\" gửi\nyêu cầu \\ \u{1}"
        let text = JSONLogHandler.line(
            level: .info,
            label: "portal-admin",
            message: message,
            metadata: ["hb.request.id": "abc123", "tenant": "an-phat", "status": .stringConvertible(200), "tags": ["a", "b"]],
            time: Date(timeIntervalSince1970: 1_795_467_901.25)
        )
        #expect(!text.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["message"] as? String == message)
        #expect(object["request_id"] as? String == "abc123")
        #expect(object["tenant"] as? String == "an-phat")
        #expect(object["status"] as? String == "200")
        #expect(object["tags"] as? [String] == ["a", "b"])
        #expect(object["level"] as? String == "info")
        #expect(object["time"] as? String == "2026-11-23T21:05:01.250Z")
    }
}
