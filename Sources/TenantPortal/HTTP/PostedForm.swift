import Hummingbird
import NIOCore

/// A posted form, URL-encoded or `multipart/form-data` (a form with a file field): its text fields,
/// the files chosen, and the refusal when the body could not be read (too large, malformed), so
/// the page can show it next to the file field with the rest of the form kept.
struct PostedForm {
    var fields: [String: String] = [:]
    var uploads: [(fileName: String?, data: ByteBuffer)] = []
    var refusal: PortalError?

    subscript(name: String) -> String? { fields[name] }

    static func read(_ request: Request, limits: AttachmentLimits) async throws -> PostedForm {
        var form = PostedForm()
        var fieldsRead: [String: String] = [:]
        do {
            if let parts = try await MultipartUploads.parts(of: request, limits: limits, fieldsRead: &fieldsRead) {
                form.fields = parts.filter { $0.fileName == nil }.reduce(into: [:]) { $0[$1.name] = String(buffer: $1.data) }
                // A file field left empty still sends a part, with no name and no bytes.
                form.uploads = MultipartUploads.files(parts).filter { $0.data.readableBytes > 0 || !($0.fileName ?? "").isEmpty }
            } else {
                form.fields = Dictionary(try await FormFields.read(request).pairs.map { ($0.name, $0.value) }) { first, _ in first }
            }
        } catch let refusal as PortalError {
            // Refused half-way (a file past its limit): the fields sent before it are kept.
            form.fields = fieldsRead
            form.refusal = refusal
        }
        return form
    }
}
