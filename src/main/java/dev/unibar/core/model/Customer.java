package dev.unibar.core.model;

public record Customer(String name, String number, String externalId) {
    public static Customer of(String name, String number, String externalId) {
        return name == null && number == null && externalId == null ? null : new Customer(name, number, externalId);
    }
}
