import Foundation

extension Catalog {
    static func megabytes(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? String(bytes / (1024 * 1024)) : String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// What a refusal says to the person, in their language.
    static func message(_ reason: PortalError.Reason, _ language: Language) -> String {
        sentence(reason)(language)
    }

    static func sentence(_ reason: PortalError.Reason) -> Sentence {
        switch reason {
        case .required: Sentence(vi: "Vui lòng nhập thông tin này.", en: "This is required.")
        case .tooLong(let limit): Sentence(vi: "Quá dài: tối đa \(limit) ký tự.", en: "Too long: at most \(limit) characters.")
        case .invalidCharacters:
            Sentence(vi: "Nội dung chứa ký tự không hợp lệ (ký tự NUL).", en: "The text contains a character that is not allowed (NUL).")
        case .outOfRange(let low, let high):
            Sentence(vi: "Giá trị phải là số nguyên từ \(low) đến \(high).", en: "The value must be a whole number from \(low) to \(high).")
        case .uploadTooLarge(let limit):
            Sentence(
                vi: "Tệp gửi lên quá lớn: tối đa \(megabytes(limit)) MB mỗi tệp.",
                en: "The upload is too large: at most \(megabytes(limit)) MB per file."
            )
        case .contactNameRequired: Sentence(vi: "Vui lòng nhập họ tên người liên hệ.", en: "Please give the contact person's name.")
        case .emailInvalid:
            Sentence(vi: "Email không hợp lệ, ví dụ đúng: ten@congty.vn.", en: "That email address is not valid; for example: name@company.vn.")
        case .phoneInvalid:
            Sentence(
                vi: "Số điện thoại không hợp lệ: cần 10 hoặc 11 chữ số, ví dụ 0912 345 678 hoặc +84 912 345 678.",
                en: "That phone number is not valid: use 10 or 11 digits, e.g. 0912 345 678 or +84 912 345 678."
            )
        case .passwordTooShort: Sentence(vi: "Mật khẩu cần ít nhất 10 ký tự.", en: "Passwords need at least 10 characters.")
        case .passwordTooLong:
            Sentence(
                vi: "Mật khẩu quá dài: tối đa 72 byte; mỗi chữ có dấu chiếm 2 hoặc 3 byte.",
                en: "That password is too long: at most 72 bytes, and a letter with a diacritic takes 2 or 3."
            )
        case .currentPasswordWrong: Sentence(vi: "Mật khẩu hiện tại không đúng.", en: "The current password is not right.")
        case .passwordUnchanged: Sentence(vi: "Mật khẩu mới phải khác mật khẩu hiện tại.", en: "The new password must differ from the current one.")
        case .passwordsDiffer:
            Sentence(vi: "Hai lần nhập mật khẩu mới không giống nhau.", en: "The two entries of the new password are not the same.")
        case .noPassword:
            Sentence(
                vi: "Tổ chức đăng nhập bằng mã truy cập nên không có mật khẩu để đổi.",
                en: "An organisation signs in with its access token, so there is no password to change."
            )
        case .usernameInvalid:
            Sentence(
                vi: "Tên đăng nhập gồm 2-40 ký tự a-z, 0-9, '.', '_', '-', bắt đầu bằng chữ cái hoặc chữ số.",
                en: "A username is 2-40 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit."
            )
        case .usernameTaken(let name): Sentence(vi: "Tên đăng nhập '\(name)' đã có người dùng.", en: "The username '\(name)' is taken.")
        case .tokenExists(let name):
            Sentence(vi: "\(name) đã có mã truy cập; dùng nút Cấp mã mới để thay.", en: "\(name) already has a token; rotate it to replace it.")
        case .noCustomer(let name):
            Sentence(vi: "Không có khách hàng có mã hoặc tên \(name).", en: "There is no customer with the code or name \(name).")
        case .ambiguousCustomer(let name, let count):
            Sentence(vi: "Có \(count) khách hàng tên \(name); hãy dùng mã khách hàng.", en: "\(count) customers are named \(name); use the code.")
        case .customerCodeInvalid(let code):
            Sentence(
                vi: "\(code) không phải mã khách hàng: 1-32 ký tự A-Z, 0-9, '.', '_', '-', bắt đầu bằng chữ hoặc số.",
                en: "\(code) is not a customer code: 1-32 of A-Z, 0-9, '.', '_', '-', starting with a letter or digit."
            )
        case .ownAccount:
            Sentence(
                vi: "Bạn không thể tự khóa tài khoản hay tự bỏ quyền quản trị của chính mình.",
                en: "You cannot deactivate your own account or give up your own administrator role."
            )
        case .invitationInvalid:
            Sentence(
                vi: "Đường dẫn mời không hợp lệ hoặc đã được dùng. Nếu bạn đã chọn mật khẩu, hãy đăng nhập.",
                en: "This invitation link is not valid or has been used. If you have chosen your password, sign in."
            )
        case .invitationExpired:
            Sentence(
                vi: "Lời mời đã hết hạn. Vui lòng đề nghị quản trị viên gửi lời mời mới.",
                en: "This invitation has expired. Please ask your administrator to send a new one."
            )
        case .unknownTicketType(let type): Sentence(vi: "Không có loại yêu cầu '\(type)'.", en: "There is no request type '\(type)'.")
        case .idempotencyKeyReused:
            Sentence(
                vi: "Idempotency-Key này đã được dùng cho một yêu cầu khác. Hãy dùng một khóa mới cho mỗi yêu cầu mới.",
                en: "This Idempotency-Key was used for a different request. Use a new key for each new request."
            )
        case .unknownPriority(let priority):
            Sentence(
                vi: "Mức ưu tiên '\(priority)' không hợp lệ: dùng low, normal, high hoặc urgent.",
                en: "Priority '\(priority)' is not valid: use low, normal, high or urgent."
            )
        case .unknownStage(let stage): Sentence(vi: "Không có trạng thái '\(stage)'.", en: "There is no stage '\(stage)'.")
        case .unknownStaff(let name): Sentence(vi: "Không có nhân viên '\(name)'.", en: "There is no staff member '\(name)'.")
        case .invalidDate(let text):
            Sentence(vi: "Ngày '\(text)' không hợp lệ: dùng dạng YYYY-MM-DD.", en: "Date '\(text)' is not valid: use YYYY-MM-DD.")
        case .invalidCursor:
            Sentence(
                vi: "Con trỏ phân trang không hợp lệ; hãy tải lại từ trang đầu.",
                en: "The page cursor is not valid; start again from the first page."
            )
        case .malformedBody: Sentence(vi: "Nội dung gửi lên không đúng định dạng JSON mong đợi.", en: "The request body is not the JSON expected.")
        case .transitionNotAllowed(let from, let to):
            Sentence(
                vi: "Không thể chuyển từ '\(from)' sang '\(to)' theo quy trình.",
                en: "The workflow does not allow moving from '\(from)' to '\(to)'."
            )
        case .staleVersion:
            Sentence(
                vi: "Phiếu vừa được người khác cập nhật. Vui lòng tải lại rồi thử lại; chưa có gì bị thay đổi.",
                en: "Someone else just updated this ticket. Reload and try again; nothing was changed."
            )
        case .ticketClosed:
            Sentence(vi: "Phiếu đã kết thúc nên không thể gửi thêm tin nhắn.", en: "This ticket is closed, so no more messages can be added.")
        case .ticketNotFound: Sentence(vi: "Không tìm thấy phiếu với mã này.", en: "No ticket with this code was found.")
        case .signInFailed: Sentence(vi: "Thông tin đăng nhập không đúng.", en: "Those sign-in details are not right.")
        case .accountEnded: Sentence(vi: "Tài khoản này đã kết thúc.", en: "This account has ended.")
        case .tooManySignIns(let seconds):
            Sentence(
                vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau \(seconds) giây.",
                en: "Too many failed sign-ins. Please try again in \(seconds) seconds."
            )
        case .notSignedIn: Sentence(vi: "Vui lòng đăng nhập.", en: "Please sign in.")
        case .addressNotFound(let method, let path):
            Sentence(
                vi: "API không có \(method) \(path); /openapi.yaml liệt kê các địa chỉ và phương thức có.",
                en: "The API has no \(method) \(path); /openapi.yaml lists the addresses and methods there are."
            )
        case .staffOnly: Sentence(vi: "Chỉ nhân viên mới thực hiện được thao tác này.", en: "Only staff can do this.")
        case .adminOnly: Sentence(vi: "Chỉ quản trị viên mới thực hiện được thao tác này.", en: "Only administrators can do this.")
        case .notOneOf(let value, let allowed):
            Sentence(
                vi: "Giá trị '\(value)' không hợp lệ; chọn một trong: \(allowed.joined(separator: ", ")).",
                en: "'\(value)' is not allowed; use one of: \(allowed.joined(separator: ", "))."
            )
        case .invalidWeeklyHours(let detail):
            Sentence(
                vi: "Giờ làm việc không hợp lệ (\(detail)). Ví dụ đúng: mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00.",
                en: "Those working hours are not valid (\(detail)). For example: mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00."
            )
        case .unknownTimeZone(let zone):
            Sentence(
                vi: "Không có múi giờ '\(zone)'; dùng tên IANA như Asia/Ho_Chi_Minh.",
                en: "There is no time zone '\(zone)'; use an IANA name such as Asia/Ho_Chi_Minh."
            )
        case .defaultPolicyMissing(let priority):
            Sentence(
                vi: "Cần một chính sách chung (team rỗng) cho mức ưu tiên \(priority).",
                en: "A policy for every team (empty team) is needed for priority \(priority)."
            )
        case .policyGivenTwice(let team, let priority):
            Sentence(
                vi: "Chính sách cho nhóm '\(team)', mức ưu tiên \(priority) bị khai báo hai lần.",
                en: "The policy for team '\(team)', priority \(priority) is given twice."
            )
        case .teamGivenTwice(let team): Sentence(vi: "Nhóm '\(team)' bị khai báo hai lần.", en: "Team '\(team)' is given twice.")
        case .formExpired: PortalText.formExpired
        case .viewTooLargeForBulk(let limit):
            Sentence(
                vi: "Bảng này có hơn \(limit) phiếu: hãy lọc bớt, hoặc chọn từng phiếu.",
                en: "This view has more than \(limit) tickets: narrow it with a filter, or tick the tickets."
            )
        case .phoneDigits:
            Sentence(vi: "Nhập đúng 4 chữ số cuối của số điện thoại liên hệ.", en: "Enter the last 4 digits of the contact phone number.")
        case .cannedReplyNotFound: Sentence(vi: "Không tìm thấy câu trả lời mẫu này.", en: "No such canned reply.")
        case .fileRequired: Sentence(vi: "Vui lòng chọn ít nhất một tệp.", en: "Please choose at least one file.")
        case .fileTooLarge(let name, let limit):
            Sentence(
                vi: "Tệp '\(name)' quá lớn: tối đa \(megabytes(limit)) MB mỗi tệp.",
                en: "File '\(name)' is too large: at most \(megabytes(limit)) MB per file."
            )
        case .unsupportedFileType(let name):
            Sentence(
                vi: "Tệp '\(name)' không phải ảnh JPEG, PNG, WebP, GIF hay tài liệu PDF.",
                en: "File '\(name)' is not a JPEG, PNG, WebP or GIF image or a PDF document."
            )
        case .tooManyFiles(let limit):
            Sentence(vi: "Mỗi phiếu chỉ đính kèm được tối đa \(limit) tệp.", en: "A ticket can have at most \(limit) attached files.")
        case .attachmentNotFound: Sentence(vi: "Không tìm thấy tệp đính kèm.", en: "No such attachment.")
        case .ratingLinkInvalid:
            Sentence(
                vi: "Đường dẫn đánh giá không hợp lệ. Vui lòng dùng đúng đường dẫn trong email bạn nhận được.",
                en: "This rating link is not valid. Please use the link exactly as it came in your email."
            )
        case .ratingLinkExpired: Sentence(vi: "Đường dẫn đánh giá đã hết hạn.", en: "This rating link has expired.")
        case .alreadyRated: Sentence(vi: "Phiếu này đã được đánh giá. Cảm ơn bạn!", en: "This ticket has been rated already. Thank you!")
        case .ticketNotFinished:
            Sentence(vi: "Phiếu chưa hoàn thành nên chưa thể đánh giá.", en: "The ticket is not finished yet, so it cannot be rated.")
        case .hotlineInvalid:
            Sentence(
                vi: "Số tổng đài chỉ gồm chữ số và dấu cách, chấm, gạch, ngoặc, ví dụ 1900 6868.",
                en: "A hotline is digits with spaces, dots, dashes or brackets, for example 1900 6868."
            )
        case .webAddressInvalid:
            Sentence(
                vi: "Địa chỉ web phải bắt đầu bằng https:// hoặc http://, ví dụ https://congty.vn.",
                en: "A web address starts with https:// or http://, for example https://company.vn."
            )
        case .unknownWorkflow(let type): Sentence(vi: "Không có quy trình '\(type)'.", en: "There is no workflow '\(type)'.")
        case .stageKeyInvalid(let key):
            Sentence(
                vi: "Mã bước '\(key)' không hợp lệ: 1-40 ký tự a-z, 0-9, '_', bắt đầu bằng chữ cái.",
                en: "Stage key '\(key)' is not valid: 1-40 of a-z, 0-9 and '_', starting with a letter."
            )
        case .stageGivenTwice(let key): Sentence(vi: "Bước '\(key)' bị trùng.", en: "Stage '\(key)' is given twice.")
        case .firstStageTerminal:
            Sentence(
                vi: "Bước đầu tiên là nơi phiếu mới bắt đầu nên không thể là bước kết thúc.",
                en: "The first stage is where new tickets start, so it cannot be a final stage."
            )
        case .noTerminalStage: Sentence(vi: "Quy trình cần ít nhất một bước kết thúc.", en: "A workflow needs at least one final stage.")
        case .stageWithoutExit(let name):
            Sentence(
                vi: "Bước '\(name)' chưa kết thúc nhưng không chuyển được sang bước nào.",
                en: "Stage '\(name)' is not final but has no move to another stage."
            )
        case .stageInUse(let name, let tickets):
            Sentence(
                vi: "Không thể bỏ bước '\(name)': còn \(tickets) phiếu đang ở bước này.",
                en: "Stage '\(name)' cannot be removed: \(tickets) ticket(s) are in it."
            )
        }
    }
}
