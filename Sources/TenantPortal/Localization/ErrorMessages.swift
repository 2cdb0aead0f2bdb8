import Foundation

extension Catalog {
    static func megabytes(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? String(bytes / (1024 * 1024)) : String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// What a refusal says to the person, in their language.
    static func message(_ reason: PortalError.Reason, _ language: Language) -> String {
        switch (reason, language) {
        case (.required, .vi): "Vui lòng nhập thông tin này."
        case (.required, .en): "This is required."
        case (.tooLong(let limit), .vi): "Quá dài: tối đa \(limit) ký tự."
        case (.tooLong(let limit), .en): "Too long: at most \(limit) characters."
        case (.contactNameRequired, .vi): "Vui lòng nhập họ tên người liên hệ."
        case (.contactNameRequired, .en): "Please give the contact person's name."
        case (.emailInvalid, .vi): "Email không hợp lệ, ví dụ đúng: ten@congty.vn."
        case (.emailInvalid, .en): "That email address is not valid; for example: name@company.vn."
        case (.phoneInvalid, .vi): "Số điện thoại không hợp lệ: cần 10 hoặc 11 chữ số, ví dụ 0912 345 678 hoặc +84 912 345 678."
        case (.phoneInvalid, .en): "That phone number is not valid: use 10 or 11 digits, e.g. 0912 345 678 or +84 912 345 678."
        case (.passwordTooShort, .vi): "Mật khẩu cần ít nhất 10 ký tự."
        case (.passwordTooShort, .en): "Passwords need at least 10 characters."
        case (.unknownTicketType(let type), .vi): "Không có loại yêu cầu '\(type)'."
        case (.unknownTicketType(let type), .en): "There is no request type '\(type)'."
        case (.unknownPriority(let priority), .vi): "Mức ưu tiên '\(priority)' không hợp lệ: dùng low, normal, high hoặc urgent."
        case (.unknownPriority(let priority), .en): "Priority '\(priority)' is not valid: use low, normal, high or urgent."
        case (.unknownStage(let stage), .vi): "Không có trạng thái '\(stage)'."
        case (.unknownStage(let stage), .en): "There is no stage '\(stage)'."
        case (.unknownStaff(let name), .vi): "Không có nhân viên '\(name)'."
        case (.unknownStaff(let name), .en): "There is no staff member '\(name)'."
        case (.invalidDate(let text), .vi): "Ngày '\(text)' không hợp lệ: dùng dạng YYYY-MM-DD."
        case (.invalidDate(let text), .en): "Date '\(text)' is not valid: use YYYY-MM-DD."
        case (.invalidCursor, .vi): "Con trỏ phân trang không hợp lệ; hãy tải lại từ trang đầu."
        case (.invalidCursor, .en): "The page cursor is not valid; start again from the first page."
        case (.malformedBody, .vi): "Nội dung gửi lên không đúng định dạng JSON mong đợi."
        case (.malformedBody, .en): "The request body is not the JSON expected."
        case (.transitionNotAllowed(let from, let to), .vi): "Không thể chuyển từ '\(from)' sang '\(to)' theo quy trình."
        case (.transitionNotAllowed(let from, let to), .en): "The workflow does not allow moving from '\(from)' to '\(to)'."
        case (.staleVersion, .vi): "Phiếu vừa được người khác cập nhật. Vui lòng tải lại rồi thử lại; chưa có gì bị thay đổi."
        case (.staleVersion, .en): "Someone else just updated this ticket. Reload and try again; nothing was changed."
        case (.ticketClosed, .vi): "Phiếu đã kết thúc nên không thể gửi thêm tin nhắn."
        case (.ticketClosed, .en): "This ticket is closed, so no more messages can be added."
        case (.ticketNotFound, .vi): "Không tìm thấy phiếu với mã này."
        case (.ticketNotFound, .en): "No ticket with this code was found."
        case (.signInFailed, .vi): "Thông tin đăng nhập không đúng."
        case (.signInFailed, .en): "Those sign-in details are not right."
        case (.tooManySignIns(let seconds), .vi): "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau \(seconds) giây."
        case (.tooManySignIns(let seconds), .en): "Too many failed sign-ins. Please try again in \(seconds) seconds."
        case (.notSignedIn, .vi): "Vui lòng đăng nhập."
        case (.notSignedIn, .en): "Please sign in."
        case (.staffOnly, .vi): "Chỉ nhân viên mới thực hiện được thao tác này."
        case (.staffOnly, .en): "Only staff can do this."
        case (.fileRequired, .vi): "Vui lòng chọn ít nhất một tệp."
        case (.fileRequired, .en): "Please choose at least one file."
        case (.fileTooLarge(let name, let limit), .vi): "Tệp '\(name)' quá lớn: tối đa \(megabytes(limit)) MB mỗi tệp."
        case (.fileTooLarge(let name, let limit), .en): "File '\(name)' is too large: at most \(megabytes(limit)) MB per file."
        case (.unsupportedFileType(let name), .vi): "Tệp '\(name)' không phải ảnh JPEG, PNG, WebP, GIF hay tài liệu PDF."
        case (.unsupportedFileType(let name), .en): "File '\(name)' is not a JPEG, PNG, WebP or GIF image or a PDF document."
        case (.tooManyFiles(let limit), .vi): "Mỗi phiếu chỉ đính kèm được tối đa \(limit) tệp."
        case (.tooManyFiles(let limit), .en): "A ticket can have at most \(limit) attached files."
        case (.attachmentNotFound, .vi): "Không tìm thấy tệp đính kèm."
        case (.attachmentNotFound, .en): "No such attachment."
        }
    }
}
