package dev.unibar.core.model;

public record Campaign(String id, String name) {
    public static Campaign of(String id, String name) {
        return id == null && name == null ? null : new Campaign(id, name);
    }
}
