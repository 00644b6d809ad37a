package dev.unibar.core.model;

public record QueueRef(String id, String name, String number) {
    public static QueueRef of(String id, String name, String number) {
        return id == null && name == null && number == null ? null : new QueueRef(id, name, number);
    }
}
