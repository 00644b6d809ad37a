package dev.unibar.core.model;

/**
 * A conference leg: {@code state} is {@code dialing}, {@code connected}, {@code left} or {@code failed}.
 * Every field but {@code state} may be null (a failed dial may name no number).
 */
public record Participant(String id, String number, String state) {
}
