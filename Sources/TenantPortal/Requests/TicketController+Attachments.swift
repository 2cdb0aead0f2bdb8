import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// `/tickets/{code}/attachments`: upload images and PDFs (multipart, field `file`, repeatable) and
/// download them, for anyone who may see the ticket (PRODUCT.md B5).
extension TicketController {
    @Sendable func attach(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<AttachmentListView> {
        guard let parts = try await MultipartUploads.parts(of: request, limits: desk.limits) else {
            throw PortalError.invalid(field: "file", .fileRequired)
        }
        let stored = try await desk.attach(
            MultipartUploads.files(parts),
            code: Self.code(context),
            by: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        return EditedResponse(status: .created, response: AttachmentListView(attachments: stored.map(AttachmentView.init)))
    }

    @Sendable func attachment(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(Int.init) else { throw PortalError.attachmentNotFound }
        let (info, data) = try await desk.attachment(
            id: id,
            code: Self.code(context),
            for: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        return Response(status: .ok, headers: Self.downloadHeaders(info), body: .init(byteBuffer: data))
    }

    /// Images open in the browser, PDFs download; the type is the one sniffed at upload, and the
    /// browser is told not to guess another or run anything.
    static func downloadHeaders(_ info: AttachmentInfo) -> HTTPFields {
        let disposition = info.contentType.hasPrefix("image/") ? "inline" : "attachment"
        let ascii = String(info.fileName.unicodeScalars.map { $0.isASCII && $0.value >= 32 && $0 != "\\" ? Character($0) : "_" })
        let encoded = Self.extendedValue(info.fileName)
        return [
            .contentType: info.contentType,
            .contentDisposition: "\(disposition); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            .contentSecurityPolicy: "default-src 'none'; sandbox",
            .cacheControl: "private, max-age=300",
        ]
    }

    /// `text` as the value-chars of an RFC 8187 ext-value: its UTF-8 with every byte that is not
    /// an attr-char written %XX. (`CharacterSet.alphanumerics` would let non-ASCII letters through
    /// raw, which a header may not carry there; this set is ASCII only.)
    static func extendedValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: attrChars) ?? ""
    }

    /// RFC 8187's attr-char: ASCII letters and digits and ``!#$&+-.^_`|~``.
    private static let attrChars = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")
}
