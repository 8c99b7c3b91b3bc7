package se.clientfunds.app.web;

/** The body of every action: why (recorded with it, required). Who is the user logged in. */
record ActionRequest(String reason) {

    /** The reason, refused naming the field when it is missing or blank. */
    static String reasonOf(ActionRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new InvalidField("reason", "reason is required: say why (it is recorded with the action)");
        }
        return request.reason().trim();
    }
}
