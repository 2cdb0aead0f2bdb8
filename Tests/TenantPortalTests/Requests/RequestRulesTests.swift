import Foundation
import PGStore
import Testing

@testable import TenantPortal

@Suite("Request rules without a database")
struct RequestRulesTests {
    @Test(
        "Vietnamese phone numbers are normalised from +84, 84 and 0 forms",
        arguments: [
            ("0912 345 678", "0912345678"), ("+84 912 345 678", "0912345678"), ("84912345678", "0912345678"),
            ("091.234.5678", "0912345678"), ("+84 28 3812 3456", "02838123456"), ("(028) 3812-3456", "02838123456"),
        ]
    )
    func phones(input: String, normalised: String) {
        #expect(ContactDetails.normalizedPhone(input) == normalised)
    }

    @Test("malformed phone numbers are refused", arguments: ["12345", "+1 202 555 0100", "09123456789012", "0912abc678", ""])
    func badPhones(input: String) {
        #expect(ContactDetails.normalizedPhone(input) == nil)
    }

    @Test("emails are trimmed and lower-cased; malformed ones refused")
    func emails() {
        #expect(ContactDetails.normalizedEmail("  Lan.Nguyen@AnPhat.VN ") == "lan.nguyen@anphat.vn")
        for bad in ["lan", "lan@", "@anphat.vn", "lan@anphat", "lan nguyen@anphat.vn", "a@b@c.vn", "lan@anphat.v"] {
            #expect(ContactDetails.normalizedEmail(bad) == nil, "\(bad)")
        }
    }

    @Test("typed text loses white space at both ends only, line breaks and Unicode blanks included; inner text is kept exactly")
    func typedTextTrimmed() throws {
        #expect(
            try TextInput.optional(" \t\r\n\u{00A0}Máy in  tầng 3\nkhông in được\u{3000} \r\n", field: "title", limit: 200)
                == "Máy in  tầng 3\nkhông in được"
        )
        #expect(try TextInput.optional(" \n\u{2003} ", field: "title", limit: 200) == nil)
        #expect("x".trimmed == "x")
        #expect(
            MultipartUploads.headerParameters(" form-data ; Name = \"file\" ;filename=\"bảng giá.png\" ").map { "\($0.key)=\($0.value)" }
                == ["form-data=", "name=file", "filename=bảng giá.png"]
        )
    }

    @Test("a contact without a name is refused, naming the field")
    func contactName() {
        #expect(throws: PortalError.invalid(field: "contact.name", .contactNameRequired)) {
            try ContactDetails(name: "  ", email: "a@b.vn", phone: "0912345678")
        }
    }

    @Test("every default workflow starts in a non-terminal stage and only moves between its own stages")
    func defaultWorkflows() {
        for workflow in DefaultWorkflows.forModules(PortalModule.allCases) {
            #expect(!workflow.firstStage.terminal, "\(workflow.ticketType)")
            let keys = Set(workflow.stages.map(\.key))
            #expect(workflow.transitions.allSatisfy { keys.contains($0.from) && keys.contains($0.to) }, "\(workflow.ticketType)")
        }
        #expect(
            DefaultWorkflows.forModules([.repair]).first?.stages.map(\.key)
                == ["waiting", "repairing", "cleaning", "ready_for_pickup", "delivered"]
        )
    }

    @Test("list cursors round-trip with their order; tampered ones, or positions the order cannot have, are refused")
    func cursors() throws {
        for cursor in [
            TicketCursor(sort: .newest, position: "1790000000123456", id: 42),
            TicketCursor(sort: TicketSort(.due, descending: false), position: "infinity", id: 7),
            TicketCursor(sort: TicketSort(.code, descending: true), position: "HT-000012:x", id: 12),
            TicketCursor(sort: TicketSort(.priority, descending: true), position: "3", id: 1),
        ] {
            #expect(try TicketListQuery.cursor(TicketListQuery.encode(cursor)) == cursor)
        }
        let refused = PortalError.invalid(field: "cursor", .invalidCursor)
        #expect(throws: refused) { try TicketListQuery.cursor("not-a-cursor") }
        for forged in [
            TicketCursor(sort: .newest, position: "2026-12-07", id: 1),
            TicketCursor(sort: .newest, position: "99999999999999999999", id: 1),
            TicketCursor(sort: TicketSort(.priority, descending: false), position: "9", id: 1),
            TicketCursor(sort: TicketSort(.code, descending: false), position: "", id: 1),
        ] {
            #expect(throws: refused) { try TicketListQuery.cursor(TicketListQuery.encode(forged)) }
        }
    }
}
