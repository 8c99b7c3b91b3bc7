package se.clientfunds.app.web;

import se.clientfunds.outcome.InputError;

/** A request field that is missing or wrong: the problem names it ({@code field}). */
class InvalidField extends InputError {

    private final String field;

    InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
