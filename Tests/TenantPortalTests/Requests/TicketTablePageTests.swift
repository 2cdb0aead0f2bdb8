import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The staff's ticket table page (B13, issue 18): the shell, views with counts, filters and
/// search in the address, sort links, and a bulk action reported per ticket.
@Suite("The staff's ticket table page")
struct TicketTablePageTests {
    @Test("the table lists tickets with their columns; search, filters and sort live in the address; views carry counts")
    func table() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let printer = try await api.file(token: token, title: "Máy in không in được hóa đơn")
            let network = try await api.file(token: token, title: "Mất kết nối mạng")
            let staff = try await api.staffSession("hoa")
            _ = try await api.call(.post, "/tickets/\(printer)/assignment", token: staff, json: ["assignee": "hoa"])
            #expect(try await client.execute(uri: "/t/\(tenant.slug)/staff/tickets", method: .get).status == .seeOther)

            var member = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            let all = try await member.get("staff/tickets")
            #expect(all.status == .ok)
            for expected in [printer, network, "Máy in không in được hóa đơn", "KH0001 · Công ty Bia Sài Gòn", "Nguyễn Thị Lan", "Trần Văn hoa"] {
                #expect(all.text.contains(expected), "\(expected)")
            }
            // The shell: the member, the search box, the navigation with this page marked.
            #expect(all.text.contains("class=\"member-name\">Trần Văn hoa"))
            #expect(all.text.contains("name=\"q\""))
            #expect(all.text.contains("href=\"/t/\(tenant.slug)/staff/tickets\" aria-current=\"page\""))
            // The "mine" view with its count: one open ticket assigned to hoa.
            #expect(all.text.contains("?assignee=me&amp;open=1\">Của tôi <span class=\"count\">1</span>"))
            let searched = try await member.get("staff/tickets?q=khong+in+duoc")
            #expect(searched.text.contains(printer) && !searched.text.contains(network))
            let mine = try await member.get("staff/tickets?assignee=me&open=1")
            #expect(mine.text.contains(printer) && !mine.text.contains(network))
            #expect(mine.text.contains("aria-current=\"page\" class=\"current\">Của tôi"))
            let sorted = try await member.get("staff/tickets?sort=code")
            let (first, second) = (try #require(sorted.text.range(of: printer)), try #require(sorted.text.range(of: network)))
            #expect(first.lowerBound < second.lowerBound)
            #expect(sorted.text.contains("aria-sort=\"ascending\"><a href=\"?sort=-code\">"))
            let refused = try await member.get("staff/tickets?sla=late")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("role=\"alert\""))
        }
    }

    @Test("a bulk move from the table: moved where the workflow allows, each refusal named, nothing else changed")
    func bulkMove() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let fresh = try await api.file(token: token, title: "Mới")
            let cancelled = try await api.file(token: token, title: "Đã hủy")
            let staff = try await api.staffSession("hoa")
            try await api.move(cancelled, staff: staff, through: ["cancelled"])
            var member = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            _ = try await member.get("staff/tickets")
            let answer = try await member.post(
                "staff/tickets/bulk?sort=code",
                [("action", "move"), ("to", "in_progress"), ("code", fresh), ("code", cancelled)]
            )
            #expect(answer.status == .ok)
            #expect(answer.text.contains("Đã thực hiện 1 phiếu, không thực hiện 1 phiếu."))
            #expect(answer.text.contains("\(cancelled)</a>: Không thực hiện"))
            for (code, stage) in [(fresh, "in_progress"), (cancelled, "cancelled")] {
                let ticket = try await api.call(.get, "/tickets/\(code)", token: staff)
                #expect((ticket.json["stage"] as? [String: Any])?["key"] as? String == stage)
            }
            let expired = try await client.execute(uri: "/t/\(tenant.slug)/staff/tickets/bulk", method: .post)
            #expect(expired.status != .ok)
        }
    }

    @Test("a bulk action on every ticket of the view, past its first page; a refused action comes back as it was filled in")
    func bulkWholeView() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            var codes: [String] = []
            for n in 1...52 { codes.append(try await api.file(token: token, title: "Máy in tầng \(n)")) }
            let other = try await api.file(token: token, title: "Mạng chậm")
            var member = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            let view = "q=may+in&sort=code"
            #expect(try await member.get("staff/tickets?\(view)").text.contains("rel=\"next\""))
            // No ticket ticked and not the whole view: refused, the form as it was.
            let refused = try await member.post("staff/tickets/bulk?\(view)", [("action", "note"), ("text", "Đã gọi lại cho khách")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("role=\"alert\""))
            #expect(refused.text.contains("<option value=\"note\" selected>"))
            #expect(refused.text.contains("value=\"Đã gọi lại cho khách\""))
            let ticked = try await member.post("staff/tickets/bulk?\(view)", [("action", "archive"), ("code", codes[0])])
            #expect(ticked.text.contains("value=\"\(codes[0])\" aria-label=\"Chọn phiếu này \(codes[0])\" checked"))

            let all = try await member.post("staff/tickets/bulk?\(view)", [("action", "assign"), ("assignee", "hoa"), ("all", "1")])
            #expect(all.status == .ok)
            #expect(all.text.contains("Đã thực hiện 52 phiếu, không thực hiện 0 phiếu."))
            let staff = try await api.staffSession("hoa")
            for code in [codes[0], codes[51]] {
                #expect(try await api.call(.get, "/tickets/\(code)", token: staff).json["assignee"] as? String == "Trần Văn hoa")
            }
            #expect(try await api.call(.get, "/tickets/\(other)", token: staff).json["assignee"] as? String == nil)

            _ = try await member.get("staff/tickets")
            let name = String(repeating: "Xem lại ", count: 11)
            let badView = try await member.post("staff/tickets/views", [("name", name), ("query", view)])
            #expect(badView.status == .unprocessableContent)
            #expect(badView.text.contains("value=\"\(name)\""))
        }
    }

    @Test("the ticket page opened from the table: previous and next in the table's order, the timeline filtered, images as thumbnails")
    func ticketPage() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            var codes: [String] = []
            for title in ["Một", "Hai", "Ba"] { codes.append(try await api.file(token: token, title: title)) }
            let staff = try await api.staffSession("hoa")
            _ = try await api.call(.post, "/tickets/\(codes[1])/notes", token: staff, json: ["text": "Ghi chú nội bộ", "public": false])
            _ = try await api.call(.post, "/tickets/\(codes[1])/notes", token: staff, json: ["text": "Trả lời khách", "public": true])
            let uploaded = try await AttachmentAPITests().upload(
                client,
                tenant,
                codes[1],
                token: token,
                [("anh.png", AttachmentAPITests.png, "image/png")]
            )
            #expect(uploaded.status == .created)
            var member = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            let table = try await member.get("staff/tickets?sort=code")
            #expect(table.text.contains("href=\"/t/\(tenant.slug)/staff/tickets/\(codes[1])?sort=code\""))
            let page = try await member.get("staff/tickets/\(codes[1])?sort=code")
            #expect(page.status == .ok)
            #expect(page.text.contains("href=\"/t/\(tenant.slug)/staff/tickets/\(codes[0])?sort=code\" rel=\"prev\""))
            #expect(page.text.contains("href=\"/t/\(tenant.slug)/staff/tickets/\(codes[2])?sort=code\" rel=\"next\""))
            #expect(page.text.contains("<img src=\"/t/\(tenant.slug)/api/v1/tickets/\(codes[1])/attachments/"))
            #expect(page.text.contains("class=\"member-name\">Trần Văn hoa"))
            // The other way round, the neighbours swap.
            let reversed = try await member.get("staff/tickets/\(codes[1])?sort=-code")
            #expect(reversed.text.contains("\(codes[2])?sort=-code\" rel=\"prev\""))
            let internalOnly = try await member.get("staff/tickets/\(codes[1])?sort=code&timeline=internal")
            #expect(internalOnly.text.contains("Ghi chú nội bộ") && !internalOnly.text.contains("Trả lời khách"))
            let publicOnly = try await member.get("staff/tickets/\(codes[1])?timeline=public")
            #expect(!publicOnly.text.contains("Ghi chú nội bộ") && publicOnly.text.contains("Trả lời khách"))
            // The first of the list has no previous one.
            #expect(!(try await member.get("staff/tickets/\(codes[0])?sort=code")).text.contains("rel=\"prev\""))
        }
    }

    @Test("a member saves a view of the table: it lists with its count for them alone, opens the table as saved, and can be deleted")
    func savedViews() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await PortalFixtures.staff(tenant, "minh")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            for title in ["Một", "Hai"] { _ = try await api.file(token: token, title: title) }
            var hoa = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            _ = try await hoa.get("staff/tickets")
            let saved = try await hoa.post("staff/tickets/views", [("name", "Chưa ai nhận"), ("query", "assignee=none&open=1")])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/t/\(tenant.slug)/staff/tickets?assignee=none&open=1")
            let table = try await hoa.get("staff/tickets?assignee=none&open=1")
            #expect(table.text.contains("aria-current=\"page\" class=\"current\">Chưa ai nhận <span class=\"count\">2</span>"))
            // Saving it again replaces it; a query the table would refuse is refused.
            _ = try await hoa.post("staff/tickets/views", [("name", "Chưa ai nhận"), ("query", "assignee=none")])
            #expect(try await hoa.get("staff/tickets").text.components(separatedBy: ">Chưa ai nhận <").count == 2)
            #expect(try await hoa.post("staff/tickets/views", [("name", "Sai"), ("query", "sla=late")]).status == .unprocessableContent)
            #expect(try await hoa.post("staff/tickets/views", [("name", ""), ("query", "open=1")]).status == .unprocessableContent)
            var minh = try await PageVisitor.signedIn(client, tenant, username: "minh")
            #expect(!(try await minh.get("staff/tickets")).text.contains("Chưa ai nhận"))
            let id = try #require(
                try await hoa.get("staff/tickets").text.firstMatch(of: /tickets\/views\/(\d+)\/delete/).map { String($0.1) }
            )
            #expect(try await minh.post("staff/tickets/views/\(id)/delete", []).status == .seeOther)
            #expect(try await hoa.get("staff/tickets").text.contains("Chưa ai nhận"))
            #expect(try await hoa.post("staff/tickets/views/\(id)/delete", []).status == .seeOther)
            #expect(!(try await hoa.get("staff/tickets")).text.contains("Chưa ai nhận"))
        }
    }
}
