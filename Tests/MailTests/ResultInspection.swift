import Mail

extension Result where Success == Void, Failure == MailDeliveryError {
    /// The delivery error, nil when the message was accepted; lets tests compare results directly.
    var failure: MailDeliveryError? {
        if case .failure(let error) = self { error } else { nil }
    }
}
