package dev.unibar.core.model;

/** One end of a call: a number and, when the vendor knows it, a name. */
public record Party(String number, String name) {
    public static Party of(String number, String name) {
        return number == null && name == null ? null : new Party(number, name);
    }
}
