package dev.unibar.core.model;

/**
 * The customer on a call. {@code picture} is an http(s) address of the customer's picture, known only from a
 * customer lookup; it is for the bar's own card and not part of the CONTRACT's output.
 */
public record Customer(String name, String number, String externalId, String picture) {
    public Customer(String name, String number, String externalId) {
        this(name, number, externalId, null);
    }

    public static Customer of(String name, String number, String externalId) {
        return of(name, number, externalId, null);
    }

    public static Customer of(String name, String number, String externalId, String picture) {
        return name == null && number == null && externalId == null && picture == null ? null
                : new Customer(name, number, externalId, picture);
    }
}
