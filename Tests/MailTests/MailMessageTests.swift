import Foundation
import Testing

@testable import Mail

/// Rendering: what a receiving server and mail client see, checked without a network.
struct MailMessageTests {
    static let vietnameseSubject = "Yêu cầu HT-000123 đã hoàn thành"

    private func message(
        subject: String = vietnameseSubject,
        displayName: String? = "Công ty ABC – Hỗ trợ khách hàng",
        text: String = "Xin chào,\nYêu cầu của bạn đã được xử lý.\n",
        html: String? = nil,
        headers: KeyValuePairs<String, String> = [:]
    ) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("noreply@abc.vn", displayName: displayName),
            to: [MailAddress("khach.hang@example.vn", displayName: "Nguyễn Thị Hoa"), MailAddress("ops@example.vn")],
            subject: subject,
            text: text,
            html: html,
            headers: headers
        )
    }

    /// The field's value with folding removed, e.g. `field("Subject", in: rendered)`.
    private func field(_ name: String, in rendered: String) -> String? {
        let unfolded = rendered.replacingOccurrences(of: "\r\n ", with: " ")
        return unfolded.components(separatedBy: "\r\n").first { $0.hasPrefix("\(name): ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    /// Decodes a run of UTF-8 base64 encoded-words the way RFC 2047 readers do (whitespace between words dropped).
    private func decodeEncodedWords(_ value: String) throws -> String {
        let words = value.split(separator: " ")
        var bytes = Data()
        for word in words {
            let match = try #require(word.wholeMatch(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]+)\?=/))
            bytes += try #require(Data(base64Encoded: String(match.1)))
        }
        return try #require(String(data: bytes, encoding: .utf8))
    }

    @Test func subjectIsAnEncodedWordThatDecodesExactly() throws {
        let rendered = try message().rendered(date: Date())
        let subject = try #require(field("Subject", in: rendered))
        #expect(subject.hasPrefix("=?UTF-8?B?"))
        #expect(try decodeEncodedWords(subject) == Self.vietnameseSubject)
    }

    @Test func longTextIsSplitIntoWordsAndLinesOfAtMost78() throws {
        let subject = String(repeating: "Phiếu hỗ trợ đã được cập nhật bởi kỹ thuật viên. ", count: 6)
        let name = String(repeating: "Trung tâm chăm sóc khách hàng ", count: 4)
        let body = String(repeating: "Nội dung rất dài không xuống dòng ", count: 20) + "\nDòng có khoảng trắng cuối   \n"
        let rendered = try message(subject: subject, displayName: name, text: body, html: "<p>\(body)</p>").rendered(date: Date())
        let lines = rendered.components(separatedBy: "\r\n")
        for line in lines {
            #expect(line.utf8.count <= 78, "line too long: \(line)")
        }
        let subjectField = try #require(field("Subject", in: rendered))
        #expect(subjectField.split(separator: " ").count > 3)
        #expect(try decodeEncodedWords(subjectField) == subject)
        let from = try #require(field("From", in: rendered))
        #expect(from.hasSuffix(" <noreply@abc.vn>"))
        #expect(try decodeEncodedWords(String(from.dropLast(" <noreply@abc.vn>".count))) == name)
    }

    @Test func usesCRLFLineEndingsOnly() throws {
        let rendered = try message(text: "một\ntwo\r\nba\rfour", html: "<p>x</p>\n").rendered(date: Date())
        let bytes = Array(rendered.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r")) }
            if byte == UInt8(ascii: "\r") { #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")) }
        }
        #expect(rendered.hasSuffix("\r\n"))
        #expect(rendered.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func writesTheRequiredHeaders() throws {
        let date = Date(timeIntervalSince1970: 1_751_358_600)
        let rendered = try message(headers: ["Auto-Submitted": "auto-generated"]).rendered(date: date)
        #expect(field("Date", in: rendered) == "Tue, 01 Jul 2025 08:30:00 +0000")
        #expect(field("MIME-Version", in: rendered) == "1.0")
        #expect(field("Auto-Submitted", in: rendered) == "auto-generated")
        #expect(field("Content-Type", in: rendered) == "text/plain; charset=utf-8")
        #expect(field("Content-Transfer-Encoding", in: rendered) == "quoted-printable")
        #expect(field("To", in: rendered)?.hasSuffix("<khach.hang@example.vn>, ops@example.vn") == true)
    }

    @Test func keepsTheCallersMessageIDAndGeneratesAStableOneOtherwise() throws {
        let chosen = try message(headers: ["Message-ID": "<outbox-42@portal.example.vn>"])
        #expect(field("Message-ID", in: chosen.rendered(date: Date())) == "<outbox-42@portal.example.vn>")
        let generated = try message()
        #expect(generated.messageID.wholeMatch(of: /<[0-9a-f-]{36}@abc\.vn>/) != nil)
        #expect(field("Message-ID", in: generated.rendered(date: Date())) == generated.messageID)
        #expect(field("Message-ID", in: generated.rendered(date: Date())) == generated.messageID)
    }

    @Test func htmlMakesAMultipartAlternativeWithARandomBoundary() throws {
        let mail = try message(html: "<p>Xin chào</p>")
        let first = mail.rendered(date: Date())
        let contentType = try #require(field("Content-Type", in: first))
        let boundary = try #require(contentType.wholeMatch(of: /multipart\/alternative; boundary="(=_[0-9a-f]{32})"/)).1
        #expect(first.contains("\r\n--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\n"))
        #expect(first.contains("\r\n--\(boundary)\r\nContent-Type: text/html; charset=utf-8\r\n"))
        #expect(first.hasSuffix("\r\n--\(boundary)--\r\n"))
        #expect(!mail.rendered(date: Date()).contains(String(boundary)))
    }

    @Test func quotedPrintableEncodesUTF8AndKeepsLinesShort() {
        #expect(QuotedPrintable.encode("Xin chào = ok  \n.\n") == "Xin ch=C3=A0o =3D ok =20\r\n.\r\n")
        let long = QuotedPrintable.encode(String(repeating: "đ", count: 100))
        let lines = long.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(
            long.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=C4=91", with: "đ") == String(repeating: "đ", count: 100)
                + "\r\n"
        )
    }

    @Test func headerInjectionIsRefused() throws {
        #expect(throws: MailMessageError.lineBreakInHeader(field: "Subject")) {
            try message(subject: "Xin chào\r\nBcc: x@y")
        }
        #expect(throws: MailMessageError.lineBreakInHeader(field: "Subject")) { try message(subject: "a\nb") }
        #expect(throws: MailMessageError.lineBreakInHeader(field: "display name")) { try message(displayName: "A\rBcc: x@y") }
        #expect(throws: MailMessageError.lineBreakInHeader(field: "X-Ticket")) { try message(headers: ["X-Ticket": "1\r\nBcc: x@y"]) }
        #expect(throws: MailMessageError.invalidHeaderName("Bcc: x@y\r\nX")) { try message(headers: ["Bcc: x@y\r\nX": "1"]) }
        #expect(throws: MailMessageError.reservedHeader("Bcc")) { try message(headers: ["Bcc": "x@y.vn"]) }
        #expect(throws: MailMessageError.invalidAddress("a@b.vn>\r\nRCPT TO:<c@d.vn")) { try MailAddress("a@b.vn>\r\nRCPT TO:<c@d.vn") }
    }

    @Test(arguments: ["", "no-at-sign", "a@b@c.vn", "@abc.vn", "abc@", "a b@c.vn", "<a@b.vn>", "a@b.vn, c@d.vn", "hòa@abc.vn", "a\t@b.vn"])
    func invalidAddressesAreRefused(_ address: String) {
        #expect(throws: MailMessageError.invalidAddress(address)) { try MailAddress(address) }
    }

    @Test func plainAddressesAreAccepted() throws {
        #expect(try MailAddress("ops+ticket-123@cty-abc.com.vn").address == "ops+ticket-123@cty-abc.com.vn")
        #expect(throws: MailMessageError.noRecipients) {
            try MailMessage(from: MailAddress("a@b.vn"), to: [], subject: "s", text: "t")
        }
    }
}
