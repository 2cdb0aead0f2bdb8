import Foundation

extension Catalog {
    static func megabytes(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? String(bytes / (1024 * 1024)) : String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// What a refusal says to the person, in their language.
    static func message(_ reason: PortalError.Reason, _ language: Language) -> String {
        func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        return switch reason {
        case .required: pick("Vui lòng nhập thông tin này.", "This is required.")
        case .tooLong(let limit): pick("Quá dài: tối đa \(limit) ký tự.", "Too long: at most \(limit) characters.")
        case .invalidCharacters: pick("Nội dung chứa ký tự không hợp lệ (ký tự NUL).", "The text contains a character that is not allowed (NUL).")
        case .outOfRange(let low, let high):
            pick(
                "Giá trị phải là số nguyên từ \(low) đến \(high).",
                "The value must be a whole number from \(low) to \(high)."
            )
        case .uploadTooLarge(let limit):
            pick(
                "Tệp gửi lên quá lớn: tối đa \(megabytes(limit)) MB mỗi tệp.",
                "The upload is too large: at most \(megabytes(limit)) MB per file."
            )
        case .contactNameRequired: pick("Vui lòng nhập họ tên người liên hệ.", "Please give the contact person's name.")
        case .emailInvalid: pick("Email không hợp lệ, ví dụ đúng: ten@congty.vn.", "That email address is not valid; for example: name@company.vn.")
        case .phoneInvalid:
            pick(
                "Số điện thoại không hợp lệ: cần 10 hoặc 11 chữ số, ví dụ 0912 345 678 hoặc +84 912 345 678.",
                "That phone number is not valid: use 10 or 11 digits, e.g. 0912 345 678 or +84 912 345 678."
            )
        case .passwordTooShort: pick("Mật khẩu cần ít nhất 10 ký tự.", "Passwords need at least 10 characters.")
        case .passwordTooLong:
            pick(
                "Mật khẩu quá dài: tối đa 72 byte; mỗi chữ có dấu chiếm 2 hoặc 3 byte.",
                "That password is too long: at most 72 bytes, and a letter with a diacritic takes 2 or 3."
            )
        case .currentPasswordWrong: pick("Mật khẩu hiện tại không đúng.", "The current password is not right.")
        case .passwordUnchanged: pick("Mật khẩu mới phải khác mật khẩu hiện tại.", "The new password must differ from the current one.")
        case .passwordsDiffer: pick("Hai lần nhập mật khẩu mới không giống nhau.", "The two entries of the new password are not the same.")
        case .noPassword:
            pick(
                "Tổ chức đăng nhập bằng mã truy cập nên không có mật khẩu để đổi.",
                "An organisation signs in with its access token, so there is no password to change."
            )
        case .usernameInvalid:
            pick(
                "Tên đăng nhập gồm 2-40 ký tự a-z, 0-9, '.', '_', '-', bắt đầu bằng chữ cái hoặc chữ số.",
                "A username is 2-40 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit."
            )
        case .usernameTaken(let name): pick("Tên đăng nhập '\(name)' đã có người dùng.", "The username '\(name)' is taken.")
        case .tokenExists(let name):
            pick("\(name) đã có mã truy cập; dùng nút Cấp mã mới để thay.", "\(name) already has a token; rotate it to replace it.")
        case .noCustomer(let name): pick("Không có khách hàng có mã hoặc tên \(name).", "There is no customer with the code or name \(name).")
        case .ambiguousCustomer(let name, let count):
            pick("Có \(count) khách hàng tên \(name); hãy dùng mã khách hàng.", "\(count) customers are named \(name); use the code.")
        case .customerCodeInvalid(let code):
            pick(
                "\(code) không phải mã khách hàng: 1-32 ký tự A-Z, 0-9, '.', '_', '-', bắt đầu bằng chữ hoặc số.",
                "\(code) is not a customer code: 1-32 of A-Z, 0-9, '.', '_', '-', starting with a letter or digit."
            )
        case .ownAccount:
            pick(
                "Bạn không thể tự khóa tài khoản hay tự bỏ quyền quản trị của chính mình.",
                "You cannot deactivate your own account or give up your own administrator role."
            )
        case .invitationInvalid:
            pick(
                "Đường dẫn mời không hợp lệ hoặc đã được dùng. Nếu bạn đã chọn mật khẩu, hãy đăng nhập.",
                "This invitation link is not valid or has been used. If you have chosen your password, sign in."
            )
        case .invitationExpired:
            pick(
                "Lời mời đã hết hạn. Vui lòng đề nghị quản trị viên gửi lời mời mới.",
                "This invitation has expired. Please ask your administrator to send a new one."
            )
        case .unknownTicketType(let type): pick("Không có loại yêu cầu '\(type)'.", "There is no request type '\(type)'.")
        case .idempotencyKeyReused:
            pick(
                "Idempotency-Key này đã được dùng cho một yêu cầu khác. Hãy dùng một khóa mới cho mỗi yêu cầu mới.",
                "This Idempotency-Key was used for a different request. Use a new key for each new request."
            )
        case .unknownPriority(let priority):
            pick(
                "Mức ưu tiên '\(priority)' không hợp lệ: dùng low, normal, high hoặc urgent.",
                "Priority '\(priority)' is not valid: use low, normal, high or urgent."
            )
        case .unknownStage(let stage): pick("Không có trạng thái '\(stage)'.", "There is no stage '\(stage)'.")
        case .unknownStaff(let name): pick("Không có nhân viên '\(name)'.", "There is no staff member '\(name)'.")
        case .invalidDate(let text): pick("Ngày '\(text)' không hợp lệ: dùng dạng YYYY-MM-DD.", "Date '\(text)' is not valid: use YYYY-MM-DD.")
        case .invalidCursor:
            pick(
                "Con trỏ phân trang không hợp lệ; hãy tải lại từ trang đầu.",
                "The page cursor is not valid; start again from the first page."
            )
        case .malformedBody: pick("Nội dung gửi lên không đúng định dạng JSON mong đợi.", "The request body is not the JSON expected.")
        case .transitionNotAllowed(let from, let to):
            pick(
                "Không thể chuyển từ '\(from)' sang '\(to)' theo quy trình.",
                "The workflow does not allow moving from '\(from)' to '\(to)'."
            )
        case .staleVersion:
            pick(
                "Phiếu vừa được người khác cập nhật. Vui lòng tải lại rồi thử lại; chưa có gì bị thay đổi.",
                "Someone else just updated this ticket. Reload and try again; nothing was changed."
            )
        case .ticketClosed: pick("Phiếu đã kết thúc nên không thể gửi thêm tin nhắn.", "This ticket is closed, so no more messages can be added.")
        case .ticketNotFound: pick("Không tìm thấy phiếu với mã này.", "No ticket with this code was found.")
        case .signInFailed: pick("Thông tin đăng nhập không đúng.", "Those sign-in details are not right.")
        case .tooManySignIns(let seconds):
            pick(
                "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau \(seconds) giây.",
                "Too many failed sign-ins. Please try again in \(seconds) seconds."
            )
        case .notSignedIn: pick("Vui lòng đăng nhập.", "Please sign in.")
        case .addressNotFound(let method, let path):
            pick(
                "API không có \(method) \(path); /openapi.yaml liệt kê các địa chỉ và phương thức có.",
                "The API has no \(method) \(path); /openapi.yaml lists the addresses and methods there are."
            )
        case .staffOnly: pick("Chỉ nhân viên mới thực hiện được thao tác này.", "Only staff can do this.")
        case .adminOnly: pick("Chỉ quản trị viên mới thực hiện được thao tác này.", "Only administrators can do this.")
        case .notOneOf(let value, let allowed):
            pick(
                "Giá trị '\(value)' không hợp lệ; chọn một trong: \(allowed.joined(separator: ", ")).",
                "'\(value)' is not allowed; use one of: \(allowed.joined(separator: ", "))."
            )
        case .invalidWeeklyHours(let detail):
            pick(
                "Giờ làm việc không hợp lệ (\(detail)). Ví dụ đúng: mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00.",
                "Those working hours are not valid (\(detail)). For example: mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00."
            )
        case .unknownTimeZone(let zone):
            pick(
                "Không có múi giờ '\(zone)'; dùng tên IANA như Asia/Ho_Chi_Minh.",
                "There is no time zone '\(zone)'; use an IANA name such as Asia/Ho_Chi_Minh."
            )
        case .defaultPolicyMissing(let priority):
            pick(
                "Cần một chính sách chung (team rỗng) cho mức ưu tiên \(priority).",
                "A policy for every team (empty team) is needed for priority \(priority)."
            )
        case .policyGivenTwice(let team, let priority):
            pick(
                "Chính sách cho nhóm '\(team)', mức ưu tiên \(priority) bị khai báo hai lần.",
                "The policy for team '\(team)', priority \(priority) is given twice."
            )
        case .teamGivenTwice(let team): pick("Nhóm '\(team)' bị khai báo hai lần.", "Team '\(team)' is given twice.")
        case .formExpired: PortalText.formExpired(language)
        case .phoneDigits: pick("Nhập đúng 4 chữ số cuối của số điện thoại liên hệ.", "Enter the last 4 digits of the contact phone number.")
        case .cannedReplyNotFound: pick("Không tìm thấy câu trả lời mẫu này.", "No such canned reply.")
        case .fileRequired: pick("Vui lòng chọn ít nhất một tệp.", "Please choose at least one file.")
        case .fileTooLarge(let name, let limit):
            pick(
                "Tệp '\(name)' quá lớn: tối đa \(megabytes(limit)) MB mỗi tệp.",
                "File '\(name)' is too large: at most \(megabytes(limit)) MB per file."
            )
        case .unsupportedFileType(let name):
            pick(
                "Tệp '\(name)' không phải ảnh JPEG, PNG, WebP, GIF hay tài liệu PDF.",
                "File '\(name)' is not a JPEG, PNG, WebP or GIF image or a PDF document."
            )
        case .tooManyFiles(let limit): pick("Mỗi phiếu chỉ đính kèm được tối đa \(limit) tệp.", "A ticket can have at most \(limit) attached files.")
        case .attachmentNotFound: pick("Không tìm thấy tệp đính kèm.", "No such attachment.")
        case .ratingLinkInvalid:
            pick(
                "Đường dẫn đánh giá không hợp lệ. Vui lòng dùng đúng đường dẫn trong email bạn nhận được.",
                "This rating link is not valid. Please use the link exactly as it came in your email."
            )
        case .ratingLinkExpired: pick("Đường dẫn đánh giá đã hết hạn.", "This rating link has expired.")
        case .alreadyRated: pick("Phiếu này đã được đánh giá. Cảm ơn bạn!", "This ticket has been rated already. Thank you!")
        case .ticketNotFinished: pick("Phiếu chưa hoàn thành nên chưa thể đánh giá.", "The ticket is not finished yet, so it cannot be rated.")
        case .hotlineInvalid:
            pick(
                "Số tổng đài chỉ gồm chữ số và dấu cách, chấm, gạch, ngoặc, ví dụ 1900 6868.",
                "A hotline is digits with spaces, dots, dashes or brackets, for example 1900 6868."
            )
        case .webAddressInvalid:
            pick(
                "Địa chỉ web phải bắt đầu bằng https:// hoặc http://, ví dụ https://congty.vn.",
                "A web address starts with https:// or http://, for example https://company.vn."
            )
        case .unknownWorkflow(let type): pick("Không có quy trình '\(type)'.", "There is no workflow '\(type)'.")
        case .stageKeyInvalid(let key):
            pick(
                "Mã bước '\(key)' không hợp lệ: 1-40 ký tự a-z, 0-9, '_', bắt đầu bằng chữ cái.",
                "Stage key '\(key)' is not valid: 1-40 of a-z, 0-9 and '_', starting with a letter."
            )
        case .stageGivenTwice(let key): pick("Bước '\(key)' bị trùng.", "Stage '\(key)' is given twice.")
        case .firstStageTerminal:
            pick(
                "Bước đầu tiên là nơi phiếu mới bắt đầu nên không thể là bước kết thúc.",
                "The first stage is where new tickets start, so it cannot be a final stage."
            )
        case .noTerminalStage: pick("Quy trình cần ít nhất một bước kết thúc.", "A workflow needs at least one final stage.")
        case .stageWithoutExit(let name):
            pick(
                "Bước '\(name)' chưa kết thúc nhưng không chuyển được sang bước nào.",
                "Stage '\(name)' is not final but has no move to another stage."
            )
        case .stageInUse(let name, let tickets):
            pick(
                "Không thể bỏ bước '\(name)': còn \(tickets) phiếu đang ở bước này.",
                "Stage '\(name)' cannot be removed: \(tickets) ticket(s) are in it."
            )
        }
    }
}
